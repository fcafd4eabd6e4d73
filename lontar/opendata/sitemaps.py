"""The sitemap section of the agency's public datasets (lontar/core/sitemaps.py)."""

from lontar.core.sitemaps import SitemapSection, path_maker, register_section
from lontar.opendata.models import Dataset
from lontar.opendata.selectors import visible_datasets

register_section(
    SitemapSection(
        key="data",
        # Public ones only: datasets shared with partners under an agreement are not listed.
        queryset=lambda agency: visible_datasets().filter(agency=agency),
        path_of=path_maker("opendata:detail", "sampel-set-data"),
        path_fields=("slug",),
        lastmod_field="updated_at",
        models=(Dataset,),
        order=40,
    )
)
