"""Plugs the regulations library into the site search (/cari/, lontar.search.registry)."""

from __future__ import annotations

from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from lontar.search.registry import SearchSource, register_searchable

SNIPPET_CHARS = 300


def _queryset_for_agency(agency):
    from lontar.regulations.selectors import published_documents

    return published_documents(agency)


def _queryset_for_agencies(agencies):
    from lontar.regulations.models import LegalDocument

    return LegalDocument.objects.filter(agency__in=agencies, is_published=True)


def _date_of(document):
    return document.promulgated_on or document.enacted_on


def _url_of(document, request) -> str:
    return document.get_absolute_url()


def _text_of(document) -> str:
    return f"{document.full_name}. {document.abstract or document.extracted_text}"[:SNIPPET_CHARS]


def register() -> None:
    from lontar.regulations.models import LegalDocument
    from lontar.regulations.selectors import SEARCH_KEY

    register_searchable(
        SearchSource(
            key=SEARCH_KEY,
            label=_("Regulasi"),
            model=LegalDocument,
            queryset_for_agency=_queryset_for_agency,
            date_of=_date_of,
            url_of=_url_of,
            text_of=_text_of,
            date_field=Coalesce("promulgated_on", "enacted_on"),
            queryset_for_agencies=_queryset_for_agencies,
        )
    )
