"""Deadline reminders to the officers: 5, 2 and 0 working days before, then daily overdue."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.test import TestCase

from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import UnitFactory, staff_member
from lontar.core.management.commands.worker import load_job_modules
from lontar.core.schedule import REGISTRY, run_due_jobs
from lontar.ppid.jobs import send_deadline_reminders
from lontar.ppid.models import ReminderSent
from lontar.ppid.services import Answer, answer_request, assign_request, extend_request
from lontar.ppid.states import Decision
from lontar.ppid.tests.helpers import NIK, PHONE, make_request

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")


def morning(day: date, hour: int = 8) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=WITA)


@pytest.fixture
def superior_a(agency_a):
    return staff_member(agency_a, Role.PPID_SUPERIOR, username="atasan-a")


def run_on(day: date, hour: int = 8) -> int:
    # In the worker each reminder commits and its mail is tried at once; here the test's
    # transaction holds the commit, so the after-commit attempts are run by hand.
    with (
        time_machine.travel(morning(day, hour), tick=False),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        return send_deadline_reminders()


def test_reminders_at_5_2_0_working_days_then_every_working_day_overdue(
    agency_a, ppid_officer_a, superior_a, ppid_officer_b, editor
):
    request, _ = make_request(agency_a)  # received Mon 2 Nov 2026, due Mon 16 Nov
    sent = {}
    day = date(2026, 11, 3)
    while day <= date(2026, 11, 23):
        mail.outbox.clear()
        run_on(day)
        sent[day] = [(message.subject, sorted(message.to)) for message in mail.outbox]
        day += timedelta(days=1)

    officer = [ppid_officer_a.email]
    escalated = sorted([ppid_officer_a.email, superior_a.email])
    expected = {
        date(2026, 11, 9): ("5 hari kerja lagi", officer),
        date(2026, 11, 12): ("2 hari kerja lagi", officer),
        date(2026, 11, 16): ("Hari ini batas waktu", officer),
        date(2026, 11, 17): ("TERLAMBAT 1 hari kerja", escalated),
        date(2026, 11, 18): ("TERLAMBAT 2 hari kerja", escalated),
        date(2026, 11, 19): ("TERLAMBAT 3 hari kerja", escalated),
        date(2026, 11, 20): ("TERLAMBAT 4 hari kerja", escalated),
        date(2026, 11, 23): ("TERLAMBAT 5 hari kerja", escalated),
    }
    assert {day for day, messages in sent.items() if messages} == set(expected)
    for day, (words, to) in expected.items():
        [(subject, recipients)] = sent[day]
        assert words in subject and request.number in subject, day
        assert recipients == to, day
    assert ReminderSent.objects.filter(information_request=request).count() == len(expected)


def test_not_sent_twice_the_same_day(agency_a, ppid_officer_a):
    make_request(agency_a)
    nine_nov = date(2026, 11, 9)

    first = run_on(nine_nov, 8)
    again = run_on(nine_nov, 9)
    evening = run_on(nine_nov, 17)

    assert (first, again, evening) == (1, 0, 0)
    assert len(mail.outbox) == 1
    record = ReminderSent.objects.get()
    assert (record.kind, record.sent_on, record.due) == (
        ReminderSent.Kind.FIVE_DAYS,
        nine_nov,
        date(2026, 11, 16),
    )


def test_the_day_is_the_agency_local_day(agency_a, ppid_officer_a):
    make_request(agency_a)
    # 23:30 UTC on Sunday 8 Nov is already Monday 9 Nov, 07:30 in Makassar.
    with time_machine.travel(datetime(2026, 11, 8, 23, 30, tzinfo=ZoneInfo("UTC")), tick=False):
        send_deadline_reminders()
    assert ReminderSent.objects.get().sent_on == date(2026, 11, 9)


def test_unit_officers_are_reminded_and_the_mail_carries_no_personal_data(agency_a, ppid_officer_a):
    unit = UnitFactory(agency=agency_a)
    unit_officer = staff_member(agency_a, Role.PPID_OFFICER, username="ppid-unit-a")
    unit_officer.staff_profile.unit = unit
    unit_officer.staff_profile.save()
    request, _ = make_request(agency_a)
    with time_machine.travel(morning(date(2026, 11, 3)), tick=False):
        assign_request(
            request, unit=unit, internal_due=date(2026, 11, 10), note="", by=ppid_officer_a
        )

    run_on(date(2026, 11, 9))

    [message] = mail.outbox
    assert sorted(message.to) == sorted([ppid_officer_a.email, unit_officer.email])
    assert unit.name in message.body and "http://localhost/admin/ppid/permohonan/" in message.body
    for secret in (NIK, PHONE, request.name, request.email, request.address):
        assert secret not in message.body and secret not in message.subject


def test_an_extended_request_is_reminded_of_its_extended_due_date(agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    with time_machine.travel(morning(date(2026, 11, 10)), tick=False):
        extend_request(
            request,
            reason="Informasi tersebar di tiga bidang dan perlu dihimpun.",
            by=ppid_officer_a,
        )

    assert run_on(date(2026, 11, 16)) == 0  # the old notice date no longer counts
    assert run_on(date(2026, 11, 25)) == 1
    assert ReminderSent.objects.get().due == date(2026, 11, 25)


def test_answered_requests_are_not_reminded(agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    answer_request(
        request,
        answer=Answer(decision=Decision.GRANTED, material_given="Rekap formasi."),
        by=ppid_officer_a,
    )
    assert run_on(date(2026, 11, 17)) == 0
    assert not mail.outbox


def test_the_worker_runs_the_reminders_hourly(agency_a, ppid_officer_a):
    load_job_modules()
    job = REGISTRY["lontar.ppid.jobs.send_deadline_reminders"]
    assert job.every == timedelta(hours=1)
    make_request(agency_a)
    with time_machine.travel(morning(date(2026, 11, 16)), tick=False):
        ran = run_due_jobs()
    assert "lontar.ppid.jobs.send_deadline_reminders" in ran
    assert ReminderSent.objects.get().kind == ReminderSent.Kind.DUE_TODAY
