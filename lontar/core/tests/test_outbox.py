"""The outbox (decision 0015): written with the caller's transaction, delivered once, retried.

Delivery goes to a real SMTP server in the test process (aiosmtpd), counted at the server.
"""

from __future__ import annotations

import smtplib
import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.test import override_settings

from lontar.core import jobs, outbox
from lontar.core.models import OutboxMessage
from lontar.core.schedule import REGISTRY
from lontar.core.tests.smtp import Recorder, free_port, smtp_server, smtp_settings

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"  # every byte value, ~10 KB
START = datetime(2027, 1, 4, 2, 0, tzinfo=UTC)  # after the rows are made


def message(n: int = 0, to: str = "pemohon@contoh.id", **kwargs) -> EmailMessage:
    mail_ = EmailMessage(f"Tanda terima {n}", f"Isi surel {n}", to=[to], **kwargs)
    mail_.attach(f"tanda-terima-{n}.pdf", PDF, "application/pdf")
    return mail_


def enqueue_committed(count: int, **kwargs) -> list[OutboxMessage]:
    with override_settings(OUTBOX_SEND_AT_ONCE=False):
        return [outbox.enqueue(message(n), key=f"test.mail:{n}", **kwargs) for n in range(count)]


def test_backoff_doubles_from_a_minute_and_stops_at_ten_minutes():
    waits = [outbox.backoff(attempt) for attempt in range(1, 10)]
    assert [int(wait.total_seconds() // 60) for wait in waits] == [1, 2, 4, 8, 10, 10, 10, 10, 10]


def test_the_recorded_error_never_quotes_the_server_and_its_addresses():
    refused = smtplib.SMTPRecipientsRefused(
        {"pemohon@contoh.id": (550, b"5.1.1 <pemohon@contoh.id>: unknown")}
    )
    assert outbox.describe(refused) == "SMTPRecipientsRefused 550"
    assert outbox.is_permanent(refused)
    assert not outbox.is_permanent(smtplib.SMTPRecipientsRefused({"a@b.id": (451, b"later")}))
    assert outbox.describe(ConnectionRefusedError(111, "refused")) == "ConnectionRefusedError"


@pytest.mark.django_db
def test_the_mail_exists_only_if_the_callers_transaction_commits():
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.enqueue(message(), key="test.rolled-back")
        raise RuntimeError("the submission failed")
    assert not OutboxMessage.objects.exists()

    with transaction.atomic():
        outbox.enqueue(message(), key="test.committed")
    assert OutboxMessage.objects.get().key == "test.committed"


@pytest.mark.django_db
def test_the_same_logical_mail_is_enqueued_once():
    first = outbox.enqueue(message(1), key="ppid.receipt:1")
    with transaction.atomic():  # the duplicate must not break the caller's transaction
        again = outbox.enqueue(message(1), key="ppid.receipt:1")
        OutboxMessage.objects.count()
    assert first is not None and again is None
    assert OutboxMessage.objects.count() == 1


@pytest.mark.django_db
def test_right_after_commit_one_attempt_is_made(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        outbox.enqueue(message(), key="test.at-once")
    [sent] = mail.outbox
    assert sent.subject == "Tanda terima 0" and sent.attachments[0][1] == PDF
    row = OutboxMessage.objects.get()
    assert (row.status, row.attempts) == (OutboxMessage.Status.SENT, 1)


@pytest.mark.django_db
def test_smtp_down_leaves_rows_pending_and_backing_off_then_each_goes_once():
    port = free_port()
    rows = enqueue_committed(3, about="ppid.request:7")
    with smtp_settings(port):
        down = outbox.deliver_due(now=START)
        assert (down.sent, down.failed) == (0, 3)
        for row in OutboxMessage.objects.all():
            assert row.status == OutboxMessage.Status.PENDING and row.attempts == 1
            assert row.last_error == "ConnectionRefusedError"
            assert row.next_attempt_at > START
        assert outbox.deliver_due(now=START).sent == 0  # nothing is due before the backoff

        with smtp_server(port) as server:
            later = START + timedelta(hours=2)
            up = outbox.deliver_due(now=later)
            again = outbox.deliver_due(now=later + timedelta(hours=1))

    assert (up.sent, again.sent, again.failed) == (3, 0, 0)
    assert len(server.received) == 3
    subjects = sorted(received["Subject"] for received in server.messages())
    assert subjects == [f"Tanda terima {row.payload['subject'][-1]}" for row in rows]
    for received in server.messages():
        [attachment] = list(received.iter_attachments())
        assert attachment.get_content() == PDF  # every byte, as enqueued
        assert received["Message-ID"]
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}


@pytest.mark.django_db
def test_an_hour_of_smtp_outage_loses_nothing_and_sends_nothing_twice():
    """The worker ticks every minute; SMTP is down for the first hour."""
    port = free_port()
    enqueue_committed(5)
    server = Recorder()
    delivered_at = None
    with smtp_settings(port):
        for minute in range(0, 150):
            if minute == 60:
                controller = smtp_server(port, server)
                controller.__enter__()
            with time_machine.travel(START + timedelta(minutes=minute), tick=False):
                outbox.deliver_due()
            if delivered_at is None and len(server.received) == 5:
                delivered_at = minute
        controller.__exit__(None, None, None)

    assert len(server.received) == 5
    assert sorted(m["Subject"] for m in server.messages()) == [
        f"Tanda terima {n}" for n in range(5)
    ]
    # Tries at 0, 1, 3, 7, 15, 25 … 55 minutes; the next, at 65, finds the server back: no mail
    # waits more than ten minutes after the server returns.
    assert delivered_at == 65
    assert set(OutboxMessage.objects.values_list("attempts", flat=True)) == {10}


@pytest.mark.django_db
def test_a_refused_recipient_is_given_up_at_once_and_shown_without_the_address():
    port = free_port()
    with smtp_settings(port), smtp_server(port, Recorder(refuse="hilang@contoh.id")) as server:
        outbox.enqueue(message(to="hilang@contoh.id"), key="test.refused")
        outbox.enqueue(message(1), key="test.fine")
        result = outbox.deliver_due()
    assert (result.sent, result.failed) == (1, 1)
    refused = OutboxMessage.objects.get(key="test.refused")
    assert refused.status == OutboxMessage.Status.FAILED
    assert refused.last_error == "SMTPRecipientsRefused 550"
    assert len(server.received) == 1


@pytest.mark.django_db
@override_settings(OUTBOX_MAX_ATTEMPTS=2)
def test_after_the_last_attempt_the_row_is_failed_and_left_for_the_admins():
    port = free_port()
    enqueue_committed(1)
    with smtp_settings(port):
        outbox.deliver_due(now=START)
        outbox.deliver_due(now=START + timedelta(hours=1))
        outbox.deliver_due(now=START + timedelta(hours=3))
    row = OutboxMessage.objects.get()
    assert (row.status, row.attempts) == (OutboxMessage.Status.FAILED, 2)


# Two threads on the in-memory SQLite test database share one cache and meet "table is locked"
# (SQLITE_LOCKED), which no busy timeout waits out; a deployed SQLite file in WAL mode queues
# writers instead (config/tests/test_sqlite.py, two processes). Real concurrency: PostgreSQL.
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent workers need a real database server"
)
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_message_exactly_once():
    port = free_port()
    enqueue_committed(30)
    results = []
    errors = []

    def worker():
        try:
            results.append(outbox.deliver_due())
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    with smtp_settings(port), smtp_server(port, Recorder(delay=0.01)) as server:
        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert not errors
    assert len(server.received) == 30
    assert len({m["Subject"] for m in server.messages()}) == 30
    assert sum(result.sent for result in results) == 30
    assert all(result.sent for result in results), "both workers took part"
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}


