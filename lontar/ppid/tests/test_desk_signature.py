"""The officer's desk finished (issue 16): the signed notice, the preview before sending, and
the admin home with requests and objections due, overdue and waiting on a unit."""

from __future__ import annotations

import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from lontar.core.tests.files import png_bytes
from lontar.ppid.models import PPIDSettings
from lontar.ppid.states import Decision, Status
from lontar.ppid.tests.helpers import make_request

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")
NIP = "197001012000031001"


def answer_data(**overrides) -> dict:
    return {
        "answer-decision": Decision.GRANTED,
        "answer-material_given": "Rekap formasi CPNS 2026 per jabatan.",
        "answer-delivery_format": "Salinan elektronik (PDF) melalui surel",
        "answer-cost_amount": "0",
        "answer-cost_note": "",
        **overrides,
    }


def settings_form(**kwargs):
    from wagtail.admin.panels import get_edit_handler

    from lontar.agencies.tests.factories import UserFactory

    form_class = get_edit_handler(PPIDSettings).get_form_class()
    return form_class(for_user=UserFactory(is_superuser=True), **kwargs)


def signed_settings(agency) -> PPIDSettings:
    row, _ = PPIDSettings.objects.get_or_create(agency=agency)
    form = settings_form(
        data={
            "agency": agency.pk,
            "number_format": row.number_format,
            "retention_years": 5,
            "signatory_name": "Drs. Yohanes Nenobais",
            "signatory_nip": NIP,
            "signatory_position": "Kepala Badan selaku PPID",
        },
        files={"signature_specimen": SimpleUploadedFile("ttd.png", png_bytes((120, 50)))},
        instance=row,
    )
    assert form.is_valid(), form.errors
    return form.save()


def test_the_specimen_signature_must_be_a_real_image_and_stays_private(agency_a):
    row, _ = PPIDSettings.objects.get_or_create(agency=agency_a)
    form = settings_form(
        data={"agency": agency_a.pk, "number_format": row.number_format, "retention_years": 5},
        files={"signature_specimen": SimpleUploadedFile("ttd.png", b"<script>alert(1)</script>")},
        instance=row,
    )
    assert not form.is_valid() and "signature_specimen" in form.errors
    saved = signed_settings(agency_a)
    assert saved.signature_specimen.storage is not None
    assert saved.signature_specimen.name.startswith("ppid/ttd/")
    from django.core.files.storage import storages

    # The private storage (compared by where it writes: another test may have rebuilt the
    # storages handler, so the object itself can differ), never under /media/.
    private = storages["private"]
    assert type(saved.signature_specimen.storage) is type(private)
    assert saved.signature_specimen.storage.location == private.location
    assert not saved.signature_specimen.path.startswith(str(settings.MEDIA_ROOT))


def test_the_notice_sent_carries_date_name_nip_and_the_signature_image(
    client, agency_a, ppid_officer_a
):
    signed_settings(agency_a)
    request, _ = make_request(agency_a)
    client.force_login(ppid_officer_a)
    response = client.post(reverse("ppid_admin_answer", args=[request.pk]), answer_data())
    assert response.status_code == 302
    notice = request.notices.order_by("-sequence").first()
    assert notice.signatory == f"Drs. Yohanes Nenobais (NIP {NIP})"
    reader = PdfReader(io.BytesIO(notice.pdf.read()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Drs. Yohanes Nenobais" in text and f"NIP. {NIP}" in text
    assert "Kepala Badan selaku PPID" in text and "Tanggal surat" in text
    images = [image for page in reader.pages for image in page.images]
    assert images, "the specimen signature is printed on the notice"
    # Stored once as sent: downloading it twice gives the same bytes.
    first = client.get(reverse("ppid_admin_notice_file", args=[request.pk, notice.pk]))
    second = client.get(reverse("ppid_admin_notice_file", args=[request.pk, notice.pk]))
    assert b"".join(first.streaming_content) == b"".join(second.streaming_content)


def test_sending_can_first_show_what_the_requester_will_receive(client, agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    client.force_login(ppid_officer_a)
    page = client.post(
        reverse("ppid_admin_answer", args=[request.pk]), {**answer_data(), "preview": "1"}
    )
    assert page.status_code == 200
    html = page.content.decode()
    preview = re.search(r"<section class=\"notice-preview\".*?</section>", html, re.S).group(0)
    assert "Yang akan diterima pemohon" in preview
    assert "pemohon@contoh.id" in preview  # e-mailed to the requester
    assert "Rekap formasi CPNS 2026 per jabatan." in preview
    assert "Hak mengajukan keberatan" in preview
    request.refresh_from_db()
    assert request.status == Status.REGISTERED  # nothing sent by the preview
    assert request.notices.count() == 1  # the receipt only
    assert "Simpan jawaban dan kirim pemberitahuan" in html


def test_actions_are_grouped_by_stage_and_only_allowed_ones_show(client, agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    client.force_login(ppid_officer_a)
    with time_machine.travel(datetime(2026, 11, 3, 10, 0, tzinfo=WITA)):
        html = client.get(reverse("ppid_admin_detail", args=[request.pk])).content.decode()
    for heading in ("Disposisi ke unit", "Jawab (pemberitahuan tertulis)", "Perpanjang"):
        assert heading in html
    assert 'data-action="complete"' not in html  # nothing to complete before the answer
    with time_machine.travel(datetime(2026, 12, 31, 10, 0, tzinfo=WITA)):
        late = client.get(reverse("ppid_admin_detail", args=[request.pk])).content.decode()
    assert 'data-action="extend"' not in late  # past the notice date: no extension button


def test_the_admin_home_shows_objections_due_and_overdue(client, agency_a, ppid_officer_a):
    from lontar.objections.tests.helpers import file_objection, refused_request

    with time_machine.travel(datetime(2026, 11, 3, 10, 0, tzinfo=WITA)):
        request, _ = refused_request(agency_a, ppid_officer_a)
        objection, _code = file_objection(
            agency_a, request, received_at=datetime(2026, 11, 3, 9, 0, tzinfo=WITA)
        )
    with time_machine.travel(datetime.combine(objection.answer_due, datetime.min.time(), WITA)):
        client.force_login(ppid_officer_a)  # a fresh session at each moment
        due = client.get("/admin/").content.decode()
    panel = re.search(r"<section class=\"panel objections-dashboard\".*?</section>", due, re.S)
    assert panel and objection.number in panel.group(0)
    assert "Jatuh tempo dalam 5 hari kerja (1)" in panel.group(0)
    with time_machine.travel(datetime(2027, 3, 1, 10, 0, tzinfo=WITA)):
        client.force_login(ppid_officer_a)
        late = client.get("/admin/").content.decode()
    panel = re.search(r"<section class=\"panel objections-dashboard\".*?</section>", late, re.S)
    assert "Lewat batas waktu (1)" in panel.group(0)
    from django.template.defaultfilters import date as date_filter
    from django.utils import translation

    with translation.override("id"):
        assert date_filter(objection.answer_due, "j M Y") in panel.group(0)  # its due date
