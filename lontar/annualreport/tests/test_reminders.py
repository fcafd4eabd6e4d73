"""The reminder job and the admin home panel, on chosen days."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine

from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import staff_member
from lontar.annualreport.jobs import remind
from lontar.annualreport.models import AnnualReport
from lontar.core.models import OutboxMessage
from lontar.objections.tests.helpers import WITA

pytestmark = pytest.mark.django_db


def _previous_report_published(agency):
    """The 2025 report came out on time, so only the 2026 one is waited for."""
    AnnualReport.objects.create(
        agency=agency, year=2025, status="terbit", published_on=date(2026, 3, 2)
    )


def _mails():
    return list(OutboxMessage.objects.order_by("pk").values_list("key", "payload"))


def test_reminders_in_january_then_late_to_more_people(agency_a, ppid_officer_a):
    staff_member(agency_a, Role.PPID_SUPERIOR, username="atasan-r")
    _previous_report_published(agency_a)
    assert remind(agency_a, date(2026, 12, 31)) is None
    assert remind(agency_a, date(2027, 1, 4)) == "pengingat"
    assert remind(agency_a, date(2027, 1, 4)) is None  # once however often the job runs
    assert remind(agency_a, date(2027, 1, 10)) is None
    assert remind(agency_a, date(2027, 4, 1)) == "terlambat"
    mails = _mails()
    assert len(mails) == 2
    first, late = mails[0][1], mails[1][1]
    assert "Pengingat" in first["subject"] and "31-03-2027" in first["body"]
    assert first["to"] == [ppid_officer_a.email]
    assert "[TERLAMBAT]" in late["subject"] and len(late["to"]) == 2
    report = AnnualReport.objects.get(agency=agency_a, year=2026)
    assert AnnualReport.objects.count() == 2
    assert report.status == "draf" and report.last_reminded_on == date(2027, 4, 1)
    AnnualReport.objects.filter(pk=report.pk).update(status="terbit", published_on=date(2027, 4, 2))
    assert remind(agency_a, date(2027, 4, 20)) is None


def test_the_admin_home_panel_from_january_and_red_after_31_march(client, agency_a, ppid_officer_a):
    _previous_report_published(agency_a)
    with time_machine.travel(datetime(2026, 11, 10, 10, tzinfo=WITA), tick=False):
        client.force_login(ppid_officer_a)
        assert "annual-report-panel" not in client.get("/admin/").content.decode()
    with time_machine.travel(datetime(2027, 1, 5, 10, tzinfo=WITA), tick=False):
        client.force_login(ppid_officer_a)
        home = client.get("/admin/").content.decode()
        assert 'data-standing="disiapkan"' in home and "31 Maret 2027" in home
    with time_machine.travel(datetime(2027, 4, 1, 10, tzinfo=WITA), tick=False):
        client.force_login(ppid_officer_a)
        home = client.get("/admin/").content.decode()
        assert 'data-standing="terlambat"' in home and "Terlambat" in home
        years = client.get("/admin/ppid/laporan-tahunan/").content.decode()
        assert 'data-year="2026" data-standing="terlambat"' in years
