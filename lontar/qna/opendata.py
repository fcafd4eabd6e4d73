"""The FAQ in open data: the content-API source /api/v1/faq/ (see regulations/opendata.py)."""

from __future__ import annotations

from django.db.models import QuerySet

from lontar.core.public_urls import absolute_url_for_agency_id
from lontar.opendata.content_api import ContentFilter, ContentSource, register_content
from lontar.qna.selectors import published_questions


def _faq_of(agency) -> QuerySet:
    return (
        published_questions(agency).select_related("answer__unit").order_by("-published_at", "-pk")
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
        "url": absolute_url_for_agency_id(question.agency_id, question.get_absolute_url(), request),
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
            "answering_unit": "string|null",
            "published_at": "string|null",
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
