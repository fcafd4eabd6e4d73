"""News in open data: the content-API source /api/v1/news/ (see regulations/opendata.py)."""

from __future__ import annotations

from lontar.news import tallies
from lontar.news.selectors import published_articles
from lontar.opendata.content_api import ContentFilter, ContentSource, register_content


def _article_json(article, request) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "lead": article.lead,
        "date": article.date.isoformat(),
        "category": article.category.name if article.category_id else None,
        "url": article.get_full_url(request),
        "last_published_at": article.last_published_at.isoformat()
        if article.last_published_at
        else None,
    }


register_content(
    ContentSource(
        key="news",
        title="Berita",
        queryset_for_agency=published_articles,
        serialize=_article_json,
        modified_of=lambda article: article.last_published_at,
        count_for_agency=tallies.agency_count,
        fields={
            "id": "integer",
            "title": "string",
            "lead": "string",
            "date": "string",
            "category": "string|null",
            "url": "string",
            "last_published_at": "string|null",
        },
        filters=[
            ContentFilter("q", "Kata dalam judul", lambda qs, v: qs.filter(title__icontains=v)),
            ContentFilter("category", "Slug kategori", lambda qs, v: qs.filter(category__slug=v)),
            ContentFilter(
                "date_from",
                "Tanggal awal (TTTT-BB-HH)",
                lambda qs, v: qs.filter(date__gte=v),
                type="date",
            ),
            ContentFilter(
                "date_to",
                "Tanggal akhir (TTTT-BB-HH)",
                lambda qs, v: qs.filter(date__lte=v),
                type="date",
            ),
        ],
    )
)
