"""The site search service: each app registers what it wants found at /cari/.

An app calls `register_searchable(...)` in its AppConfig.ready(); the search view asks every
registered source for the current agency's live records matching the query, among the newest
matches in Wagtail's search index (`search/candidates.py`; Indonesian stemming on PostgreSQL),
and shows them under one list with filters by content type and year.

On a province's site `/cari/` spans the province and every agency under it. A source then
runs one search over all of them (`queryset_for_agencies`) and says whose each hit is
(`agency_of`), so the provincial search costs the same number of queries with 10 agencies as
with 60. A source that gives neither still works: its per-agency querysets are OR-ed into one
and a hit belongs to the agency named by its `agency_id`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class SearchSource:
    key: str  # filter value in the URL, e.g. "berita", "regulasi"
    label: str  # shown in the content-type filter, e.g. "Berita"
    model: type[Model]  # must be index.Indexed (a Wagtail Page or an index.Indexed model)
    # Published records of one agency, ready to be searched: (agency) -> QuerySet
    queryset_for_agency: Callable[[object], QuerySet]
    # The date used by the year filter and shown in results: (obj) -> date | None
    date_of: Callable[[Model], object]
    # The public URL of a result: (obj, request) -> str
    url_of: Callable[[Model, object], str]
    # The snippet text to highlight: (obj) -> str
    text_of: Callable[[Model], str]
    # The column (or expression) `date_of` reads, so that the year filter and the ranking need
    # no object loaded: a date, a datetime (its local date) or a year. None: objects are loaded.
    date_field: Any = None

    # Published records of several agencies in one queryset: (agencies) -> QuerySet.
    queryset_for_agencies: Callable[[Sequence[object]], QuerySet] | None = None
    # Whose record a hit is, among the agencies searched: (obj, agencies) -> agency | None.
    agency_of: Callable[[Model, Sequence[object]], object | None] | None = None


SOURCES: dict[str, SearchSource] = {}


def register_searchable(source: SearchSource) -> None:
    SOURCES[source.key] = source
