"""The site search service: each app registers what it wants found at /cari/.

An app calls `register_searchable(...)` in its AppConfig.ready(); the search view asks every
registered source for the current agency's live records matching the query, among the newest
matches in Wagtail's search index (`search/candidates.py`; Indonesian stemming on PostgreSQL),
and shows them under one list with filters by content type and year.
"""

from __future__ import annotations

from collections.abc import Callable
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


SOURCES: dict[str, SearchSource] = {}


def register_searchable(source: SearchSource) -> None:
    SOURCES[source.key] = source
