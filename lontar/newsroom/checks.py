"""The checklist read from an article (page or revision): plain values into the pure rules."""

from __future__ import annotations

from lontar.news.models import NewsArticlePage
from lontar.newsroom.checklist import Check, Draft, run


def draft_of(article: NewsArticlePage) -> Draft:
    body = article.body_text()
    lead = article.lead or ""
    if body.startswith(lead):
        body = body[len(lead) :]
    return Draft(
        lead=lead,
        source=article.source or "",
        tag_count=len(list(article.tags.all())),
        has_image=article.hero_image_id is not None,
        image_alt=article.hero_image_alt or "",
        body_text=body,
    )


def checks_for(article: NewsArticlePage) -> list[Check]:
    return run(draft_of(article))
