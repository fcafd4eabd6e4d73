"""The home page's latest-news list: a template tag, so the pages app needs no import of news."""

from __future__ import annotations

from django import template

from lontar.agencies.models import Agency
from lontar.news import selectors

register = template.Library()


@register.inclusion_tag("news/_latest.html", takes_context=True)
def latest_news(context, agency: Agency | None, count: int = 3) -> dict:
    # The request goes along so that {% pageurl %} gives paths on this host, not the site's
    # configured host name.
    request = context.get("request")
    if agency is None:
        return {"articles": [], "index": None, "request": request}
    articles = list(selectors.articles_of_agency(agency)[:count])
    return {"articles": articles, "index": selectors.news_index_for(agency), "request": request}
