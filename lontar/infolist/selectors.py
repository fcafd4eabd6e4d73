"""Reads of the DIP, the DIK and urgent notices."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from lontar.infolist import registry
from lontar.infolist.categories import is_stale
from lontar.infolist.models import (
    ExemptInfo,
    InfoItem,
    ServiceStandard,
    SourceConfirmation,
    UrgentNotice,
)

logger = logging.getLogger("lontar.infolist")


@dataclass(frozen=True)
class Row:
    """One DIP row as the public list, the exports and the staff see it."""

    summary: str
    category: str
    category_label: str
    holder: str
    responsible: str
    made_when_where: str
    form_label: str
    retention: str
    url: str
    last_updated: date | None
    next_review: date | None
    source: str  # "" for an item kept by hand, else the registry source's label
    confirmed: bool = True
    stale: bool = False
    owner_unit: str = ""


def _manual_row(item: InfoItem, today: date) -> Row:
    return Row(
        summary=item.summary,
        category=item.category,
        category_label=str(item.get_category_display()),
        holder=item.holder,
        responsible=item.responsible,
        made_when_where=item.made_when_where,
        form_label=str(item.get_form_display()),
        retention=item.retention,
        url=item.link or (item.document.url if item.document_id else ""),
        last_updated=item.last_updated,
        next_review=item.next_review,
        source="",
        stale=is_stale(item.category, item.last_updated, today),
        owner_unit=item.owner_unit.name if item.owner_unit else "",
    )


@dataclass
class _Group:
    """The rows of one category from one place: the hand-kept items, or one source."""

    entries: registry.Entries
    to_row: Callable[[Any], Row]


class DipRows:
    """The agency's DIP in its order, read a page at a time.

    Ordered by category; within one, the hand-kept items (by summary) come first, then each
    automatic source (by its label) in the source's own order (regulations newest first,
    datasets by title). Each part is counted and sliced in SQL where it is a query, so a page
    costs the same whether the agency has 50 regulations or 5,000 (issue 22: the list was built
    whole and sorted in Python). Works with Django's Paginator (`count()` and slices) and is
    iterable whole for the downloads.
    """

    def __init__(
        self, agency, *, query: str = "", category: str = "", today: date | None = None
    ) -> None:
        self.groups = _groups(agency, query, category, today or agency.today())

    def count(self) -> int:
        return sum(len(group.entries) for group in self.groups)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Row]:
        start, stop, _ = window.indices(self.count())
        rows: list[Row] = []
        offset = 0
        for group in self.groups:
            size = len(group.entries)
            low, high = max(start - offset, 0), min(stop - offset, size)
            if low < high:
                rows.extend(group.to_row(entry) for entry in group.entries[low:high])
            offset += size
            if offset >= stop:
                break
        return rows

    def __iter__(self) -> Iterator[Row]:
        for group in self.groups:
            yield from (group.to_row(entry) for entry in group.entries)


def _groups(agency, query: str, category: str, today: date) -> list[_Group]:
    from lontar.infolist.categories import Category, Form

    confirmed = dict(
        SourceConfirmation.objects.filter(agency=agency).values_list("source_key", "category")
    )
    # Labels translated once per list, not once per row (issue 22).
    category_labels = {value: str(label) for value, label in Category.choices}
    form_labels = {value: str(label) for value, label in Form.choices}
    responsible = agency.ppid_name or agency.name

    items = InfoItem.objects.filter(agency=agency).select_related("document", "owner_unit")
    if query:
        items = items.filter(Q(summary__icontains=query) | Q(holder__icontains=query))
    counts = dict(items.order_by().values_list("category").annotate(n=Count("pk")))

    def manual(item: InfoItem) -> Row:
        return _manual_row(item, today)

    def from_source(source: registry.Source, source_category: str) -> Callable[[Any], Row]:
        def to_row(entry: registry.Entry) -> Row:
            return Row(
                summary=entry.summary,
                category=source_category,
                category_label=category_labels[source_category],
                holder=entry.holder or agency.name,
                responsible=responsible,
                made_when_where=(
                    f"{entry.updated_on:%Y}, {agency.name}" if entry.updated_on else agency.name
                ),
                form_label=form_labels[entry.form],
                retention="",
                url=entry.url,
                last_updated=entry.updated_on,
                next_review=None,
                source=source.label,
                confirmed=source.key in confirmed,
                stale=is_stale(source_category, entry.updated_on, today),
                owner_unit=entry.owner_unit,
            )

        return to_row

    groups: list[_Group] = []
    for value in sorted(Category.values):
        if category and value != category:
            continue
        if counts.get(value):
            kept = registry.QueryEntries(
                items.filter(category=value).order_by("summary"),
                lambda item: item,
                count=counts[value],  # counted with the other categories in one query
            )
            groups.append(_Group(kept, manual))
        for source in sorted(registry.sources(), key=lambda source: source.label.casefold()):
            if confirmed.get(source.key, source.proposed_category) != value:
                continue
            try:
                entries = source.entries(agency)
                if query:
                    entries = registry.matching(entries, query)
                len(entries)  # counted here, so that a broken query fails inside this guard
            except Exception:  # one broken source must not take the whole list down
                logger.exception("DIP source %s failed", source.key)
                continue
            groups.append(_Group(entries, from_source(source, value)))
    return groups


def dip_rows(
    agency, *, query: str = "", category: str = "", today: date | None = None
) -> list[Row]:
    """The agency's whole DIP, filtered (the downloads, the Monev check, the open-data table)."""
    return list(DipRows(agency, query=query, category=category, today=today))


def dik_entries_for(agency) -> QuerySet[ExemptInfo]:
    """The agency's DIK; a refusal of a request can cite one of these (lontar/ppid)."""
    return ExemptInfo.objects.filter(agency=agency).select_related("decision_document")


def stale_periodic_items(today: date) -> QuerySet[InfoItem]:
    """Hand-kept periodic items not updated for six months (the job flags these)."""
    from lontar.infolist.categories import PERIODIC_REFRESH_MONTHS, Category, months_before

    cutoff = months_before(today, PERIODIC_REFRESH_MONTHS)
    return InfoItem.objects.filter(category=Category.PERIODIC).filter(
        Q(last_updated__isnull=True) | Q(last_updated__lte=cutoff)
    )


def _banner_key(agency_id: int) -> str:
    return f"infolist:urgent:{agency_id}"


def forget_banner(agency_id: int) -> None:
    cache.delete(_banner_key(agency_id))


def active_notices(agency) -> list[dict]:
    """The agency's published urgent notices still running, cached (every page shows them)."""
    if agency is None:
        return []
    key = _banner_key(agency.pk)
    notices = cache.get(key)
    if notices is None:
        notices = [
            {
                "pk": n.pk,
                "title": n.title,
                "body": n.body,
                "link": n.link,
                "published_at": n.published_at,
                "ends_at": n.ends_at,
            }
            for n in UrgentNotice.objects.filter(
                agency=agency, status=UrgentNotice.Status.PUBLISHED
            )
        ]
        cache.set(key, notices, 300)
    now = timezone.now()
    return [n for n in notices if n["ends_at"] is None or n["ends_at"] > now]


def published_notices(agency) -> QuerySet[UrgentNotice]:
    return UrgentNotice.objects.filter(agency=agency).exclude(status=UrgentNotice.Status.DRAFT)


def published_standards(agency, kind: str) -> QuerySet[ServiceStandard]:
    return ServiceStandard.objects.filter(agency=agency, kind=kind, is_published=True)
