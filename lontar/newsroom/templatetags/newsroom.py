"""Newsroom pieces in the public news templates: the read pixel and "Penulis bulan ini"."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.core.cache import cache
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html

from lontar.agencies.selectors import agency_for_request
from lontar.core import content_version
from lontar.news.models import NewsArticlePage

register = template.Library()

TOP_WRITERS = 3


@register.simple_tag
def read_pixel(article) -> str:
    if not getattr(article, "pk", None) or not getattr(article, "live", False):
        return ""
    return format_html(
        '<img class="read-pixel" src="{}" alt="" width="1" height="1" loading="eager">',
        reverse("newsroom:read_pixel", args=[article.pk]),
    )


def writers_of_month(agency, now: datetime | None = None) -> list[dict]:
    """The month's most published writers who did not opt out: two queries, then cached."""
    if agency is None or agency.site_id is None:
        return []
    today = (now or agency.now()).astimezone(agency.zone).date()
    key = f"lontar:writers-of-month:{agency.pk}:{today:%Y-%m}:{content_version.current()}"
    found = cache.get(key)
    if found is not None:
        return found
    start = datetime(today.year, today.month, 1, tzinfo=agency.zone)
    root_path = agency.site.root_page.path
    rows = (
        NewsArticlePage.objects.live()
        .public()
        .filter(path__startswith=root_path, first_published_at__gte=start)
        .exclude(author=None)
        .exclude(author__writer_preference__hide_from_public_ranking=True)
        .values(
            "author__slug",
            "author__user__first_name",
            "author__user__last_name",
            "author__user__username",
            "author__unit__name",
        )
        .annotate(n=Count("pk"))
        .order_by("-n", "author__user__first_name", "author__slug")[:TOP_WRITERS]
    )
    found = [
        {
            "name": f"{row['author__user__first_name']} {row['author__user__last_name']}".strip()
            or row["author__user__username"],
            "unit": row["author__unit__name"] or "",
            "url": reverse("news:author", args=[row["author__slug"]]),
            "count": row["n"],
        }
        for row in rows
    ]
    cache.set(key, found, 3600)
    return found


@register.inclusion_tag("newsroom/writers_of_month.html", takes_context=True)
def writers_of_the_month(context) -> dict:
    request = context.get("request")
    agency = agency_for_request(request) if request is not None else None
    return {"writers": writers_of_month(agency)}
