"""Runs one query over every registered source of an agency and merges the results."""

from __future__ import annotations

import hashlib
import operator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import reduce
from typing import Any

from django.core.cache import cache
from django.db.models import F, Model, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString

from lontar.core import content_version, public_urls
from lontar.core.params import neutral_search_terms
from lontar.search import candidates
from lontar.search.highlight import snippet
from lontar.search.registry import SOURCES, SearchSource

MAX_PER_SOURCE = candidates.CANDIDATES  # matches kept per source, newest first


@dataclass
class Hit:
    source: SearchSource
    pk: Any
    score: float
    date: object
    agency: Any = None  # whose record it is (the provincial search spans agencies)
    obj: Any = None  # loaded only for the hits shown (`load`)


@dataclass
class Outcome:
    hits: list[Hit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # per source key, before filters
    years: list[int] = field(default_factory=list)
    # The index held more matches than were read: the counts are lower bounds ("more than").
    more: bool = False


def _year(value) -> int | None:
    return getattr(value, "year", None)


def as_date(value: object) -> date | None:
    """A source's date column as a date: a datetime's local date, a year's 1 January."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int):
        return date(value, 1, 1)
    return None


def search(agency, query: str, *, kind: str = "", year: int | None = None) -> Outcome:
    """Hits for `query` among the agency's published records, best first, then newest."""
    return search_agencies([agency] if agency is not None else [], query, kind=kind, year=year)


def _rows(
    source: SearchSource, agencies: list, by_id: dict, found: candidates.Candidates
) -> list[tuple[Any, object, Any, Model | None]]:
    """(pk, date, agency, obj or None) of the candidates these agencies publish. On one
    agency's site the date came with the candidates (no query); on the provincial site the
    objects are loaded, one query, to say whose each is."""
    field_ = source.model._meta.pk
    if _dated(source, agencies):
        return [
            (field_.to_python(object_id), as_date(found.values[object_id][0]), agencies[0], None)
            for object_id in found.scores
        ]
    ids = [field_.to_python(object_id) for object_id in found.scores]
    queryset = _queryset(source, agencies).filter(pk__in=ids)
    return [
        (obj.pk, source.date_of(obj), _owner(source, obj, agencies, by_id), obj) for obj in queryset
    ]


def _dated(source: SearchSource, agencies: list) -> bool:
    """One agency's site and a source whose date is a column: no object is loaded."""
    return len(agencies) == 1 and source.date_field is not None


def _within(source: SearchSource, agencies: list) -> tuple[QuerySet, tuple[str, ...]]:
    """The records searched, and the columns read with the candidates (the date)."""
    queryset = _queryset(source, agencies)
    if not _dated(source, agencies):
        return queryset, ()
    return queryset.annotate(_search_date=_expression(source.date_field)), ("_search_date",)


def _expression(date_field: Any):
    return F(date_field) if isinstance(date_field, str) else date_field


def search_agencies(
    agencies: list, query: str, *, kind: str = "", year: int | None = None
) -> Outcome:
    """Hits for `query` among the published records of these agencies (one on an agency's own
    site; the province and its agencies on the provincial site), best first, then newest.

    The cost is bounded: per source, the newest MAX_PER_SOURCE matches in the search index,
    the agencies' records among them picked by primary key (one search per source whatever the
    number of agencies: the provincial search costs the same queries with 10 agencies as with
    60) and ranked; on one agency's site no object is loaded (their dates come with the
    candidates; `load` fetches the objects of the page shown)."""
    outcome = Outcome()
    query = neutral_search_terms(query)
    if not query or not agencies:
        return outcome
    years: set[int] = set()
    # Every word must match (a citizen typing "cuti besar" means both), on either database.
    index = candidates.Index(query, operator="and")
    by_id = {agency.pk: agency for agency in agencies}
    for key, source in SOURCES.items():
        outcome.counts[key] = 0
        within, values = _within(source, agencies)
        found = index.find(source.model, limit=MAX_PER_SOURCE, within=within, values=values)
        if not found.scores:
            continue
        outcome.more = outcome.more or found.truncated
        hits = [
            Hit(source, pk, found.scores.get(str(pk), 0.0), when, owner, obj)
            for pk, when, owner, obj in _rows(source, agencies, by_id, found)
        ]
        outcome.counts[key] = len(hits)
        for hit in hits:
            if _year(hit.date):
                years.add(_year(hit.date))
        if kind and key != kind:
            continue
        outcome.hits.extend(h for h in hits if year is None or _year(h.date) == year)
    outcome.hits.sort(
        key=lambda h: (-h.score, -(h.date.toordinal() if h.date else 0), _order(h.pk))
    )
    outcome.years = sorted(years, reverse=True)
    return outcome


CACHE_SECONDS = 600
MAX_CACHED_HITS = 5000


def cached_search_agencies(
    agencies: list, query: str, *, kind: str = "", year: int | None = None
) -> Outcome:
    """`search_agencies`, kept until content changes (the content version is in the key).

    On the day a circular goes viral thousands ask for the same word; the matches depend only
    on published content, so only the first asker pays for the search. The key is a hash (a
    citizen may paste a NIK into the box: it is never stored as such), and the value holds only
    sources, ids, scores and dates of published records; the hits shown are loaded as usual."""
    if not neutral_search_terms(query) or not agencies:
        return search_agencies(agencies, query, kind=kind, year=year)
    scope = ",".join(str(agency.pk) for agency in agencies)
    digest = hashlib.blake2s(f"{scope}|{query}|{kind}|{year}".encode(), digest_size=16)
    key = f"lontar:search:{content_version.current()}:{digest.hexdigest()}"
    frozen = cache.get(key)
    by_id = {agency.pk: agency for agency in agencies}
    if frozen is not None:
        return Outcome(
            hits=[
                Hit(SOURCES[source], pk, score, when, by_id.get(owner))
                for source, pk, score, when, owner in frozen["hits"]
                if source in SOURCES
            ],
            counts=frozen["counts"],
            years=frozen["years"],
            more=frozen["more"],
        )
    outcome = search_agencies(agencies, query, kind=kind, year=year)
    if len(outcome.hits) <= MAX_CACHED_HITS:
        frozen = {
            "hits": [
                (hit.source.key, hit.pk, hit.score, hit.date, getattr(hit.agency, "pk", None))
                for hit in outcome.hits
            ],
            "counts": outcome.counts,
            "years": outcome.years,
            "more": outcome.more,
        }
        cache.set(key, frozen, CACHE_SECONDS)
    return outcome


def _order(pk: Any) -> tuple:
    """Newest record first among equal scores and dates (a stable order across pages)."""
    return (0, -pk) if isinstance(pk, int) else (1, str(pk))


def load(hits: list[Hit], agencies: list | None = None) -> list[Hit]:
    """Fill `obj` of the hits shown: one query per source (per source and agency when the
    agencies searched are not given)."""
    wanted: dict[tuple[str, Any], list[Hit]] = {}
    for hit in hits:
        if hit.obj is None:
            owner = None if agencies else getattr(hit.agency, "pk", None)
            wanted.setdefault((hit.source.key, owner), []).append(hit)
    for group in wanted.values():
        source = group[0].source
        queryset = (
            _queryset(source, agencies) if agencies else source.queryset_for_agency(group[0].agency)
        )
        objects = queryset.in_bulk([hit.pk for hit in group])
        for hit in group:
            hit.obj = objects.get(hit.pk)
    return [hit for hit in hits if hit.obj is not None]


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
