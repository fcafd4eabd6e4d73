"""The stored pages of each sitemap section (issue 22): values maintained when content changes.

The sitemap index needs, per section, how many pages it has and the newest lastmod of each;
a section page needs where it starts. Counting that per request reads every record of the
section (100,000 articles), so it is kept in `SitemapTally`, one row per agency and section:

- saving a record of a section, or publishing or unpublishing one of its pages, recounts the
  section for the record's agency (one pass over its primary keys and lastmods — a write-time
  cost, paid once per change);
- deleting, moving or restricting pages, which may touch many records at once, forgets the
  rows concerned instead of recounting them per record;
- a request that finds no row (forgotten, never counted, or counted for another page size)
  counts the section and stores the row, as `ppidstats` does with its stored figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction

if TYPE_CHECKING:
    from lontar.agencies.models import Agency
    from lontar.core.sitemaps import Lastmod, SitemapSection

# (primary keys of the page's first and last record, or None when the section pages by
# offset, URLs on the page, the page's newest lastmod)
TallyPage = tuple[Any, Any, int, "Lastmod"]


def _dump(value: Lastmod) -> str | None:
    return value.isoformat() if value is not None else None


def _load(value: str | None) -> Lastmod:
    if value is None:
        return None
    return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)


def _page_size() -> int:
    from lontar.core import sitemaps

    return sitemaps.PAGE_SIZE  # read at call time: tests make it smaller


def _store(agency: Agency, key: str, pages: Sequence[TallyPage]) -> None:
    from lontar.core.models import SitemapTally

    rows = [[first, last, urls, _dump(lastmod)] for first, last, urls, lastmod in pages]
    values = {"page_size": _page_size(), "pages": rows}
    try:
        with transaction.atomic():
            SitemapTally.objects.update_or_create(agency=agency, section=key, defaults=values)
    except IntegrityError:
        pass  # a concurrent request stored the same count first


def read(agency: Agency, sections: Iterable[SitemapSection]) -> dict[str, list[TallyPage]]:
    """The pages of each section for the agency: one query, plus a count of each section
    whose row is missing (then stored)."""
    from lontar.core.models import SitemapTally

    sections = list(sections)
    size = _page_size()
    rows = SitemapTally.objects.filter(
        agency=agency, section__in=[section.key for section in sections], page_size=size
    )
    stored = dict(rows.values_list("section", "pages"))
    found: dict[str, list[TallyPage]] = {}
    for section in sections:
        if all(len(page) == 4 for page in stored.get(section.key, [[]])):
            found[section.key] = [
                (first, last, urls, _load(lastmod))
                for first, last, urls, lastmod in stored[section.key]
            ]
        else:
            found[section.key] = section.tally(agency)
            _store(agency, section.key, found[section.key])
    return found


def recount(section: SitemapSection, agencies: Iterable[Agency]) -> None:
    for agency in agencies:
        _store(agency, section.key, section.tally(agency))


def forget(key: str, agency_id: int | None = None) -> None:
    """Drop the stored pages of a section (of one agency): counted again on the next request."""
    from lontar.core.models import SitemapTally

    rows = SitemapTally.objects.filter(section=key)
    if agency_id is not None:
        rows = rows.filter(agency_id=agency_id)
    rows.delete()


def forget_all() -> None:
    """After bulk inserts, which send no signals (`lontar generate_data`)."""
    from lontar.core.models import SitemapTally

    SitemapTally.objects.all().delete()


def agencies_of(instance: Any) -> list[Agency]:
    """The agencies a saved record belongs to: its `agency`, or every agency with a site
    (records that reach their agency through another, e.g. an answer through its question)."""
    from lontar.agencies.models import Agency

    agencies = Agency.objects.exclude(site=None).select_related("site__root_page")
    agency_id = getattr(instance, "agency_id", None)
    return list(agencies.filter(pk=agency_id) if agency_id is not None else agencies)


def agencies_of_page(page: Any) -> list[Agency]:
    """The agencies whose site holds the page (by the path of their root page)."""
    from lontar.agencies.models import Agency

    agencies = Agency.objects.exclude(site=None).select_related("site__root_page")
    return [
        agency
        for agency in agencies
        if agency.site is not None and page.path.startswith(agency.site.root_page.path)
    ]
