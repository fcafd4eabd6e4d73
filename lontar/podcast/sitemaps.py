"""The sitemap section of the agency's published podcast episodes (lontar/core/sitemaps.py)."""

from django.urls import reverse

from lontar.core.sitemaps import SitemapSection, register_section
from lontar.podcast.models import Episode, Show
from lontar.podcast.selectors import published_episodes


def _episode_path(show_slug: str, slug: str) -> str:
    return reverse("podcast:episode", args=[show_slug, slug])


register_section(
    SitemapSection(
        key="podcast",
        queryset=published_episodes,
        path_of=_episode_path,
        path_fields=("show__slug", "slug"),
        lastmod_field="published_at",
        models=(Episode, Show),
        order=60,
    )
)
