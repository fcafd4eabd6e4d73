"""Plugs the published FAQ into the site search (/cari/, lontar.search.registry)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lontar.search.registry import SearchSource, register_searchable

SNIPPET_CHARS = 300


def _queryset_for_agency(agency):
    from lontar.qna.selectors import published_questions

    return published_questions(agency)


def _queryset_for_agencies(agencies):
    from lontar.qna.models import Question

    return Question.objects.published().filter(agency__in=agencies)


def _date_of(question):
    return question.published_at.date() if question.published_at else None


def _url_of(question, request) -> str:
    return question.get_absolute_url()


def _text_of(question) -> str:
    return f"{question.public_question} {question.public_answer}"[:SNIPPET_CHARS]


def register() -> None:
    from lontar.qna.models import Question
    from lontar.qna.selectors import SEARCH_KEY

    register_searchable(
        SearchSource(
            key=SEARCH_KEY,
            label=_("Tanya jawab"),
            model=Question,
            queryset_for_agency=_queryset_for_agency,
            date_of=_date_of,
            url_of=_url_of,
            text_of=_text_of,
            date_field="published_at",
            queryset_for_agencies=_queryset_for_agencies,
        )
    )
