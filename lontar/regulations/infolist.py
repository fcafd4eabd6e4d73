"""The JDIH's published legal documents in the agency's DIP (lontar/infolist/registry.py)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lontar.infolist.registry import Entry, QueryEntries, register_source
from lontar.regulations.models import short_name_of, short_name_patterns
from lontar.regulations.selectors import published_documents


@register_source("regulasi", _("Peraturan, keputusan, dan kebijakan (JDIH)"), "setiap_saat")
def legal_documents(agency) -> QueryEntries:
    documents = (
        published_documents(agency)
        .order_by("-year", "kind", "number", "pk")
        .values_list("pk", "kind", "kind_abbreviation", "number", "year", "title", "enacted_on")
    )
    # Plain values, one URL reversed and the names translated once: the DIP reads one page of
    # regulations at a time (issue 22).
    pattern = reverse("regulations:detail", args=[0])
    names = short_name_patterns()

    def entry(row) -> Entry:
        pk, kind, abbreviation, number, year, title, enacted_on = row
        return Entry(
            summary=f"{short_name_of(kind, abbreviation, number, year, names)} tentang {title}",
            url=pattern.replace("/0/", f"/{pk}/"),
            updated_on=enacted_on,
        )

    return QueryEntries(
        documents, entry, search_fields=("title", "kind", "kind_abbreviation", "number")
    )
