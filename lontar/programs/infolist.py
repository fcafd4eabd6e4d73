"""The planning documents in the agency's DIP (lontar/infolist/registry.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lontar.infolist.registry import Entry, register_source
from lontar.programs.selectors import planning_documents


@register_source("perencanaan", _("Dokumen perencanaan dan anggaran"), "berkala")
def plans(agency) -> list[Entry]:
    return [
        Entry(
            summary=f"{doc.get_kind_display()} {doc.year}: {doc.title}",
            url=doc.document.url if doc.document_id else "",
            updated_on=doc.published_on,
        )
        for doc in planning_documents(agency)
    ]
