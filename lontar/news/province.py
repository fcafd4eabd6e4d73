"""News on the provincial platform (lontar/province): the last news date and the writing
activity per unit on the compliance dashboard, and the province's announcements shown on every
OPD's site."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from lontar.news.models import NewsArticlePage
from lontar.province.registry import SharedItem, register_figure, register_shared

ACTIVITY_DAYS = 90
SHARED_LIMIT = 5


def _live_under(agency):
    if agency.site_id is None:
        return NewsArticlePage.objects.none()
    return NewsArticlePage.objects.live().public().descendant_of(agency.site.root_page)


@register_figure("berita_terakhir", _("Berita terakhir"), "date")
def last_news(agencies, today: date) -> dict[int, object]:
    result: dict[int, object] = {}
    for agency in agencies:
        last = _live_under(agency).aggregate(last=Max("date"))["last"]
        if last:
            result[agency.pk] = last
    return result


def _activity(agency, today: date) -> Counter:
    since = today - timedelta(days=ACTIVITY_DAYS)
    units = _live_under(agency).filter(date__gt=since).values_list("author__unit__name", flat=True)
    return Counter(name or "—" for name in units)


@register_figure("tulisan_90_hari", _("Tulisan 90 hari terakhir"), "number")
def writing_total(agencies, today: date) -> dict[int, object]:
    return {agency.pk: sum(_activity(agency, today).values()) for agency in agencies}


@register_figure("tulisan_per_unit", _("Tulisan per unit (90 hari)"), "text")
def writing_per_unit(agencies, today: date) -> dict[int, object]:
    result: dict[int, object] = {}
    for agency in agencies:
        counts = _activity(agency, today)
        if counts:
            ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            result[agency.pk] = "; ".join(f"{unit}: {count}" for unit, count in ranked)
    return result


@register_shared("pengumuman", _("Pengumuman provinsi"))
def province_announcements(province) -> list[SharedItem]:
    articles = (
        _live_under(province)
        .filter(shown_across_province=True)
        .order_by("-date", "-pk")
        .only("title", "date", "url_path", "path", "depth")[:SHARED_LIMIT]
    )
    return [
        SharedItem(
            kind=str(_("Pengumuman")),
            title=article.title,
            url=article.get_full_url() or "",
            day=article.date,
        )
        for article in articles
    ]
