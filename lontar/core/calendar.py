"""Working-day calendar for Indonesian government offices.

A working day is Monday to Friday, except national holidays, *cuti bersama* (unless the agency
counts it as a working day) and extra closures the agency records itself. Holidays and cuti
bersama come from the ``holidays`` package; the agency's own overrides are passed in as plain
data so that this module stays free of Django and the database.

User-facing text (reasons, summaries) is in Bahasa Indonesia.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache
from types import MappingProxyType

import holidays

__all__ = [
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "WEEKDAY_NAMES",
    "NonWorkingDay",
    "NonWorkingKind",
    "WorkingCalendar",
    "WorkingDayCount",
    "cuti_bersama_known",
    "default_calendar",
    "format_long_date",
    "format_skipped",
    "short_holiday_name",
    "summarise_skipped",
    "working_days_between",
]

WEEKDAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
)  # fmt: skip

_SATURDAY = 5
_ESTIMATED_SUFFIX = "(perkiraan)"


class NonWorkingKind(StrEnum):
    """Why a day is not a working day; stored with a due date, so the values are stable keys."""

    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    CUTI_BERSAMA = "cuti_bersama"
    CLOSURE = "closure"


@dataclass(frozen=True, slots=True)
class NonWorkingDay:
    """One day that was not counted, with a short Indonesian reason such as "Idul Fitri"."""

    day: date
    kind: NonWorkingKind
    reason: str
    # The package only estimates future Islamic holidays until the government fixes them.
    estimated: bool = False

    @property
    def label(self) -> str:
        """The reason as one string, flagging estimated dates, e.g. "Idul Fitri (perkiraan)"."""
        return f"{self.reason} {_ESTIMATED_SUFFIX}" if self.estimated else self.reason

    def as_dict(self) -> dict[str, str | bool]:
        """A JSON-ready form, so a due date can be stored with the facts it was computed from."""
        return {
            "date": self.day.isoformat(),
            "kind": self.kind.value,
            "reason": self.reason,
            "estimated": self.estimated,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> NonWorkingDay:
        """Rebuild a day stored with :meth:`as_dict`."""
        return cls(
            day=date.fromisoformat(str(data["date"])),
            kind=NonWorkingKind(str(data["kind"])),
            reason=str(data["reason"]),
            estimated=bool(data.get("estimated", False)),
        )


@dataclass(frozen=True, slots=True)
class WorkingDayCount:
    """The result of counting ``working_days`` working days after ``start``.

    ``skipped`` lists the non-working days strictly between ``start`` and ``end``, in order.
    """

    start: date
    working_days: int
    end: date
    skipped: tuple[NonWorkingDay, ...]

    @property
    def summary(self) -> str:
        """E.g. "10 hari kerja; tidak dihitung: 28 Mar (cuti bersama Nyepi), …"."""
        return summarise_skipped(self.working_days, self.skipped)


# --- Holiday names -------------------------------------------------------------------------

# The package's Indonesian names are long and formal; a citizen reading a list of skipped days
# is better served by the everyday name. Names not listed here fall back to prefix trimming.
_EVERYDAY_NAMES = {
    "Hari kedua dari Hari Raya Idul Fitri": "Idul Fitri",
    "Isra Mikraj Nabi Muhammad": "Isra Mikraj",
    "Hari Kemerdekaan Republik Indonesia": "Hari Kemerdekaan RI",
    "Hari Buruh Internasional": "Hari Buruh",
}
_DROPPED_PREFIXES = ("Hari Raya ", "Hari Suci ")
_CUTI_BERSAMA_PREFIX = "Cuti Bersama "
# "Pegangti" is a misspelling of "Pengganti" (substitute day) in holidays 0.108 (2004, 2020).
_SUBSTITUTE_PREFIXES = ("Pengganti ", "Pegangti ")


def short_holiday_name(name: str) -> tuple[str, bool]:
    """Turn a package holiday name into an everyday Indonesian name.

    Returns ``(short_name, estimated)``. For example "Cuti Bersama Hari Suci Nyepi" becomes
    ``("cuti bersama Nyepi", False)`` and "Hari Raya Idul Fitri (perkiraan)" becomes
    ``("Idul Fitri", True)``. The package joins two holidays on one date with "; ".
    """
    parts: list[str] = []
    estimated = False
    for raw_part in name.split(";"):
        part = raw_part.strip()
        if part.endswith(_ESTIMATED_SUFFIX):
            estimated = True
            part = part.removesuffix(_ESTIMATED_SUFFIX).strip()
        substitute = part.startswith(_SUBSTITUTE_PREFIXES)
        if substitute:
            part = part.split(" ", 1)[1]
        cuti_bersama = part.startswith(_CUTI_BERSAMA_PREFIX)
        part = part.removeprefix(_CUTI_BERSAMA_PREFIX)
        part = _EVERYDAY_NAMES.get(part, part)
        for prefix in _DROPPED_PREFIXES:
            part = part.removeprefix(prefix)
        if cuti_bersama:
            part = f"cuti bersama {part}"
        if substitute:
            part = f"pengganti {part}"
        if part and part not in parts:
            parts.append(part)
    return " dan ".join(parts) or name, estimated


@dataclass(frozen=True, slots=True)
class _PackageEntry:
    kind: NonWorkingKind
    reason: str
    estimated: bool


@cache
def _package_year(year: int) -> Mapping[date, _PackageEntry]:
    """Holidays and cuti bersama of one year, loaded on first use and kept for the process.

    The two categories are fetched separately so that cuti bersama is recognised by its
    category, not by parsing its name.
    """
    entries: dict[date, _PackageEntry] = {}
    # GOVERNMENT first, so that a date that is also a public holiday ends up as a holiday:
    # such a day is closed whatever the agency's cuti bersama setting says.
    for category, kind in (
        ("government", NonWorkingKind.CUTI_BERSAMA),
        ("public", NonWorkingKind.HOLIDAY),
    ):
        # language="id" must be explicit: without it the package guesses from the process
        # locale and returns English names under LANG=C.UTF-8, as on our servers.
        found = holidays.country_holidays("ID", years=year, categories=(category,), language="id")
        for day, name in found.items():
            reason, estimated = short_holiday_name(name)
            entries[day] = _PackageEntry(kind, reason, estimated)
    return MappingProxyType(entries)


def cuti_bersama_known(year: int) -> bool:
    """Whether the ``holidays`` package has any cuti bersama for ``year``.

    The package only knows decrees already issued (2002–2027 in version 0.108); for later years
    an admin must enter cuti bersama as extra closures, and the admin screen can warn about it.
    """
    return any(e.kind is NonWorkingKind.CUTI_BERSAMA for e in _package_year(year).values())


# --- The calendar --------------------------------------------------------------------------


def _require_plain_date(value: object, what: str) -> None:
    # A datetime is a date subclass but never equal to one, so it would silently miss every
    # holiday lookup; it also hides which time zone the caller meant.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise TypeError(f"{what} must be a datetime.date (a local date), not {type(value)!r}")


@dataclass(frozen=True)
class WorkingCalendar:
    """Monday–Friday minus holidays, cuti bersama and the agency's overrides.

    ``extra_closures`` maps dates the office is closed (beyond the package) to an Indonesian
    reason, e.g. a cuti bersama decreed after the package was released. ``removed_holidays``
    are dates whose package holiday or cuti bersama does not apply (e.g. a decree cancelled
    it); they do not turn a Saturday or Sunday into a working day.
    """

    extra_closures: Mapping[date, str] = field(default_factory=dict)
    removed_holidays: AbstractSet[date] = frozenset()
    cuti_bersama_is_working_day: bool = False

    def __post_init__(self) -> None:
        closures: dict[date, str] = {}
        for day, reason in dict(self.extra_closures).items():
            _require_plain_date(day, "an extra closure date")
            reason = str(reason).strip()
            if not reason:
                raise ValueError(f"extra closure on {day.isoformat()} needs a reason")
            closures[day] = reason
        removed = frozenset(self.removed_holidays)
        for day in removed:
            _require_plain_date(day, "a removed holiday date")
        conflicts = sorted(closures.keys() & removed)
        if conflicts:
            listed = ", ".join(d.isoformat() for d in conflicts)
            raise ValueError(f"dates both closed and declared working days: {listed}")
        # Frozen dataclass: normalise through object.__setattr__ so callers may pass any
        # mapping or set, yet the calendar cannot be changed afterwards.
        object.__setattr__(self, "extra_closures", MappingProxyType(closures))
        object.__setattr__(self, "removed_holidays", removed)

    def __hash__(self) -> int:
        # A mapping proxy is unhashable; hashing lets callers cache results per calendar.
        return hash(
            (
                frozenset(self.extra_closures.items()),
                self.removed_holidays,
                self.cuti_bersama_is_working_day,
            )
        )

    def non_working_day(self, day: date) -> NonWorkingDay | None:
        """Why ``day`` is not a working day, or ``None`` if it is one.

        The agency's own closure wins over the package, and a holiday's name wins over
        "Sabtu"/"Minggu" because it tells the reader more.
        """
        _require_plain_date(day, "day")
        closure = self.extra_closures.get(day)
        if closure is not None:
            return NonWorkingDay(day, NonWorkingKind.CLOSURE, closure)
        if day not in self.removed_holidays:
            entry = _package_year(day.year).get(day)
            if entry is not None and not (
                entry.kind is NonWorkingKind.CUTI_BERSAMA and self.cuti_bersama_is_working_day
            ):
                return NonWorkingDay(day, entry.kind, entry.reason, entry.estimated)
        if day.weekday() >= _SATURDAY:
            return NonWorkingDay(day, NonWorkingKind.WEEKEND, WEEKDAY_NAMES[day.weekday()])
        return None

    def is_working_day(self, day: date) -> bool:
        return self.non_working_day(day) is None

    def non_working_reason(self, day: date) -> str | None:
        """E.g. "Sabtu", "Idul Fitri", "cuti bersama Nyepi"; ``None`` for a working day."""
        info = self.non_working_day(day)
        return None if info is None else info.label

    def add_working_days(self, start: date, n: int) -> WorkingDayCount:
        """The ``n``-th working day after ``start``; ``start`` itself is never counted.

        With ``n == 0`` the result is ``start`` itself, whatever kind of day it is.
        """
        _require_plain_date(start, "start")
        if n < 0:
            raise ValueError(f"cannot count a negative number of working days ({n})")
        current = start
        counted = 0
        skipped: list[NonWorkingDay] = []
        while counted < n:
            current += timedelta(days=1)
            info = self.non_working_day(current)
            if info is None:
                counted += 1
            else:
                skipped.append(info)
        return WorkingDayCount(start=start, working_days=n, end=current, skipped=tuple(skipped))

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``.

        Negative when ``end`` is before ``start`` (e.g. -2 means "overdue by two working days"),
        so "at risk" badges can use one comparison.
        """
        _require_plain_date(start, "start")
        _require_plain_date(end, "end")
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        current = start
        while current < end:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count


