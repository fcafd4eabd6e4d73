"""The public information list in the sitemap: the DIP and DIK pages (lontar/core/sitemaps.py).

The lists are single pages, not one page per item, so this section lists those two pages with
the date their content last changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max
from django.urls import reverse

from lontar.core.sitemaps import Lastmod, SitemapSection, register_section
from lontar.infolist.models import ExemptInfo, InfoItem


def _lists(agency) -> list[tuple[str, Lastmod]]:
    items = InfoItem.objects.filter(agency=agency)
    if not items.exists():
        return []
    newest_item = items.aggregate(newest=Max("last_updated"))["newest"]
    pages: list[tuple[str, Lastmod]] = [(reverse("infolist:dip"), newest_item)]
    exempt = ExemptInfo.objects.filter(agency=agency)
    if exempt.exists():
        pages.append(
            (reverse("infolist:dik"), exempt.aggregate(newest=Max("decided_on"))["newest"])
        )
    return pages


@dataclass(frozen=True)
class InformationListSection(SitemapSection):
    def count(self, agency) -> int:
        return len(_lists(agency))

    def newest(self, agency) -> Lastmod:
        dates = [lastmod for _path, lastmod in _lists(agency) if lastmod is not None]
        return max(dates) if dates else None

    def entries(self, agency, page: int, first_key=None) -> list[tuple[str, Lastmod]]:
        return _lists(agency) if page == 1 else []


register_section(
    InformationListSection(
        key="dip",
        queryset=lambda agency: InfoItem.objects.filter(agency=agency),
        path_of=lambda pk: reverse("infolist:dip"),
        models=(InfoItem, ExemptInfo),
        order=80,
    )
)
