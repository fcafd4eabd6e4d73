"""Sitemaps of every agency: an index of sections, each section paged (sitemaps.org).

Each app describes its public section in its own `sitemaps.py` with `register_section(...)`;
`discover_sections()` imports those modules (like `<app>/search.py`), so this module imports no
app. A section reads only the columns it needs (`values_list`), one page at a time, ordered by
primary key, so a page costs the same at 40 records as at 100,000.

Every part (the index, each page) is cached under the section's *content version*, a token
replaced when a record of the section's models is saved or deleted or a page is published,
unpublished or moved: an unchanged part is served from the cache, a changed one is rebuilt on
the next request.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib import import_module
from typing import TYPE_CHECKING

from django.apps import apps
from django.core.cache import cache
from django.db.models import Count, Max, Model, QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

if TYPE_CHECKING:
    from lontar.agencies.models import Agency

# sitemaps.org allows 50,000 URLs a file; smaller pages keep each one cheap to build and fetch.
PAGE_SIZE = 5000
CACHE_SECONDS = 24 * 3600
VERSION_KEY = "lontar:sitemap:version:{key}"

Lastmod = datetime | date | None


@dataclass(frozen=True)
class SitemapSection:
    """One public section of an agency's site, e.g. its news or its regulations.

    `queryset(agency)` gives the section's public records; `lastmod_field` names the column
    that says when one last changed; `path_fields` the columns `path_of(*values)` needs to make
    the record's site path, e.g. ("pk",) with `lambda pk: reverse("…", args=[pk])`.
    `models` are the models whose saves or deletions change the section; `page_models` the
    Wagtail page types it lists, which the page-tree section then leaves out.
    """

    key: str  # in the URL: /sitemap-<key>-<page>.xml; never changes
    queryset: Callable[[Agency], QuerySet]
    path_of: Callable[..., str]
    path_fields: tuple[str, ...] = ("pk",)
    lastmod_field: str = "updated_at"
    models: tuple[type[Model], ...] = ()
    page_models: tuple[type[Model], ...] = ()
    page_tree: bool = False  # lists Wagtail pages: rebuilt on every publish, unpublish or move
    changefreq: str = ""
    order: int = 50  # place in the index
    # For sections whose rows need the agency to make a path (the page tree): (agency) -> dict
    path_context: Callable[[Agency], dict] | None = field(default=None, compare=False)

    def count(self, agency: Agency) -> int:
        return self.queryset(agency).count()

    def newest(self, agency: Agency) -> Lastmod:
        return self.queryset(agency).aggregate(newest=Max(self.lastmod_field))["newest"]

    def stats(self, agency: Agency) -> tuple[int, Lastmod]:
        """(count, newest lastmod) in one pass over the section's records (a section that
        defines its own `count` or `newest` is asked those)."""
        if type(self).count is not SitemapSection.count or (
            type(self).newest is not SitemapSection.newest
        ):
            count = self.count(agency)
            return count, self.newest(agency) if count else None
        found = (
            self.queryset(agency)
            .order_by()
            .aggregate(count=Count("pk"), newest=Max(self.lastmod_field))
        )
        return found["count"] or 0, found["newest"]

    def entries(self, agency: Agency, page: int) -> list[tuple[str, Lastmod]]:
        """(site path, lastmod) of the records on `page` (1-based)."""
        start = (page - 1) * PAGE_SIZE
        rows = (
            self.queryset(agency)
            .order_by("pk")
            .values_list(self.lastmod_field, *self.path_fields)[start : start + PAGE_SIZE]
        )
        extra = self.path_context(agency) if self.path_context else {}
        return [(self.path_of(*values, **extra), lastmod) for lastmod, *values in rows]


SECTIONS: dict[str, SitemapSection] = {}


def register_section(section: SitemapSection) -> SitemapSection:
    """Called at import of an app's `sitemaps.py`; connects the signals that bump its version."""
    SECTIONS[section.key] = section

    def bump(sender, **kwargs) -> None:
        bump_version(section.key)

    for model in section.models:
        for signal in (post_save, post_delete):
            signal.connect(
                bump, sender=model, weak=False, dispatch_uid=f"sitemap:{section.key}:{model}"
            )
    if section.page_tree:
        # Publishing, unpublishing, moving or deleting any page may change a page section.
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(bump, weak=False, dispatch_uid=f"sitemap:{section.key}:{signal}")
        post_delete.connect(
            bump, sender=Page, weak=False, dispatch_uid=f"sitemap:{section.key}:del"
        )
    return section


def discover_sections() -> None:
    """Import every Lontar app's `sitemaps.py` (once; `AppConfig.ready` of core)."""
    for config in apps.get_app_configs():
        if config.name.startswith("lontar.") and module_has_submodule(config.module, "sitemaps"):
            import_module(f"{config.name}.sitemaps")


