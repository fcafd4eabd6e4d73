"""Stored year figures (`models.YearFigures`): read, invalidated on change, refreshed.

Exactness: a stored row is used only when nothing of its year changed since it was computed
(`computed_generation == generation`) and the agency's calendar and time zone are the ones it
was computed with (`calendar_key`). Writers bump `generation` in their own transaction; a
reader stores its result only where `generation` is still the one it read before counting
(a conditional UPDATE), so a change committed while it counted is never hidden.

Writes that bypass `save()` (`QuerySet.update`, `bulk_create`) must call `forget()` or
`forget_all()` themselves (the data generator does).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import fields

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from lontar.agencies.calendar import calendar_for_agency
from lontar.core.calendar import WorkingCalendar
from lontar.ppidstats.figures import Figures, compute
from lontar.ppidstats.models import YearFigures
from lontar.ppidstats.selectors import objection_facts, request_facts

# Bump when `figures.compute` or the facts it reads change meaning: stored rows then recount.
FORMULA_VERSION = "1"
_COUNTERS = {
    f.name for f in fields(Figures) if f.name.startswith(("by_", "objection_", "dispute_"))
}


def to_payload(figures: Figures) -> dict:
    values = {f.name: getattr(figures, f.name) for f in fields(Figures)}
    return {key: dict(value) if key in _COUNTERS else value for key, value in values.items()}


def from_payload(payload: dict) -> Figures:
    values = {key: Counter(value) if key in _COUNTERS else value for key, value in payload.items()}
    values["per_month"] = list(values["per_month"])
    return Figures(**values)


def calendar_key(agency, calendar: WorkingCalendar) -> str:
    """What besides the records decides the figures: the calendar, the time zone, the code."""
    import holidays

    parts = [
        FORMULA_VERSION,
        getattr(holidays, "__version__", ""),
        str(agency.time_zone),
        repr(sorted(calendar.extra_closures)),
        repr(sorted(calendar.removed_holidays)),
        repr(calendar.cuti_bersama_is_working_day),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def recount(agency, year: int, calendar: WorkingCalendar | None = None) -> Figures:
    """The figures counted from every record of the year (what a stored row must equal)."""
    calendar = calendar or calendar_for_agency(agency)
    return compute(year, request_facts(agency, year), objection_facts(agency, year), calendar)


def year_figures(agency, year: int) -> Figures:
    """The year's figures: the stored row when it is current, else a recount, then stored."""
    calendar = calendar_for_agency(agency)
    key = calendar_key(agency, calendar)
    row = YearFigures.objects.filter(agency=agency, year=year).first()
    if row is None:
        try:
            with transaction.atomic():
                row = YearFigures.objects.create(agency=agency, year=year)
        except IntegrityError:  # another reader made it meanwhile
            row = YearFigures.objects.get(agency=agency, year=year)
    elif row.computed_generation == row.generation and row.calendar_key == key:
        return from_payload(row.payload)
    generation = row.generation
    figures = recount(agency, year, calendar)
    YearFigures.objects.filter(pk=row.pk, generation=generation).update(
        payload=to_payload(figures),
        computed_generation=generation,
        calendar_key=key,
        computed_at=timezone.now(),
    )
    return figures


def forget(agency_id: int, year: int) -> None:
    """Something of (agency, year) changed: its stored figures are stale."""
    YearFigures.objects.filter(agency_id=agency_id, year=year).update(
        generation=F("generation") + 1
    )


def forget_all() -> None:
    YearFigures.objects.update(generation=F("generation") + 1)


def refresh_stale() -> int:
    """Recount every stored year whose records changed (the worker's job); how many."""
    done = 0
    stale = YearFigures.objects.exclude(computed_generation=F("generation")).select_related(
        "agency"
    )
    for row in stale.order_by("-year")[:200]:
        year_figures(row.agency, row.year)
        done += 1
    return done


# --- Signal receivers (connected in apps.py) -----------------------------------------------


def request_changed(sender, instance, **kwargs) -> None:
    if instance.agency_id and instance.year:
        forget(instance.agency_id, instance.year)


def dispute_step_changed(sender, instance, **kwargs) -> None:
    from lontar.objections.models import Objection

    owner = Objection.objects.filter(pk=instance.objection_id).values_list("agency_id", "year")
    for agency_id, year in owner:
        forget(agency_id, year)
