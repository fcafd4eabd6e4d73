"""News articles as the first source of the site search (/cari/)."""

from __future__ import annotations

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
        )
    )
