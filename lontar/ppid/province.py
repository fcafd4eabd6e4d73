"""The PPID's figures on the province's compliance dashboard (lontar/province): the share of
requests answered on time and the median working days to answer, over the last 12 months."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from lontar.agencies.calendar import calendars_for_agencies
from lontar.ppid.deadlines import local_date
from lontar.ppid.models import InformationRequest
from lontar.province.figures import median_days, on_time_rate
from lontar.province.registry import register_figure

WINDOW_DAYS = 365


def answered_in_window(agencies, today: date):
    """Requests of these agencies answered in the 365 days up to today (no personal data)."""
    since = today - timedelta(days=WINDOW_DAYS)
    return (
        InformationRequest.objects.filter(
            agency__in=agencies, answered_at__isnull=False, answered_at__date__gt=since
        )
        .select_related("agency")
        .only(
            "agency",
            "received_at",
            "answered_at",
            "notice_due",
            "extended_due",
            "extended_at",
        )
    )


def _answers(agencies, today: date) -> dict[int, list[tuple[date, date, int]]]:
    """Per agency: (answered_on, due, working days from receipt to answer)."""
    result: dict[int, list[tuple[date, date, int]]] = defaultdict(list)
    answered = list(answered_in_window(agencies, today))
    calendars = calendars_for_agencies({item.agency_id: item.agency for item in answered}.values())
    for item in answered:
        agency = item.agency
        received_on = local_date(item.received_at, agency.time_zone)
        answered_on = local_date(item.answered_at, agency.time_zone)
        days = calendars[agency.pk].working_days_between(received_on, answered_on)
        result[agency.pk].append((answered_on, item.current_due, max(days, 0)))
    return result


@register_figure("tepat_waktu", _("Dijawab tepat waktu (%)"), "percent")
def on_time(agencies, today: date) -> dict[int, object]:
    return {
        pk: on_time_rate((answered_on, due) for answered_on, due, _days in rows)
        for pk, rows in _answers(agencies, today).items()
    }


@register_figure("median_hari_kerja", _("Median hari kerja menjawab"), "number")
def median_working_days(agencies, today: date) -> dict[int, object]:
    return {
        pk: median_days([days for _on, _due, days in rows])
        for pk, rows in _answers(agencies, today).items()
    }
