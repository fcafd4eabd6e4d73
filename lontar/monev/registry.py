"""The website items of the Komisi Informasi's Monev, and the checks apps contribute for them.

The items are fixed here (`ITEMS`, in the order the page shows them); the check of an item is
written by the app that serves it, in its own `monev.py` (found by `autodiscover_modules`):

    from lontar.monev.registry import Result, register_check

    @register_check("dip")
    def dip(agency, today) -> Result:
        ...
        return Result.present(_("…"), fix_url=reverse("wagtailsnippets_infolist_infoitem:list"))

An item nobody checks shows as "cannot be checked yet" and scores as missing. See
docs/domain/monev.md for the scoring rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise
else:
    StrOrPromise = str


class Status(StrEnum):
    PRESENT = "ada"
    STALE = "usang"
    MISSING = "tidak_ada"
    UNCHECKED = "belum_diperiksa"


@dataclass(frozen=True)
class Item:
    key: str
    label: StrOrPromise
    basis: str  # what the Monev asks, in a few words


@dataclass(frozen=True)
class Result:
    status: Status
    note: str = ""
    fix_url: str = ""

    @classmethod
    def present(cls, note: str = "", fix_url: str = "") -> Result:
        return cls(Status.PRESENT, str(note), fix_url)

    @classmethod
    def stale(cls, note: str = "", fix_url: str = "") -> Result:
        return cls(Status.STALE, str(note), fix_url)

    @classmethod
    def missing(cls, note: str = "", fix_url: str = "") -> Result:
        return cls(Status.MISSING, str(note), fix_url)


ITEMS: tuple[Item, ...] = (
    Item("dip", _("Daftar Informasi Publik (DIP) ada dan mutakhir"), "Perki 1/2021, SAQ"),
    Item("dik", _("Daftar Informasi yang Dikecualikan (DIK)"), "UU 14/2008 Pasal 17, 19"),
    Item("request-form", _("Formulir permohonan informasi"), "SAQ: layanan"),
    Item("objection-form", _("Formulir keberatan"), "SAQ: layanan"),
    Item("request-register", _("Register permohonan informasi"), "SAQ: layanan"),
    Item("objection-register", _("Register keberatan"), "SAQ: layanan"),
    Item("statistics", _("Statistik layanan informasi"), "UU 14/2008 Pasal 12"),
    Item("annual-report", _("Laporan layanan informasi terbit paling lambat 31 Maret"), "Perki"),
    Item("maklumat", _("Maklumat pelayanan informasi"), "Perki 1/2021"),
    Item("sop", _("Standar operasional prosedur (SOP) layanan"), "Perki 1/2021"),
    Item("service-hours", _("Jam layanan"), "SAQ: layanan"),
    Item("leadership-profiles", _("Profil pimpinan dan pejabat"), "Perki: informasi setiap saat"),
    Item("budget-financial", _("Anggaran dan laporan keuangan"), "UU 14/2008 Pasal 9"),
    Item("satisfaction", _("Hasil survei kepuasan masyarakat"), "PermenPANRB 14/2017"),
    Item("accessibility", _("Pernyataan aksesibilitas bagi penyandang disabilitas"), "SAQ"),
)
ITEM_KEYS = frozenset(item.key for item in ITEMS)

Check = Callable[[object, date], Result]
_CHECKS: dict[str, Check] = {}


def register_check(key: str) -> Callable[[Check], Check]:
    if key not in ITEM_KEYS:
        raise ValueError(f"unknown Monev item {key!r}")

    def decorator(function: Check) -> Check:
        if key in _CHECKS and _CHECKS[key] is not function:
            raise ValueError(f"Monev item {key!r} checked twice")
        _CHECKS[key] = function
        return function

    return decorator


def check_for(key: str) -> Check | None:
    return _CHECKS.get(key)


@dataclass(frozen=True)
class Row:
    item: Item
    result: Result


def assess(agency, today: date) -> list[Row]:
    """Every item's result for one agency, in the items' order."""
    rows = []
    for item in ITEMS:
        check = _CHECKS.get(item.key)
        if check is None:
            result = Result(Status.UNCHECKED, str(_("Belum dapat diperiksa otomatis.")))
        else:
            result = check(agency, today)
        rows.append(Row(item, result))
    return rows
