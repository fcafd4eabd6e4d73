"""The JDIH's published legal documents in the agency's DIP (lontar/infolist/registry.py)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lontar.infolist.registry import Entry, register_source
from lontar.regulations.models import short_name_of, short_name_patterns
from lontar.regulations.selectors import published_documents


@register_source("regulasi", _("Peraturan, keputusan, dan kebijakan (JDIH)"), "setiap_saat")
def legal_documents(agency) -> list[Entry]:
    documents = (
        published_documents(agency)
        .order_by("-year", "kind", "number")
        .values_list("pk", "kind", "kind_abbreviation", "number", "year", "title", "enacted_on")
    )
    # Plain values and one URL reversed: 500 model instances and reverse() calls were most of
    # the DIP's time at 1,000 regulations (issue 22).
    pattern = reverse("regulations:detail", args=[0])
    names = short_name_patterns()  # translated once for the list
    return [
        Entry(
            summary=f"{short_name_of(kind, abbreviation, number, year, names)} tentang {title}",
            url=pattern.replace("/0/", f"/{pk}/"),
            updated_on=enacted_on,
        )
        for pk, kind, abbreviation, number, year, title, enacted_on in documents[:500]
    ]
