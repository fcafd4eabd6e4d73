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
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from lontar.core.params import InvalidParameter, clean_text, parse_date, parse_int


@dataclass(frozen=True)
class ContentFilter:
    """A query filter; `apply` receives the value already parsed according to `type`
    ("string": clean text, "integer": int, "date": datetime.date)."""

    name: str
    description: str
    apply: Callable[[QuerySet, object], QuerySet]
    type: str = "string"


# What the parameters accept, stated once: the OpenAPI document is built from these and the
# view parses with them, so the schema and the behaviour cannot drift apart.
MAX_TEXT = 200
TEXT_PATTERN = "^[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]*$"
SLUG_PATTERN = "^[-a-zA-Z0-9_]*$"
MAX_INTEGER = 10**18 - 1
MAX_PAGE = 100_000
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


def _not_blank(raw: str | None, name: str) -> str | None:
    """A number or date given as an empty value is an error here (the schema says so), not
    "absent" as in an HTML form."""
    if raw is not None and not raw.strip():
        raise InvalidParameter(name, _("“%(name)s” tidak boleh kosong.") % {"name": name})
    return raw


def parse_api_text(raw: str | None, name: str, max_length: int = MAX_TEXT) -> str:
    if raw is not None and len(raw) > max_length:
        raise InvalidParameter(
            name,
            _("“%(name)s” paling banyak %(max)s karakter.") % {"name": name, "max": max_length},
        )
    return clean_text(raw, name, max_length=max_length)


def parse_api_int(raw: str | None, name: str, minimum: int, maximum: int, default=None):
    return parse_int(_not_blank(raw, name), name, minimum=minimum, maximum=maximum, default=default)


def parse_filter_value(content_filter: ContentFilter, raw: str | None) -> object:
    """The filter's value from the query string, or None when absent; junk raises
    `InvalidParameter` (answered with 400 JSON)."""
    name = content_filter.name
    if content_filter.type == "integer":
        return parse_api_int(raw, name, -MAX_INTEGER, MAX_INTEGER)
    if content_filter.type == "date":
        return parse_date(_not_blank(raw, name), name)
    return parse_api_text(raw, name) or None


@dataclass(frozen=True)
class ContentSource:
    key: str
    title: str
    queryset_for_agency: Callable[[object], QuerySet]
    serialize: Callable[[object, object], dict]
    modified_of: Callable[[object], datetime | None]
    fields: dict[str, str]
    filters: list[ContentFilter] = field(default_factory=list)
    # A maintained count of the unfiltered records, or None when it is unknown: the list's
    # "count" without counting 100,000 articles per request (issue 22).
    count_for_agency: Callable[[Any], int | None] | None = None


CONTENT_SOURCES: dict[str, ContentSource] = {}


def register_content(source: ContentSource) -> None:
    """Serve `source` at /api/v1/<key>/ (the key is part of the public URL: never change it)."""
    CONTENT_SOURCES[source.key] = source


def _filter_schema(kind: str) -> dict:
    if kind == "date":
        return {"type": "string", "format": "date"}
    if kind == "integer":
        return {"type": "integer", "minimum": -MAX_INTEGER, "maximum": MAX_INTEGER}
    return {"type": "string", "maxLength": MAX_TEXT, "pattern": TEXT_PATTERN}


def _field_schema(kind: str) -> dict:
    """A record field: "string", "integer", or either with "|null" where it may be missing."""
    base, _sep, null = kind.partition("|")
    schema: dict = {"type": base}
    if null == "null":
        schema["nullable"] = True
    return schema


def _item_schema(source: ContentSource) -> dict:
    return {
        "type": "object",
        "properties": {k: _field_schema(t) for k, t in source.fields.items()},
        "required": list(source.fields),
        "additionalProperties": False,
    }


COMMON_PARAMETERS = [
    {
        "name": "agency",
        "in": "query",
        "schema": {"type": "string", "maxLength": 60, "pattern": SLUG_PATTERN},
        "description": "Slug instansi (bawaan: instansi situs ini)",
    },
    {
        "name": "page",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
    },
    {
        "name": "page_size",
        "in": "query",
        "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_PAGE_SIZE,
            "default": DEFAULT_PAGE_SIZE,
        },
    },
]
ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {"parameter": {"type": "string"}, "message": {"type": "string"}},
        }
    },
    "required": ["error"],
}


def _operation(source: ContentSource) -> dict:
    page_link = {"type": "string", "nullable": True}
    params = COMMON_PARAMETERS + [
        {
            "name": f.name,
            "in": "query",
            "schema": _filter_schema(f.type),
            "description": f.description,
        }
        for f in source.filters
    ]
    return {
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
                                "count": {"type": "integer", "minimum": 0},
                                "next": page_link,
                                "previous": page_link,
                                "results": {"type": "array", "items": _item_schema(source)},
                            },
                            "required": ["count", "next", "previous", "results"],
                            "additionalProperties": False,
                        }
                    }
                },
            },
            "304": {"description": "Tidak berubah (If-None-Match / If-Modified-Since)"},
            "400": {
                "description": "Parameter tidak sah",
                "content": {"application/json": {"schema": ERROR_SCHEMA}},
            },
            "404": {"description": "Instansi tidak dikenal"},
        },
    }


def openapi_schema(base_url: str) -> dict:
    paths = {
        f"/api/v1/{source.key}/": {"get": _operation(source)} for source in CONTENT_SOURCES.values()
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "Lontar content API", "version": "1"},
        "servers": [{"url": base_url}],
        "paths": paths,
    }
