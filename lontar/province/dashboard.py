"""The compliance dashboard of the PPID Utama: every agency of the province side by side.

The figures come from the apps that own them (`<app>/province.py`, `registry.FIGURES`), the
self-assessment score from `registry.agency_scores` when an app provides it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from lontar.agencies.models import Agency
from lontar.province.figures import sort_rows
from lontar.province.registry import FIGURES, SELF_ASSESSMENT, agency_scores

NAME = "nama"
SHORT = "instansi_singkat"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str


def province_of(agency: Agency | None) -> Agency | None:
    """The agency itself when it is a PPID Utama (the province's PPID), else None."""
    if agency is not None and agency.ppid_role == Agency.PPIDRole.MAIN:
        return agency
    return None


def agencies_of(province: Agency) -> QuerySet[Agency]:
    """The province and every agency directly under it, by name."""
    return (
        Agency.objects.filter(Q(pk=province.pk) | Q(parent=province))
        .select_related("site__root_page")  # the news figures read each site's tree
        .order_by("name")
    )


def columns() -> list[Column]:
    return [
        Column(NAME, str(_("Instansi")), "text"),
        *(Column(f.key, str(f.label), f.kind) for f in FIGURES.values()),
        Column(SELF_ASSESSMENT, str(_("Skor penilaian mandiri")), "number"),
    ]


def sort_keys() -> frozenset[str]:
    return frozenset(column.key for column in columns())


def rows(province: Agency, today: date, *, sort: str = NAME, descending: bool = False) -> list:
    agencies = list(agencies_of(province))
    computed = {key: figure.compute(agencies, today) for key, figure in FIGURES.items()}
    scores = agency_scores(agencies)
    table = []
    for agency in agencies:
        row: dict[str, Any] = {NAME: agency.name, SHORT: agency.short_name, "agency": agency}
        for key, values in computed.items():
            row[key] = values.get(agency.pk)
        row[SELF_ASSESSMENT] = scores.get(agency.pk)
        table.append(row)
    return sort_rows(table, sort, descending)


def table(province: Agency, today: date) -> tuple[list[str], list[list[object]]]:
    """The same figures as a plain table (CSV, open data): column keys, then one row each."""
    keys = [SHORT, *(column.key for column in columns())]
    return keys, [[_cell(row[key]) for key in keys] for row in rows(province, today)]


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return value
