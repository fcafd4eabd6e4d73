"""The requester's and the officers' e-mails go through the outbox (decision 0015)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from lontar.core import outbox
from lontar.core.models import OutboxMessage
from lontar.core.tests.smtp import free_port, smtp_server, smtp_settings
from lontar.ppid import jobs
from lontar.ppid.documents import stored_receipt
from lontar.ppid.models import InformationRequest, ReminderSent
from lontar.ppid.services import erase_personal_data, withdraw_request
from lontar.ppid.tests.helpers import REQUESTER, form_data, make_request

pytestmark = pytest.mark.django_db


def test_with_smtp_down_the_request_is_accepted_and_its_receipt_follows_once(
    client, agency_a, django_capture_on_commit_callbacks
):
    port = free_port()
    with smtp_settings(port):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/ppid/permohonan/baru/", form_data(), follow=True)
        stored = InformationRequest.objects.get()
        assert response.status_code == 200 and stored.number in response.content.decode()
        row = OutboxMessage.objects.get()
        assert (row.key, row.status, row.attempts) == (
            f"ppid.receipt:{stored.pk}",
            OutboxMessage.Status.PENDING,
            1,  # the attempt right after commit found no server
        )
        assert REQUESTER["email"] not in row.last_error

        with smtp_server(port) as server:
            later = timezone.now() + timedelta(minutes=2)
            first = outbox.deliver_due(now=later)
            second = outbox.deliver_due(now=later + timedelta(hours=1))

    assert (first.sent, second.sent) == (1, 0)
    [(recipients, _raw)] = server.received
    assert recipients == [REQUESTER["email"]]
    [received] = server.messages()
    assert stored.number in received["Subject"]
    [attachment] = list(received.iter_attachments())
    with stored_receipt(stored).open("rb") as receipt:
        assert attachment.get_content() == receipt.read()


def test_erasing_a_request_deletes_its_mails_from_the_outbox(agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    other, _ = make_request(agency_a, email="lain@contoh.id")
    assert OutboxMessage.objects.filter(about=f"ppid.request:{request.pk}").exists()
    withdraw_request(request, by=ppid_officer_a)

    erase_personal_data(request)

    assert not OutboxMessage.objects.filter(about=f"ppid.request:{request.pk}").exists()
    assert not any(
        REQUESTER["email"] in str(payload)
        for payload in OutboxMessage.objects.values_list("payload", flat=True)
    )
    assert OutboxMessage.objects.filter(about=f"ppid.request:{other.pk}").exists()


def _remind_on(day: date) -> int:
    moment = datetime(day.year, day.month, day.day, 8, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    with time_machine.travel(moment, tick=False):
        return jobs.send_deadline_reminders()


def test_a_reminder_counts_as_sent_only_once_its_mail_is_in_the_outbox(
    agency_a, ppid_officer_a, monkeypatch
):
    request, _ = make_request(agency_a)  # due Mon 16 Nov: five working days left on 9 Nov

    def broken(*args, **kwargs):
        raise RuntimeError("the outbox table is unavailable")

    with monkeypatch.context() as patched:
        patched.setattr(outbox, "enqueue", broken)
        assert _remind_on(date(2026, 11, 9)) == 0
    assert not ReminderSent.objects.exists()  # so the next run tries again

    assert _remind_on(date(2026, 11, 9)) == 1
    record = ReminderSent.objects.get()
    row = OutboxMessage.objects.get(key=f"ppid.reminder:{record.pk}")
    assert row.about == f"ppid.request:{request.pk}"
    assert row.payload["to"] == [ppid_officer_a.email]
    assert _remind_on(date(2026, 11, 9)) == 0  # later the same day: nothing new
    assert OutboxMessage.objects.filter(key__startswith="ppid.reminder:").count() == 1
