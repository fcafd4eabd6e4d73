"""Sitemaps of every agency: an index of sections, each section paged (sitemaps.org).

Each app describes its public section in its own `sitemaps.py` with `register_section(...)`;
`discover_sections()` imports those modules (like `<app>/search.py`), so this module imports no
app. A section reads only the columns it needs (`values_list`), one page at a time, ordered by
primary key, so a page costs the same at 40 records as at 100,000.

Every part (the index, each page) is cached under the section's *content version*, a token
replaced when a record of the section's models is saved or deleted or a page is published,
unpublished or moved: an unchanged part is served from the cache, a changed one is rebuilt on
the next request. Rebuilt, it costs the same at any size too: how many pages a section has,
where each starts and its newest lastmod are kept in `SitemapTally` rows, rewritten when the
section's content changes (`core/sitemap_tallies.py`), and a page reads its records from its
range of primary keys, never by offset.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib import import_module
from typing import TYPE_CHECKING

from django.apps import apps
from django.core.cache import cache
from django.db.models import Max, Model, QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

from lontar.core import sitemap_tallies
from lontar.core.sitemap_tallies import TallyPage

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

    def tally(self, agency: Agency) -> list[TallyPage]:
        """(first and last primary key, URLs, newest lastmod) of each page, in one pass over
        the section's keys and lastmods — run when the section changes, not per request. A
        section that defines its own `count` or `newest` pages by offset (keys None)."""
        if type(self).count is not SitemapSection.count or (
            type(self).newest is not SitemapSection.newest
        ):
            count = self.count(agency)
            newest = self.newest(agency) if count else None
            return [
                (None, None, min(PAGE_SIZE, count - start), newest)
                for start in range(0, count, PAGE_SIZE)
            ]
        pages: list[list] = []
        rows = self.queryset(agency).order_by("pk").values_list("pk", self.lastmod_field)
        for number, (pk, lastmod) in enumerate(rows):
            if number % PAGE_SIZE == 0:
                pages.append([pk, pk, 0, None])
            page = pages[-1]
            page[1] = pk
            page[2] += 1
            if lastmod is not None and (page[3] is None or lastmod > page[3]):
                page[3] = lastmod
        return [(first, last, urls, lastmod) for first, last, urls, lastmod in pages]

    def entries(
        self, agency: Agency, page: int, keys: tuple[object, object] | None = None
    ) -> list[tuple[str, Lastmod]]:
        """(site path, lastmod) of the records on `page` (1-based): those between its first
        and last primary key when the tally gives them (a range of the primary key index, even
        where the section's rows are few among many others), else by offset."""
        rows = self.queryset(agency).order_by("pk")
        if keys is not None and keys[0] is not None:
            rows = rows.filter(pk__range=keys)
            start = 0
        else:
            start = (page - 1) * PAGE_SIZE
        found = rows.values_list(self.lastmod_field, *self.path_fields)[start : start + PAGE_SIZE]
        extra = self.path_context(agency) if self.path_context else {}
        return [(self.path_of(*values, **extra), lastmod) for lastmod, *values in found]


SECTIONS: dict[str, SitemapSection] = {}


def register_section(section: SitemapSection) -> SitemapSection:
    """Called at import of an app's `sitemaps.py`; connects the signals that recount its pages
    (`core/sitemap_tallies.py`) and bump its version."""
    SECTIONS[section.key] = section
    key = section.key

    def saved(sender, instance=None, raw: bool = False, **kwargs) -> None:
        if raw:  # fixtures: no related rows to read yet
            sitemap_tallies.forget(key)
        else:
            sitemap_tallies.recount(section, sitemap_tallies.agencies_of(instance))
        bump_version(key)

    def deleted(sender, instance=None, **kwargs) -> None:
        sitemap_tallies.forget(key, getattr(instance, "agency_id", None))
        bump_version(key)

    for model in section.models:
        uid = f"sitemap:{key}:{model._meta.label}"
        post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"{uid}:save")
        post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
    if section.page_tree:
        _connect_page_tree(section)
    return section


def _lists_page_type(section: SitemapSection, page_class: type[Model] | None) -> bool:
    if page_class is None:
        return True
    if section.page_models:
        return issubclass(page_class, section.page_models)
    claimed = tuple(model for other in SECTIONS.values() for model in other.page_models)
    return not (claimed and issubclass(page_class, claimed))


def _connect_page_tree(section: SitemapSection) -> None:
    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    key = section.key

    def published(sender, instance=None, **kwargs) -> None:
        # A page of the section published or unpublished: recount its agency's pages.
        if _lists_page_type(section, instance.specific_class):
            sitemap_tallies.recount(section, sitemap_tallies.agencies_of_page(instance))
        bump_version(key)

    def rearranged(sender, **kwargs) -> None:
        # A move, deletion or restriction may concern a whole subtree, one signal per page:
        # forgotten once each, counted again on the next request.
        sitemap_tallies.forget(key)
        bump_version(key)

    for signal in (page_published, page_unpublished):
        signal.connect(published, weak=False, dispatch_uid=f"sitemap:{key}:{signal}")
    post_page_move.connect(rearranged, weak=False, dispatch_uid=f"sitemap:{key}:move")
    post_delete.connect(rearranged, sender=Page, weak=False, dispatch_uid=f"sitemap:{key}:del")
    for signal in (post_save, post_delete):
        signal.connect(
            rearranged,
            sender=PageViewRestriction,
            weak=False,
            dispatch_uid=f"sitemap:{key}:private:{signal}",
        )


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
    """One entry per page of every non-empty section, with the page's newest lastmod, read
    from the sections' tallies; cached under the sections' versions."""
    current = versions(SECTIONS)
    stamp = "-".join(f"{key}.{current[key]}" for key in sorted(current))
    cache_key = f"lontar:sitemap:index:{agency.pk}:{stamp}"
    found = cache.get(cache_key)
    if found is None:
        ordered = sections()
        tallies = sitemap_tallies.read(agency, ordered)
        found = [
            IndexEntry(section.key, number, lastmod)
            for section in ordered
            for number, (*_keys, lastmod) in enumerate(tallies[section.key], start=1)
        ]
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
        pages = sitemap_tallies.read(agency, [section])[key]
        found = section.entries(agency, page, pages[page - 1][:2]) if page <= len(pages) else []
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
