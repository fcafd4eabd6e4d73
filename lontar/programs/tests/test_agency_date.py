"""Programs count dates where the agency is, not at the installation."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from lontar.programs.jobs import remind_missing_planning_documents
from lontar.programs.models import DocumentReminderSettings

pytestmark = pytest.mark.django_db


def test_the_reminder_month_begins_at_midnight_where_the_agency_is(
    settings, agency_a, agency_admin_a, mailoutbox, django_capture_on_commit_callbacks
):
    settings.TIME_ZONE = "Asia/Jakarta"
    agency_a.time_zone = "Asia/Jayapura"
    agency_a.save()
    agency_admin_a.email = "admin-a@example.go.id"
    agency_admin_a.save()
    DocumentReminderSettings.objects.create(
        agency=agency_a, required_kinds=["renja"], remind_from_month=2
    )

    # 31 January 23:30 WIB is already 1 February in Jayapura: reminders are due there.
    with (
        time_machine.travel(
            dt.datetime(2026, 1, 31, 23, 30, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False
        ),
        django_capture_on_commit_callbacks(execute=True),  # the mail is tried after commit
    ):
        remind_missing_planning_documents()

    assert len(mailoutbox) == 1
    assert "2026" in mailoutbox[0].body
