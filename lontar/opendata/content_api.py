"""The content API for other agencies' sites (/api/v1/): a registry of content sources.

Each source says how to list an agency's public records, which query filters it accepts, how a
record becomes JSON and when it last changed. Each app registers its own in its
`lontar/<app>/opendata.py` with `register_content(ContentSource(...))`, reading its records
through its own selectors (news, regulations, qna's FAQ, programs' events);
`OpendataConfig.ready()` imports those modules, so this one never imports another app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet

from lontar.core.params import clean_text, parse_date, parse_int


@dataclass(frozen=True)
class ContentFilter:
    """A query filter; `apply` receives the value already parsed according to `type`
    ("string": clean text, "integer": int, "date": datetime.date)."""

    name: str
    description: str
    apply: Callable[[QuerySet, object], QuerySet]
    type: str = "string"


def parse_filter_value(content_filter: ContentFilter, raw: str | None) -> object:
    """The filter's value from the query string, or None when absent; junk raises
    `InvalidParameter` (answered with 400 JSON)."""
    if content_filter.type == "integer":
        return parse_int(raw, content_filter.name)
    if content_filter.type == "date":
        return parse_date(raw, content_filter.name)
    return clean_text(raw, content_filter.name) or None


@dataclass(frozen=True)
class ContentSource:
    key: str
    title: str
    queryset_for_agency: Callable[[object], QuerySet]
    serialize: Callable[[object, object], dict]
    modified_of: Callable[[object], datetime | None]
    fields: dict[str, str]
    filters: list[ContentFilter] = field(default_factory=list)


CONTENT_SOURCES: dict[str, ContentSource] = {}


def register_content(source: ContentSource) -> None:
    """Serve `source` at /api/v1/<key>/ (the key is part of the public URL: never change it)."""
    CONTENT_SOURCES[source.key] = source


def _filter_schema(kind: str) -> dict:
    if kind == "date":
        return {"type": "string", "format": "date"}
    return {"type": kind}


def openapi_schema(base_url: str) -> dict:
    paths: dict = {}
    common = [
        {
            "name": "agency",
            "in": "query",
            "schema": {"type": "string"},
            "description": "Slug instansi (bawaan: instansi situs ini)",
        },
        {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
        {
            "name": "page_size",
            "in": "query",
            "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
        },
    ]
    for source in CONTENT_SOURCES.values():
        item = {"type": "object", "properties": {k: {"type": t} for k, t in source.fields.items()}}
        params = common + [
            {
                "name": f.name,
                "in": "query",
                "schema": _filter_schema(f.type),
                "description": f.description,
            }
            for f in source.filters
        ]
        paths[f"/api/v1/{source.key}/"] = {
            "get": {
                "summary": source.title,
                "operationId": f"list_{source.key}",
                "parameters": params,
                "responses": {
                    "200": {
                        "description": "OK",
                        "headers": {
                            "ETag": {"schema": {"type": "string"}},
                            "Last-Modified": {"schema": {"type": "string"}},
                        },
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "count": {"type": "integer"},
                                        "next": {"type": "string", "nullable": True},
                                        "previous": {"type": "string", "nullable": True},
                                        "results": {"type": "array", "items": item},
                                    },
                                }
                            }
                        },
                    },
                    "304": {"description": "Tidak berubah (If-None-Match)"},
                    "400": {"description": "Parameter tidak sah (error.parameter, error.message)"},
                    "404": {"description": "Instansi tidak dikenal"},
                },
            }
        }
    return {
        "openapi": "3.0.3",
        "info": {"title": "Lontar content API", "version": "1"},
        "servers": [{"url": base_url}],
        "paths": paths,
    }
