"""The sitemap section of the page tree: the home page, profile pages and every other live page
that no other app's section lists (lontar/core/sitemaps.py)."""

from lontar.core.sitemaps import page_tree_section, register_section

register_section(page_tree_section("halaman", order=10))
