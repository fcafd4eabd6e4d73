"""Reads of the DIP, the DIK and urgent notices."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models import Q, QuerySet
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


def _manual_rows(agency, today: date) -> list[Row]:
    rows = []
    items = InfoItem.objects.filter(agency=agency).select_related("document", "owner_unit")
    for item in items:
        url = item.link or (item.document.url if item.document_id else "")
        rows.append(
            Row(
                summary=item.summary,
                category=item.category,
                category_label=str(item.get_category_display()),
                holder=item.holder,
                responsible=item.responsible,
                made_when_where=item.made_when_where,
                form_label=str(item.get_form_display()),
                retention=item.retention,
                url=url,
                last_updated=item.last_updated,
                next_review=item.next_review,
                source="",
                stale=is_stale(item.category, item.last_updated, today),
                owner_unit=item.owner_unit.name if item.owner_unit else "",
            )
        )
    return rows


def _registry_rows(agency, today: date) -> list[Row]:
    from lontar.infolist.categories import Category, Form

    confirmed = dict(
        SourceConfirmation.objects.filter(agency=agency).values_list("source_key", "category")
    )
    rows = []
    # Labels translated once per list, not once per row: a DIP has a row per regulation and
    # dataset, and gettext per cell was a fifth of the page's time at 1,000 rows (issue 22).
    category_labels = {value: str(label) for value, label in Category.choices}
    form_labels = {value: str(label) for value, label in Form.choices}
    responsible = agency.ppid_name or agency.name
    for source in registry.sources():
        category = confirmed.get(source.key, source.proposed_category)
        try:
            entries = source.entries(agency)
        except Exception:  # one broken source must not take the whole list down
            logger.exception("DIP source %s failed", source.key)
            continue
        for entry in entries:
            rows.append(
                Row(
                    summary=entry.summary,
                    category=category,
                    category_label=category_labels[category],
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
                    stale=is_stale(category, entry.updated_on, today),
                    owner_unit=entry.owner_unit,
                )
            )
    return rows


def dip_rows(
    agency, *, query: str = "", category: str = "", today: date | None = None
) -> list[Row]:
    """The agency's DIP: the hand-kept items and what the portal publishes, filtered."""
    today = today or agency.today()
    rows = _manual_rows(agency, today) + _registry_rows(agency, today)
    if category:
        rows = [row for row in rows if row.category == category]
    if query:
        needle = query.casefold()
        rows = [
            row
            for row in rows
            if needle in row.summary.casefold() or needle in row.holder.casefold()
        ]
    return sorted(rows, key=lambda row: (row.category, row.summary.casefold()))


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
