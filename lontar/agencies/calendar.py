"""The working-day calendar of one agency: national rules plus the agency's own corrections."""

from __future__ import annotations

from lontar.agencies.models import Agency, AgencyCalendarSettings, WorkingDayOverride
from lontar.core.calendar import WorkingCalendar


def calendar_for_agency(agency: Agency) -> WorkingCalendar:
    overrides = list(WorkingDayOverride.objects.filter(agency=agency))
    settings_row = AgencyCalendarSettings.objects.filter(agency=agency).first()
    return WorkingCalendar(
        extra_closures={
            o.day: o.reason for o in overrides if o.kind == WorkingDayOverride.Kind.CLOSED
        },
        removed_holidays={o.day for o in overrides if o.kind == WorkingDayOverride.Kind.WORKING},
        cuti_bersama_is_working_day=bool(settings_row and settings_row.cuti_bersama_is_working_day),
    )
