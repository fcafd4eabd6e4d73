"""Wagtail's map of site root paths, read in two queries whatever the number of sites.

With locales on, Wagtail's `Site.get_site_root_paths` asks for the translations of each site's
root page one site at a time: on a provincial platform of 60 agencies a page rendered with a
cold cache cost 60 more queries (agencies/tests/test_scale.py). This computes the same list —
same order, same cache key and version, so Wagtail's own invalidation still applies — with one
query for the sites and one for all their root pages' translations. `PagesConfig.ready` puts it
in Wagtail's place.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page, Site
from wagtail.models.sites import (
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
    SiteRootPath,
)


def site_root_paths() -> list[SiteRootPath]:
    result = cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    if result is not None:
        # Some cache backends (Redis) return plain tuples.
        return [SiteRootPath(*item) for item in result]
    sites = list(
        Site.objects.select_related("root_page", "root_page__locale").order_by(
            "-root_page__url_path", "-is_default_site", "hostname"
        )
    )
    translations: dict[object, list[Page]] = defaultdict(list)
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False) and sites:
        keys = {site.root_page.translation_key for site in sites}
        for page in (
            Page.objects.filter(translation_key__in=keys)
            .select_related("locale")
            .only("url_path", "translation_key", "locale__language_code")
            .order_by("path")
        ):
            translations[page.translation_key].append(page)
    result = []
    for site in sites:
        roots = translations.get(site.root_page.translation_key) or [site.root_page]
        result.extend(
            SiteRootPath(site.id, root.url_path, site.root_url, root.locale.language_code)
            for root in roots
        )
    cache.set(SITE_ROOT_PATHS_CACHE_KEY, result, 3600, version=SITE_ROOT_PATHS_CACHE_VERSION)
    return result
