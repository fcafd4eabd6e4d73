"""Reads for the news pages: listings, related articles, neighbours, authors and counts."""

from __future__ import annotations

from django.db.models import F, Prefetch, Q, QuerySet
from wagtail.images import get_image_model
from wagtail.models import Page

from lontar.agencies.models import Agency, StaffProfile
from lontar.news.models import NewsArticlePage, NewsCategory, NewsIndexPage

CARD_IMAGE = "fill-480x270|format-webp"  # the listing cards' picture; prefetched with them


def renditions_of_hero(*specs: str) -> Prefetch:
    """Prefetch the hero image's renditions (the image itself comes with select_related)."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return Prefetch("hero_image__renditions", queryset=renditions, to_attr="prefetched_renditions")


def live_articles(root: Page | None = None, public: Q | None = None) -> QuerySet[NewsArticlePage]:
    """Published, public articles (under `root` when given), ready for listing cards.

    `public` is a ready `~private_q()`, for callers running several listings in one request.
    """
    articles = NewsArticlePage.objects.live()
    articles = articles.public() if public is None else articles.filter(public)
    if root is not None:
        articles = articles.descendant_of(root)
    return (
        articles.select_related("category", "hero_image", "author__user", "author__unit")
        .prefetch_related(renditions_of_hero(CARD_IMAGE))
        .order_by("-date", "-first_published_at", "-pk")
    )


def articles_of_agency(agency: Agency) -> QuerySet[NewsArticlePage]:
    if agency.site_id is None:
        return NewsArticlePage.objects.none()
    return live_articles(agency.site.root_page)


def newest_articles(agency: Agency, count: int) -> list[NewsArticlePage]:
    """The agency's `count` newest articles, in listing order. The order is read first on the
    article and page tables alone — a plan along the date index that stops after `count`
    rows; joined with the card's relations, SQLite scans every page and sorts (issue 22)."""
    articles = articles_of_agency(agency)
    ids = list(
        articles.select_related(None).prefetch_related(None).values_list("pk", flat=True)[:count]
    )
    by_pk = articles.filter(pk__in=ids).in_bulk()
    return [by_pk[pk] for pk in ids if pk in by_pk]


def news_index_for(agency: Agency | None) -> NewsIndexPage | None:
    if agency is None or agency.site_id is None:
        return None
    return NewsIndexPage.objects.live().descendant_of(agency.site.root_page).first()


def listing(index: NewsIndexPage) -> QuerySet[NewsArticlePage]:
    """Articles for an index page, with their tags in one extra query per page of results."""
    return live_articles(index).prefetch_related("tags")


def categories_of(agency: Agency | None) -> QuerySet[NewsCategory]:
    if agency is None:
        return NewsCategory.objects.none()
    return NewsCategory.objects.filter(agency=agency)


def authors_of(agency: Agency) -> QuerySet[StaffProfile]:
    """The agency's staff with at least one published article, with their article counts:
    read from the tallies maintained on publish (news/tallies.py), not counted per request."""
    return (
        StaffProfile.objects.filter(agency=agency, article_tally__articles__gt=0)
        .select_related("user", "unit", "photo")
        .annotate(article_count=F("article_tally__articles"))
        .order_by("-article_count", "user__first_name", "user__last_name")
    )


def article_count_of(profile: StaffProfile) -> int:
    """The author's live, public articles, from the maintained tally."""
    from lontar.news.models import AuthorTally

    tally = AuthorTally.objects.filter(profile=profile).values_list("articles", flat=True).first()
    return tally or 0


def published_articles(agency: Agency) -> QuerySet[NewsArticlePage]:
    """The agency's live, public articles with their category, newest first — plain rows for
    machine readers (the content API), without the listing cards' images."""
    if agency.site_id is None:
        return NewsArticlePage.objects.none()
    return (
        NewsArticlePage.objects.live()
        .public()
        .descendant_of(agency.site.root_page)
        .select_related("category")
        .order_by("-date", "-pk")
    )
