"""News articles as the first source of the site search (/cari/)."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lontar.search.registry import SearchSource, register_searchable


def _articles_of(agency):
    from lontar.news.models import NewsArticlePage

    if agency is None or agency.site_id is None:
        return NewsArticlePage.objects.none()
    return (
        NewsArticlePage.objects.live()
        .public()
        .descendant_of(agency.site.root_page)
        .select_related("category")
    )


def _articles_of_agencies(agencies):
    """One queryset over every agency's site (the provincial search)."""
    from lontar.news.models import NewsArticlePage

    roots = Q()
    for root in _roots(agencies):
        roots |= Q(path__startswith=root.path)
    if not roots:
        return NewsArticlePage.objects.none()
    return NewsArticlePage.objects.live().public().filter(roots).select_related("category")


def _roots(agencies) -> list:
    return [agency.site.root_page for agency in agencies if agency.site_id is not None]


def _agency_of(article, agencies):
    """The agency whose site holds the article (the deepest root when sites are nested)."""
    owners = [
        agency
        for agency in agencies
        if agency.site_id is not None and article.path.startswith(agency.site.root_page.path)
    ]
    return max(owners, key=lambda agency: agency.site.root_page.depth, default=None)


def register() -> None:
    from lontar.news.models import NewsArticlePage

    register_searchable(
        SearchSource(
            key="berita",
            label=_("Berita"),
            model=NewsArticlePage,
            queryset_for_agency=_articles_of,
            date_of=lambda article: article.date,
            url_of=lambda article, request: article.get_url(request),
            text_of=lambda article: article.body_text(),
            date_field="date",
            queryset_for_agencies=_articles_of_agencies,
            agency_of=_agency_of,
        )
    )
