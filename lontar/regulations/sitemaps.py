"""The sitemap section of the agency's published legal documents (lontar/core/sitemaps.py)."""

from lontar.core.sitemaps import SitemapSection, path_maker, register_section
from lontar.regulations.models import LegalDocument
from lontar.regulations.selectors import published_documents

register_section(
    SitemapSection(
        key="regulasi",
        queryset=published_documents,
        path_of=path_maker("regulations:detail"),
        lastmod_field="updated_at",
        models=(LegalDocument,),
        order=30,
    )
)
