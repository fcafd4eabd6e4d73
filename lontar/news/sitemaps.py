"""The sitemap section of the agency's news articles (lontar/core/sitemaps.py)."""

from lontar.core.sitemaps import page_tree_section, register_section
from lontar.news.models import NewsArticlePage

register_section(page_tree_section("berita", (NewsArticlePage,), order=20))