def sections() -> list[SitemapSection]:
    return sorted(SECTIONS.values(), key=lambda section: (section.order, section.key))


# --- Content versions and the cache ------------------------------------------------------------


def bump_version(key: str) -> None:
    """The section changed: its cached parts (and the index) are rebuilt on the next request."""
    cache.set(VERSION_KEY.format(key=key), uuid.uuid4().hex[:12], None)


def bump_all(**kwargs) -> None:
    """Signal receiver for changes every section shows (an agency's address, the page tree)."""
    for key in SECTIONS:
        bump_version(key)


def versions(keys: Iterable[str]) -> dict[str, str]:
    """The current version of each section, made on first use; one cache round trip."""
    keys = list(keys)
    names = {VERSION_KEY.format(key=key): key for key in keys}
    found = cache.get_many(list(names))
    result = {}
    for name, key in names.items():
        if name not in found:
            found[name] = uuid.uuid4().hex[:12]
            cache.add(name, found[name], None)
            found[name] = cache.get(name, found[name])
        result[key] = found[name]
    return result


@dataclass(frozen=True)
class IndexEntry:
    key: str
    page: int
    lastmod: Lastmod


def index_entries(agency: Agency) -> list[IndexEntry]:
    """One entry per page of every non-empty section; cached under the sections' versions."""
    current = versions(SECTIONS)
    stamp = "-".join(f"{key}.{current[key]}" for key in sorted(current))
    cache_key = f"lontar:sitemap:index:{agency.pk}:{stamp}"
    found = cache.get(cache_key)
    if found is None:
        found = []
        for section in sections():
            count, newest = section.stats(agency)
            if not count:
                continue
            for page in range(1, math.ceil(count / PAGE_SIZE) + 1):
                found.append(IndexEntry(section.key, page, newest))
        cache.set(cache_key, found, CACHE_SECONDS)
    return found


def page_entries(agency: Agency, key: str, page: int) -> list[tuple[str, Lastmod]] | None:
    """The (path, lastmod) rows of one sitemap page; None for an unknown section or empty page."""
    section = SECTIONS.get(key)
    if section is None or page < 1:
        return None
    version = versions([key])[key]
    cache_key = f"lontar:sitemap:{key}:{agency.pk}:{page}:{version}"
    found = cache.get(cache_key)
    if found is None:
        found = section.entries(agency, page)
        cache.set(cache_key, found, CACHE_SECONDS)
    return found or None


def w3c_date(value: Lastmod) -> str:
    """sitemaps.org's W3C Datetime: a date, or a moment with its UTC offset."""
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value.astimezone(UTC).replace(microsecond=0).isoformat()
    return value.isoformat() if value is not None else ""


# --- Helpers for the apps' sections -------------------------------------------------------------


def path_maker(url_name: str, sample: str | int = 987654321) -> Callable[..., str]:
    """`value -> site path` of a one-argument URL, reversed once instead of once per row."""
    from django.urls import reverse

    parts: list[str] = []  # filled on first use: apps' modules load before the URLconf

    def path_of(value) -> str:
        if not parts:
            parts.extend(reverse(url_name, args=[sample]).partition(str(sample))[::2])
        return f"{parts[0]}{value}{parts[1]}"

    return path_of


def _site_root(agency: Agency):
    site = agency.site if agency.site_id else None
    return site.root_page if site is not None else None


def page_tree_section(
    key: str, page_types: tuple[type[Model], ...] = (), *, order: int = 50
) -> SitemapSection:
    """A section of the agency's live, public Wagtail pages: those of `page_types`, or, with
    none given, every page that no other section lists (the home page, standard pages …)."""
    from wagtail.models import Page

    def queryset(agency: Agency) -> QuerySet:
        root = _site_root(agency)
        if root is None:
            return Page.objects.none()
        pages = Page.objects.live().public().descendant_of(root, inclusive=True)
        if page_types:
            return pages.type(*page_types)
        claimed = tuple(model for section in SECTIONS.values() for model in section.page_models)
        if not claimed:
            return pages
        # The other page types by name, not NOT IN the claimed ones: an index range per type
        # instead of a scan of every page of the site (20,000 articles and 8 other pages).
        from wagtail.models import get_page_models

        return pages.exact_type(*[m for m in get_page_models() if not issubclass(m, claimed)])

    def root_path(agency: Agency) -> dict:
        root = _site_root(agency)
        return {"root_path": root.url_path if root is not None else "/"}

    def path_of(url_path: str, *, root_path: str) -> str:
        return "/" + url_path[len(root_path) :]

    return SitemapSection(
        key=key,
        queryset=queryset,
        path_of=path_of,
        path_fields=("url_path",),
        lastmod_field="last_published_at",
        page_models=page_types,
        page_tree=True,
        order=order,
        path_context=root_path,
    )
