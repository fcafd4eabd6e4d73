"""The sitemap section of the agency's agenda (lontar/core/sitemaps.py)."""

from lontar.core.sitemaps import SitemapSection, path_maker, register_section
from lontar.programs.models import Event
from lontar.programs.selectors import all_events

register_section(
    SitemapSection(
        key="agenda",
        queryset=all_events,
        path_of=path_maker("programs:event"),
        lastmod_field="updated_at",
        models=(Event,),
        order=70,
    )
)
