"""The working-day calendar of one agency: national rules plus the agency's own corrections."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from lontar.agencies.models import Agency, AgencyCalendarSettings, WorkingDayOverride
from lontar.core.calendar import WorkingCalendar


def calendar_for_agency(agency: Agency) -> WorkingCalendar:
    overrides = list(WorkingDayOverride.objects.filter(agency=agency))
    settings_row = AgencyCalendarSettings.objects.filter(agency=agency).first()
    return _calendar(overrides, settings_row)


def calendars_for_agencies(agencies: Iterable[Agency]) -> dict[int, WorkingCalendar]:
    """`calendar_for_agency` of each agency, in two queries whatever their number."""
    ids = [agency.pk for agency in agencies]
    overrides: dict[int, list[WorkingDayOverride]] = defaultdict(list)
    for override in WorkingDayOverride.objects.filter(agency_id__in=ids):
        overrides[override.agency_id].append(override)
    settings_rows = {
        row.agency_id: row for row in AgencyCalendarSettings.objects.filter(agency_id__in=ids)
    }
    return {pk: _calendar(overrides[pk], settings_rows.get(pk)) for pk in ids}


def _calendar(
    overrides: list[WorkingDayOverride], settings_row: AgencyCalendarSettings | None
) -> WorkingCalendar:
    return WorkingCalendar(
        extra_closures={
            o.day: o.reason for o in overrides if o.kind == WorkingDayOverride.Kind.CLOSED
        },
        removed_holidays={o.day for o in overrides if o.kind == WorkingDayOverride.Kind.WORKING},
        cuti_bersama_is_working_day=bool(settings_row and settings_row.cuti_bersama_is_working_day),
    )
