"""News on the provincial platform (lontar/province): the last news date and the writing
activity per unit on the compliance dashboard, and the province's announcements shown on every
OPD's site."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, timedelta

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from lontar.news.models import NewsArticlePage
from lontar.province.registry import SharedItem, register_figure, register_shared

ACTIVITY_DAYS = 90
SHARED_LIMIT = 5


def _live_under(agency):
    if agency.site_id is None:
        return NewsArticlePage.objects.none()
    return NewsArticlePage.objects.live().public().descendant_of(agency.site.root_page)


def _per_agency(agencies, values: Callable[[QuerySet], QuerySet]) -> list[tuple[int, dict]]:
    """(agency id, row) for each row of `values(articles)`, where `articles` are the live public
    articles of every agency's site, grouped by the site each lies in: one query for all the
    agencies (plus one per distinct depth of their sites' roots, normally one), never one per
    agency. Each site root is its own group, so sites must not be nested (onboarding puts
    every home page straight under the Wagtail root)."""
    by_root: dict[str, int] = {}
    for agency in agencies:
        if agency.site_id is not None:
            by_root[agency.site.root_page.path] = agency.pk
    lengths = sorted({len(path) for path in by_root})
    if not lengths:
        return []
    public = NewsArticlePage.objects.live().public()
    found: list[tuple[int, dict]] = []
    for length in lengths:
        roots = Q()
        for path in by_root:
            if len(path) == length:
                roots |= Q(path__startswith=path)
        grouped = public.filter(roots).annotate(site_root=Substr("path", 1, length))
        for row in values(grouped):
            agency_id = by_root.get(row["site_root"])
            if agency_id is not None:
                found.append((agency_id, row))
    return found


@register_figure("berita_terakhir", _("Berita terakhir"), "date")
def last_news(agencies, today: date) -> dict[int, object]:
    rows = _per_agency(
        agencies,
        lambda articles: articles.values("site_root").annotate(last=Max("date")).order_by(),
    )
    return {agency_id: row["last"] for agency_id, row in rows if row["last"]}


def _activity(agencies, today: date) -> dict[int, Counter]:
    since = today - timedelta(days=ACTIVITY_DAYS)
    rows = _per_agency(
        agencies,
        lambda articles: (
            articles.filter(date__gt=since)
            .values("site_root", "author__unit__name")
            .annotate(count=Count("pk"))
            .order_by()
        ),
    )
    result: dict[int, Counter] = defaultdict(Counter)
    for agency_id, row in rows:
        result[agency_id][row["author__unit__name"] or "—"] += row["count"]
    return result


@register_figure("tulisan_90_hari", _("Tulisan 90 hari terakhir"), "number")
def writing_total(agencies, today: date) -> dict[int, object]:
    activity = _activity(agencies, today)
    return {agency.pk: sum(activity.get(agency.pk, Counter()).values()) for agency in agencies}


@register_figure("tulisan_per_unit", _("Tulisan per unit (90 hari)"), "text")
def writing_per_unit(agencies, today: date) -> dict[int, object]:
    result: dict[int, object] = {}
    for agency_id, counts in _activity(agencies, today).items():
        if counts:
            ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            result[agency_id] = "; ".join(f"{unit}: {count}" for unit, count in ranked)
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
