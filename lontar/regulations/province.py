"""The province's regulations chosen to appear on every OPD's site (lontar/province)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lontar.core.public_urls import absolute_url
from lontar.province.registry import SharedItem, register_shared
from lontar.regulations.selectors import published_documents

SHARED_LIMIT = 5


@register_shared("produk_hukum", _("Produk hukum provinsi"))
def province_regulations(province) -> list[SharedItem]:
    documents = (
        published_documents(province)
        .filter(shown_across_province=True)
        .order_by("-year", "-pk")
        .only("pk", "title", "promulgated_on", "enacted_on", "agency_id")[:SHARED_LIMIT]
    )
    return [
        SharedItem(
            kind=str(_("Produk hukum")),
            title=document.title,
            url=absolute_url(province, document.get_absolute_url()),
            day=document.promulgated_on or document.enacted_on,
        )
        for document in documents
    ]
