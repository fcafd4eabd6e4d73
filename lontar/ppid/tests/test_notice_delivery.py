"""An e-mailed notice is delivered when the mail server took it, not when it was queued
(issue 21 §1): queued, failed and delivered show on the requester's tracking page and on the
officer's page; a notice whose mail was given up can still be delivered on paper."""

from __future__ import annotations

import smtplib
import time
from datetime import timedelta

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from lontar.core import outbox
from lontar.core.models import OutboxMessage
from lontar.ppid.models import InformationRequest
from lontar.ppid.services import extend_request
from lontar.ppid.tests.helpers import make_request

pytestmark = pytest.mark.django_db

REFUSED = f"{__name__}.RefusingBackend"


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses the requester's mailbox for good (SMTP 550)."""

    def send_messages(self, email_messages) -> int:
        raise smtplib.SMTPRecipientsRefused({"pemohon@contoh.id": (550, b"5.1.1 unknown")})


def _tracking_page(client, information_request: InformationRequest) -> str:
    session = client.session
    session["ppid_tracked"] = {"id": information_request.pk, "at": time.time()}
    session.save()
    return client.get(reverse("ppid:track-detail")).content.decode()


def _officer_page(client, officer, information_request: InformationRequest) -> str:
    client.force_login(officer)
    page = client.get(reverse("ppid_admin_detail", args=[information_request.pk]))
    client.logout()
    return page.content.decode()


def _deliver_outbox() -> outbox.Round:
    return outbox.deliver_due(now=timezone.now() + timedelta(minutes=1))


def test_an_emailed_notice_is_queued_until_the_outbox_has_sent_it(client, agency_a, ppid_officer_a):
    request, _code = make_request(agency_a)
    receipt = request.notices.get()
    assert receipt.channel == "surel" and receipt.email_key == f"ppid.receipt:{request.pk}"
    assert receipt.delivered_at is None  # queued is not delivered

    assert 'data-delivery="antre"' in _tracking_page(client, request)
    assert "dalam antrean pengiriman surel" in _tracking_page(client, request)
    officer_page = _officer_page(client, ppid_officer_a, request)
    assert 'data-delivery="antre"' in officer_page and "belum terkirim" in officer_page

    assert _deliver_outbox().sent == 1

    receipt.refresh_from_db()
    row = OutboxMessage.objects.get(key=receipt.email_key)
    assert row.status == "sent" and receipt.delivered_at == row.sent_at
    event = request.events.get(kind="notice_delivered")
    assert event.actor is None and receipt.number in event.public_note
    tracking = _tracking_page(client, request)
    assert 'data-delivery="disampaikan"' in tracking and "antrean" not in tracking
    assert 'data-delivery="disampaikan"' in _officer_page(client, ppid_officer_a, request)


def test_an_extension_by_email_counts_from_its_own_mail(agency_a, ppid_officer_a):
    request, _code = make_request(agency_a, received_at=agency_a.now() - timedelta(hours=1))
    _deliver_outbox()  # the receipt
    extend_request(request, reason="Dokumen tersebar di tiga bidang pengolah.", by=ppid_officer_a)
    extension = request.notices.get(kind="perpanjangan")
    assert extension.delivered_at is None
    assert extension.email_key == f"ppid.update_extended:{request.pk}"

    assert _deliver_outbox().sent == 1

    extension.refresh_from_db()
    assert extension.delivered_at is not None


@override_settings(EMAIL_BACKEND=REFUSED)
def test_a_notice_whose_mail_was_given_up_shows_failed_and_the_desk_delivers_it(
    client, agency_a, ppid_officer_a
):
    request, _code = make_request(agency_a)
    receipt = request.notices.get()

    assert _deliver_outbox().failed == 1

    receipt.refresh_from_db()
    assert receipt.delivered_at is None
    assert OutboxMessage.objects.get(key=receipt.email_key).status == "failed"
    tracking = _tracking_page(client, request)
    assert 'data-delivery="gagal"' in tracking and "surel gagal terkirim" in tracking
    # The timeline tells the requester and the officer what happened.
    assert request.events.filter(kind="notice_mail_failed").count() == 1
    assert receipt.number in tracking.split("Surat untuk Anda")[0]
    officer_page = _officer_page(client, ppid_officer_a, request)
    assert 'data-delivery="gagal"' in officer_page and "cetak dan sampaikan" in officer_page

    client.force_login(ppid_officer_a)
    response = client.post(
        reverse("ppid_admin_notice_delivered", args=[request.pk, receipt.pk]),
        {
            f"notice-{receipt.pk}-delivered_on": agency_a.today().isoformat(),
            f"notice-{receipt.pk}-note": "Diambil di meja layanan",
        },
    )
    assert response.status_code == 302
    receipt.refresh_from_db()
    assert receipt.delivered_by == ppid_officer_a and receipt.delivered_at is not None
    assert 'data-delivery="disampaikan"' in _tracking_page(client, request)


def test_a_mail_sent_after_the_desk_recorded_the_notice_changes_nothing(agency_a, ppid_officer_a):
    from lontar.ppid.notice_services import record_delivery

    request, _code = make_request(agency_a)
    receipt = request.notices.get()
    record_delivery(receipt, delivered_at=timezone.now(), note="Diserahkan", by=ppid_officer_a)
    receipt.refresh_from_db()
    recorded = receipt.delivered_at

    assert _deliver_outbox().sent == 1

    receipt.refresh_from_db()
    assert receipt.delivered_at == recorded and receipt.delivered_by == ppid_officer_a
    assert request.events.filter(kind="notice_delivered").count() == 1


def test_the_tracking_page_reads_delivery_in_a_fixed_number_of_queries(
    client, agency_a, ppid_officer_a, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lontar.ppid.services import Answer, answer_request

    request, _code = make_request(agency_a, received_at=agency_a.now() - timedelta(hours=1))
    _tracking_page(client, request)  # warm caches (site, menus)
    with CaptureQueriesContext(connection) as one_notice:
        _tracking_page(client, request)
    extend_request(request, reason="Dokumen tersebar di tiga bidang pengolah.", by=ppid_officer_a)
    answer = Answer(decision="diberikan", material_given="Rekap formasi")
    answer_request(request, answer=answer, by=ppid_officer_a)
    assert request.notices.count() == 3
    with django_assert_max_num_queries(len(one_notice.captured_queries)):
        page = _tracking_page(client, request)
    assert page.count('data-delivery="antre"') == 3