@cache
def default_calendar() -> WorkingCalendar:
    """The calendar with no agency overrides and cuti bersama not counted as working days."""
    return WorkingCalendar()


def working_days_between(start: date, end: date, calendar: WorkingCalendar | None = None) -> int:
    """See :meth:`WorkingCalendar.working_days_between`; uses :func:`default_calendar` if None."""
    return (calendar if calendar is not None else default_calendar()).working_days_between(
        start, end
    )


# --- Human-readable text -------------------------------------------------------------------


def format_long_date(day: date) -> str:
    """E.g. "Selasa, 22 April 2025"."""
    return f"{WEEKDAY_NAMES[day.weekday()]}, {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _short_date(day: date) -> str:
    return f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]}"


def _date_range(first: date, last: date) -> str:
    if first == last:
        return _short_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{_short_date(last)}"
    return f"{_short_date(first)}–{_short_date(last)}"


def _group_key(day: NonWorkingDay) -> tuple[object, ...]:
    # Saturday and Sunday have different reasons but read best as one "Sabtu–Minggu" range.
    if day.kind is NonWorkingKind.WEEKEND:
        return (day.kind,)
    return (day.kind, day.reason, day.estimated)


def format_skipped(skipped: Iterable[NonWorkingDay]) -> str:
    """Group consecutive days with the same reason: "31 Mar–1 Apr (Idul Fitri), 5–6 Apr (…)"."""
    groups: list[list[NonWorkingDay]] = []
    for day in sorted(skipped, key=lambda d: d.day):
        if (
            groups
            and day.day - groups[-1][-1].day == timedelta(days=1)
            and _group_key(day) == _group_key(groups[-1][-1])
        ):
            groups[-1].append(day)
        else:
            groups.append([day])
    pieces = []
    for group in groups:
        first, last = group[0], group[-1]
        reason = first.reason if first.reason == last.reason else f"{first.reason}–{last.reason}"
        if first.estimated:
            reason = f"{reason}, perkiraan"
        pieces.append(f"{_date_range(first.day, last.day)} ({reason})")
    return ", ".join(pieces)


def summarise_skipped(working_days: int, skipped: Iterable[NonWorkingDay]) -> str:
    """E.g. "10 hari kerja; tidak dihitung: 28 Mar (cuti bersama Nyepi), 29 Mar (Nyepi), …".

    Works from stored facts as well as from a fresh count, so a stored due date can be
    explained later without recomputing it.
    """
    listed = format_skipped(skipped)
    if not listed:
        return f"{working_days} hari kerja; tidak ada hari yang dilewati"
    return f"{working_days} hari kerja; tidak dihitung: {listed}"
