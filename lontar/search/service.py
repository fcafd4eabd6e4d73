"""Runs one query over every registered source of an agency and merges the results."""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from functools import reduce
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString
from wagtail.search.backends import get_search_backend

from lontar.core import public_urls
from lontar.core.params import neutral_search_terms
from lontar.search.highlight import snippet
from lontar.search.registry import SOURCES, SearchSource

MAX_PER_SOURCE = 200  # more than anyone pages through; keeps a broad query cheap


@dataclass(frozen=True)
class Hit:
    source: SearchSource
    obj: Model
    score: float
    date: object
    agency: Any = None  # whose record it is (the provincial search spans agencies)


@dataclass
class Outcome:
    hits: list[Hit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # per source key, before filters
    years: list[int] = field(default_factory=list)


def _year(value) -> int | None:
    return getattr(value, "year", None)


def search(agency, query: str, *, kind: str = "", year: int | None = None) -> Outcome:
    """Hits for `query` among the agency's published records, best first, then newest."""
    return search_agencies([agency] if agency is not None else [], query, kind=kind, year=year)


def search_agencies(
    agencies: list, query: str, *, kind: str = "", year: int | None = None
) -> Outcome:
    """Hits for `query` among the published records of these agencies (one on an agency's own
    site; the province and its agencies on the provincial site), best first, then newest.

    One search per source whatever the number of agencies: the provincial search costs the
    same queries with 10 agencies as with 60 (`MAX_PER_SOURCE` then applies to all of them)."""
    outcome = Outcome()
    query = neutral_search_terms(query)
    if not query or not agencies:
        return outcome
    years: set[int] = set()
    by_id = {agency.pk: agency for agency in agencies}
    for key, source in SOURCES.items():
        queryset = _queryset(source, agencies)
        results = get_search_backend().search(query, queryset).annotate_score("_score")
        hits = [
            Hit(
                source,
                obj,
                float(getattr(obj, "_score", 0) or 0),
                source.date_of(obj),
                _owner(source, obj, agencies, by_id),
            )
            for obj in results[:MAX_PER_SOURCE]
        ]
        outcome.counts[key] = len(hits)
        for hit in hits:
            if _year(hit.date):
                years.add(_year(hit.date))
        if kind and key != kind:
            continue
        outcome.hits.extend(h for h in hits if year is None or _year(h.date) == year)
    outcome.hits.sort(key=lambda h: (-h.score, -(h.date.toordinal() if h.date else 0)))
    outcome.years = sorted(years, reverse=True)
    return outcome


def _queryset(source: SearchSource, agencies: list) -> QuerySet:
    if len(agencies) == 1:
        return source.queryset_for_agency(agencies[0])
    if source.queryset_for_agencies is not None:
        return source.queryset_for_agencies(agencies)
    return reduce(operator.or_, (source.queryset_for_agency(agency) for agency in agencies))


def _owner(source: SearchSource, obj: Model, agencies: list, by_id: dict) -> Any:
    if len(agencies) == 1:
        return agencies[0]
    if source.agency_of is not None:
        return source.agency_of(obj, agencies)
    return by_id.get(getattr(obj, "agency_id", None))


def present(hit: Hit, query: str, request: HttpRequest) -> dict:
    """What the results template shows for one hit."""
    text: SafeString = snippet(hit.source.text_of(hit.obj), query)
    url = hit.source.url_of(hit.obj, request)
    if hit.agency is not None and url.startswith("/"):
        # Another agency's record lives on that agency's own site (the provincial search).
        url = public_urls.absolute_url(hit.agency, url) if _other_site(hit, request) else url
    return {
        "title": str(hit.obj.title if hasattr(hit.obj, "title") else hit.obj),
        "url": url,
        "label": hit.source.label,
        "date": hit.date,
        "snippet": text,
        "agency": hit.agency,
    }


def _other_site(hit: Hit, request: HttpRequest) -> bool:
    current = getattr(request, "_lontar_agency", None)
    return current is None or getattr(hit.agency, "pk", None) != current.pk