@pytest.mark.django_db
def test_delivered_text_is_blanked_after_a_week_and_erasure_deletes_its_mails():
    enqueue_committed(2, about="ppid.request:9")
    outbox.enqueue(message(5), key="other:5", about="qna.question:5")
    with time_machine.travel(START, tick=False):
        outbox.deliver_due()
    with time_machine.travel(START + timedelta(days=6), tick=False):
        assert outbox.purge() == 0
    with time_machine.travel(START + timedelta(days=8), tick=False):
        assert outbox.purge() == 3
    assert set(map(str, OutboxMessage.objects.values_list("payload", flat=True))) == {"{}"}
    assert outbox.erase_about("ppid.request:9") == 2
    assert list(OutboxMessage.objects.values_list("key", flat=True)) == ["other:5"]


def test_the_worker_delivers_every_minute_and_purges_daily():
    assert jobs.deliver_outbox is REGISTRY["lontar.core.jobs.deliver_outbox"].run
    assert REGISTRY["lontar.core.jobs.deliver_outbox"].every == timedelta(minutes=1)
    assert REGISTRY["lontar.core.jobs.purge_outbox"].every == timedelta(days=1)


@pytest.mark.django_db
def test_the_report_shows_failed_mails_to_platform_admins_only(
    client, platform_admin, agency_admin_a
):
    outbox.enqueue(message(to="rahasia@contoh.id"), key="ppid.receipt:42")
    OutboxMessage.objects.update(status="failed", last_error="SMTPRecipientsRefused 550")

    client.force_login(agency_admin_a)
    refused = client.get("/admin/laporan/surel-keluar/")  # Wagtail: back to the dashboard
    assert refused.status_code == 302 and "ppid.receipt:42" not in refused.content.decode()
    client.force_login(platform_admin)
    response = client.get("/admin/laporan/surel-keluar/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "ppid.receipt:42" in body and "SMTPRecipientsRefused 550" in body
    assert "rahasia@contoh.id" not in body and "Tanda terima" not in body
    assert client.get("/admin/laporan/surel-keluar/?status=bogus").status_code == 400


@pytest.mark.django_db
@override_settings(
    EMAIL_BACKEND="lontar.core.outbox.OutboxBackend",
    OUTBOX_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
)
def test_the_outbox_backend_queues_mail_sent_the_plain_django_way(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        assert mail.send_mail("Moderasi", "Halaman menunggu", None, ["editor@contoh.id"]) == 1
    row = OutboxMessage.objects.get()
    assert row.key.startswith("mail:") and row.status == OutboxMessage.Status.SENT
    assert [sent.subject for sent in mail.outbox] == ["Moderasi"]


@override_settings(EMAIL_BACKEND="lontar.core.outbox.OutboxBackend", OUTBOX_EMAIL_BACKEND="")
def test_the_outbox_backend_needs_a_real_backend_behind_it():
    with pytest.raises(ImproperlyConfigured):
        outbox.delivery_backend()
