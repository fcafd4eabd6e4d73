"""The JDIH's published legal documents in the agency's DIP (lontar/infolist/registry.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lontar.infolist.registry import Entry, register_source
from lontar.regulations.selectors import published_documents


@register_source("regulasi", _("Peraturan, keputusan, dan kebijakan (JDIH)"), "setiap_saat")
def legal_documents(agency) -> list[Entry]:
    documents = published_documents(agency).order_by("-year", "kind", "number")
    return [
        Entry(
            summary=f"{document.short_name} tentang {document.title}",
            url=document.get_absolute_url(),
            updated_on=document.enacted_on,
        )
        for document in documents[:500]
    ]
