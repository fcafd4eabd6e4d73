"""The agency's news out and back in (`core/portability.py`): categories, the news index pages
and every published article with its category, tags, byline and hero image."""

from __future__ import annotations

from django.db import transaction

from lontar.core.portability import Bundle, Portable, register_portable
from lontar.news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from lontar.news.selectors import published_articles
from lontar.pages.portability import page_row, place_page, public_pages

SKIP = frozenset({"category", "author"})


def export(agency, bundle: Bundle) -> int:
    categories = [
        {"slug": c.slug, "name": c.name, "description": c.description, "sort_order": c.sort_order}
        for c in NewsCategory.objects.filter(agency=agency).order_by("sort_order", "slug")
    ]
    bundle.write("news-categories", categories)
    bundle.write("news-indexes", [page_row(agency, p) for p in public_pages(agency, NewsIndexPage)])
    rows = []
    articles = published_articles(agency).select_related("category", "author__user")
    for article in articles.prefetch_related("tags").order_by("path"):
        row = page_row(agency, article, SKIP)
        row["category"] = article.category.slug if article.category_id else None
        row["author"] = article.author.display_name if article.author_id else None
        row["tags"] = sorted(tag.name for tag in article.tags.all())
        rows.append(row)
    return bundle.write("news", rows)


def load(agency, bundle: Bundle) -> int:
    categories = {}
    with transaction.atomic():
        for row in bundle.read("news-categories"):
            category, _created = NewsCategory.objects.update_or_create(
                agency=agency,
                slug=row["slug"],
                defaults={
                    "name": row["name"],
                    "description": row.get("description") or "",
                    "sort_order": row.get("sort_order") or 0,
                },
            )
            categories[row["slug"]] = category
        for row in bundle.read("news-indexes"):
            place_page(agency, NewsIndexPage, row, bundle)
    count = 0
    for row in bundle.read("news"):
        with transaction.atomic():
            article = _article(agency, row, categories, bundle)
            count += article is not None
    return count


def _article(agency, row: dict, categories: dict, bundle: Bundle) -> NewsArticlePage | None:
    author = None
    if row.get("author") and bundle.resolve_author is not None:
        author = bundle.resolve_author(row["author"])

    def extra(article) -> None:
        article.category = categories.get(row.get("category"))
        article.author = author
        article.tags.set(row.get("tags") or [])

    return place_page(agency, NewsArticlePage, row, bundle, extra)


register_portable(Portable("news", "Berita", 20, export, load))
