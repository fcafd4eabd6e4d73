"""The home page's latest-news list: a template tag, so the pages app needs no import of news."""

from __future__ import annotations

from django import template
from django.core.cache import cache

from lontar.agencies.models import Agency
from lontar.core import content_version
from lontar.news import selectors

register = template.Library()


def _latest(agency: Agency, count: int, request) -> dict:
    """Titles, paths and dates of the newest articles, cached like the menu: until the next
    change of published content bumps the content version, so a warm home page adds no query."""
    version = content_version.current()
    host = request.get_host() if request is not None else ""
    key = f"lontar:latest-news:{agency.pk}:{count}:{version}:{host}"
    latest = cache.get(key)
    if latest is None:
        index = selectors.news_index_for(agency)
        latest = {
            "articles": [
                {"title": a.title, "url": a.get_url(request), "date": a.date}
                for a in selectors.newest_articles(agency, count)
            ],
            "index_url": index.get_url(request) if index is not None else "",
        }
        cache.set(key, latest, 3600)
    return latest


@register.inclusion_tag("news/_latest.html", takes_context=True)
def latest_news(context, agency: Agency | None, count: int = 3) -> dict:
    if agency is None:
        return {"articles": [], "index_url": ""}
    # The request makes the URLs paths on this host, not the site's configured host name.
    return _latest(agency, count, context.get("request"))
