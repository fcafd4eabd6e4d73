"""The content API for other agencies' sites (/api/v1/): a registry of content sources.

Each source says how to list an agency's public records, which query filters it accepts, how a
record becomes JSON and when it last changed. News and regulations are built in; other apps
(FAQ, events, DIP) plug in with `register_content(ContentSource(...))`.
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
    CONTENT_SOURCES[source.key] = source


def _news_of(agency) -> QuerySet:
    from lontar.news.models import NewsArticlePage

    if agency.site_id is None:
        return NewsArticlePage.objects.none()
    return (
        NewsArticlePage.objects.live()
        .public()
        .descendant_of(agency.site.root_page)
        .select_related("category")
        .order_by("-date", "-pk")
    )


def _news_json(article, request) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "lead": article.lead,
        "date": article.date.isoformat(),
        "category": article.category.name if article.category_id else None,
        "url": article.get_full_url(request),
        "last_published_at": article.last_published_at.isoformat()
        if article.last_published_at
        else None,
    }


def _regulations_of(agency) -> QuerySet:
    from lontar.regulations.models import LegalDocument

    return LegalDocument.objects.filter(agency=agency, is_published=True).order_by("-year", "-pk")


def _regulation_json(document, request) -> dict:
    return {
        "id": document.pk,
        "type": document.document_type,
        "kind": document.kind,
        "number": document.number,
        "year": document.year,
        "title": document.title,
        "status": document.status,
        "enacted_on": document.enacted_on.isoformat() if document.enacted_on else None,
        "url": request.build_absolute_uri(document.get_absolute_url()),
        "updated_at": document.updated_at.isoformat(),
    }


register_content(
    ContentSource(
        key="news",
        title="Berita",
        queryset_for_agency=_news_of,
        serialize=_news_json,
        modified_of=lambda article: article.last_published_at,
        fields={
            "id": "integer",
            "title": "string",
            "lead": "string",
            "date": "string",
            "category": "string",
            "url": "string",
            "last_published_at": "string",
        },
        filters=[
            ContentFilter("q", "Kata dalam judul", lambda qs, v: qs.filter(title__icontains=v)),
            ContentFilter("category", "Slug kategori", lambda qs, v: qs.filter(category__slug=v)),
            ContentFilter(
                "date_from",
                "Tanggal awal (TTTT-BB-HH)",
                lambda qs, v: qs.filter(date__gte=v),
                type="date",
            ),
            ContentFilter(
                "date_to",
                "Tanggal akhir (TTTT-BB-HH)",
                lambda qs, v: qs.filter(date__lte=v),
                type="date",
            ),
        ],
    )
)
register_content(
    ContentSource(
        key="regulations",
        title="Regulasi (JDIH)",
        queryset_for_agency=_regulations_of,
        serialize=_regulation_json,
        modified_of=lambda document: document.updated_at,
        fields={
            "id": "integer",
            "type": "string",
            "kind": "string",
            "number": "string",
            "year": "integer",
            "title": "string",
            "status": "string",
            "enacted_on": "string",
            "url": "string",
            "updated_at": "string",
        },
        filters=[
            ContentFilter("q", "Kata dalam judul", lambda qs, v: qs.filter(title__icontains=v)),
            ContentFilter("year", "Tahun", lambda qs, v: qs.filter(year=v), type="integer"),
            ContentFilter("type", "Jenis dokumen", lambda qs, v: qs.filter(document_type=v)),
            ContentFilter("status", "Status", lambda qs, v: qs.filter(status=v)),
        ],
    )
)


def _faq_of(agency) -> QuerySet:
    from lontar.qna.selectors import published_questions

    return published_questions(agency).select_related("answer__unit").order_by(
        "-published_at", "-pk"
    )


def _faq_json(question, request) -> dict:
    # Only the published, redacted wording: never the asker's name, e-mail or phone.
    answer = getattr(question, "answer", None)
    return {
        "id": question.pk,
        "category": question.category,
        "question": question.public_question,
        "answer": question.public_answer,
        "answering_unit": answer.unit.name if answer and answer.unit_id else None,
        "published_at": question.published_at.isoformat() if question.published_at else None,
        "url": request.build_absolute_uri(question.get_absolute_url()),
    }


def _events_of(agency) -> QuerySet:
    from lontar.programs.models import Event

    return Event.objects.filter(agency=agency).order_by("-starts_at", "-pk")


def _event_json(event, request) -> dict:
    return {
        "id": event.pk,
        "title": event.title,
        "category": event.category,
        "starts_at": event.starts_at.isoformat(),
        "ends_at": event.ends_at.isoformat() if event.ends_at else None,
        "place": event.place,
        "audience": event.audience,
        "registration_url": event.registration_url or None,
        "url": request.build_absolute_uri(event.get_absolute_url()),
    }


register_content(
    ContentSource(
        key="faq",
        title="Tanya jawab (FAQ)",
        queryset_for_agency=_faq_of,
        serialize=_faq_json,
        modified_of=lambda question: question.published_at,
        fields={
            "id": "integer",
            "category": "string",
            "question": "string",
            "answer": "string",
            "answering_unit": "string",
            "published_at": "string",
            "url": "string",
        },
        filters=[
            ContentFilter("category", "Kategori", lambda qs, v: qs.filter(category=v)),
            ContentFilter(
                "q", "Kata dalam pertanyaan", lambda qs, v: qs.filter(public_question__icontains=v)
            ),
        ],
    )
)
register_content(
    ContentSource(
        key="events",
        title="Agenda",
        queryset_for_agency=_events_of,
        serialize=_event_json,
        modified_of=lambda event: None,
        fields={
            "id": "integer",
            "title": "string",
            "category": "string",
            "starts_at": "string",
            "ends_at": "string",
            "place": "string",
            "audience": "string",
            "registration_url": "string",
            "url": "string",
        },
        filters=[
            ContentFilter("category", "Kategori", lambda qs, v: qs.filter(category=v)),
            ContentFilter(
                "date_from",
                "Mulai sejak (TTTT-BB-HH)",
                lambda qs, v: qs.filter(starts_at__date__gte=v),
                type="date",
            ),
        ],
    )
)


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
