"""What the portal already publishes, offered to the DIP by the apps that publish it.

An app writes an `infolist.py` (found by `autodiscover_modules("infolist")`) with

    from lontar.infolist.registry import Entry, register_source

    @register_source("regulations", _("Peraturan dan keputusan (JDIH)"), "setiap_saat")
    def legal_documents(agency) -> list[Entry]:
        return [Entry(summary=..., url=..., updated_on=..., holder=...) for ... in selectors...]

The category given is a proposal; the agency's PPID confirms (or changes) it once per source in
the admin, so officers curate rather than retype. Entries carry no personal data.

A source with many entries (a regulation or a dataset each) returns `QueryEntries` instead of
a list: its count and one page's entries are then read in SQL, so a page of the DIP costs the
same at 50 regulations and at 5,000 (issue 22).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q, QuerySet

from lontar.infolist.categories import Category


@dataclass(frozen=True)
class Entry:
    summary: str
    url: str
    updated_on: date | None = None
    holder: str = ""
    form: str = "elektronik"
    owner_unit: str = ""


@dataclass
class QueryEntries:
    """A source's entries as an ordered query, read a window at a time.

    `rows` is an ordered queryset (usually `values_list`), `to_entry` turns one row into an
    Entry, `search_fields` are the columns a DIP keyword is looked for in (`icontains`), and
    `count` may be given when the caller counted the rows already.
    """

    rows: QuerySet
    to_entry: Callable[[Any], Entry]
    search_fields: tuple[str, ...] = ()
    count: int | None = field(default=None, repr=False)

    def __len__(self) -> int:
        if self.count is None:
            self.count = self.rows.count()
        return self.count

    def __getitem__(self, window: slice) -> list[Entry]:
        if not isinstance(window, slice):
            raise TypeError("QueryEntries are read a window (a slice) at a time")
        return [self.to_entry(row) for row in self.rows[window]]

    def __iter__(self) -> Iterator[Entry]:
        return (self.to_entry(row) for row in self.rows.iterator(chunk_size=500))

    def matching(self, needle: str) -> QueryEntries:
        """The entries whose searched columns hold the keyword (none without such columns)."""
        if not self.search_fields:
            return QueryEntries(self.rows.none(), self.to_entry)
        found = reduce(or_, (Q(**{f"{name}__icontains": needle}) for name in self.search_fields))
        return QueryEntries(self.rows.filter(found), self.to_entry, self.search_fields)


# What a source returns: a plain list, or entries read from the database a window at a time.
Entries = Sequence[Entry] | QueryEntries


def matching(entries: Entries, needle: str) -> Entries:
    """The entries a DIP keyword finds: in the summary or the holder (case-insensitive)."""
    if isinstance(entries, QueryEntries):
        return entries.matching(needle)
    folded = needle.casefold()
    return [
        entry
        for entry in entries
        if folded in entry.summary.casefold() or folded in entry.holder.casefold()
    ]


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    proposed_category: str
    entries: Callable[..., Entries]


_SOURCES: dict[str, Source] = {}


def register_source(key: str, label, proposed_category: str):
    if proposed_category not in Category.values:
        raise ValueError(f"unknown category {proposed_category!r}")

    def decorator(function: Callable[..., Entries]):
        if key in _SOURCES and _SOURCES[key].entries is not function:
            raise ValueError(f"DIP source '{key}' registered twice")
        _SOURCES[key] = Source(key, str(label), proposed_category, function)
        return function

    return decorator


def sources() -> list[Source]:
    return list(_SOURCES.values())


def source(key: str) -> Source | None:
    return _SOURCES.get(key)
