"""The home page's latest-news list: a template tag, so the pages app needs no import of news."""

from __future__ import annotations

from django import template

from lontar.agencies.models import Agency
from lontar.news import selectors

register = template.Library()


@register.inclusion_tag("news/_latest.html")
def latest_news(agency: Agency | None, count: int = 3) -> dict:
    if agency is None:
        return {"articles": [], "index": None}
    articles = list(selectors.articles_of_agency(agency)[:count])
    return {"articles": articles, "index": selectors.news_index_for(agency)}
