"""Issue 21 end to end through the services and pages: notices as sent, consent as shown,
costs before they are charged, the register's Perki columns, and erasure from the last event."""

from __future__ import annotations

import html
import io
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from lontar.agencies.models import Agency, AgencyCalendarSettings
from lontar.core.models import AuditEvent
from lontar.ppid import jobs
from lontar.ppid.models import InformationRequest, PPIDSettings
from lontar.ppid.notice_services import record_delivery
from lontar.ppid.privacy_services import (
    correct_personal_data,
    erase_on_request,
    privacy_notice_for,
)
from lontar.ppid.register import REGISTER_COLUMNS, column_headings, register_values
from lontar.ppid.services import Answer, answer_request, extend_request, register_request
from lontar.ppid.states import Status
from lontar.ppid.tests.helpers import details, form_data, make_request

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")


def _text(field) -> str:
    with field.open("rb") as handle:
        pages = PdfReader(io.BytesIO(handle.read())).pages
    # Line breaks and justified spacing are layout, not content.
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def _letter_request(agency, **overrides):
    """Filed by letter at the desk: no e-mail, notices collected at the desk."""
    values = {"email": "", "notice_channel": "meja", "delivery_method": "ambil", **overrides}
    return register_request(
        agency=agency,
        details=details(**values),
        received_at=agency.now() - timedelta(hours=1),
        channel=InformationRequest.Channel.LETTER,
    )[0]


# --- §1 notices -------------------------------------------------------------------------------
def test_every_notice_is_numbered_dated_signed_and_stored_as_sent(agency_a, ppid_officer_a):
    agency_a.ppid_name = "Kepala Bidang Informasi"
    agency_a.save()
    request = _letter_request(agency_a)
    extend_request(request, reason="Dokumen tersebar di tiga bidang pengolah.", by=ppid_officer_a)
    answer_request(
        request,
        answer=Answer(
            decision="diberikan",
            material_given="Rekap formasi",
            cost_amount=3000,
            payment_method="Tunai di loket PPID lantai 1",
        ),
        by=ppid_officer_a,
    )

    notices = list(request.notices.all())
    assert [n.kind for n in notices] == ["tanda_terima", "perpanjangan", "jawaban"]
    assert [n.number.split("/")[:2] for n in notices] == [["01", "TT"], ["02", "PRP"], ["03", "PT"]]
    for notice in notices:
        text = _text(notice.pdf)
        assert notice.number in text and request.number in text
        assert "Kepala Bidang Informasi" in text  # the signatory
        assert notice.channel == "meja" and notice.delivered_at is None  # waits for the desk
    assert "Dokumen tersebar di tiga bidang" in _text(notices[1].pdf)
    answer_text = _text(notices[2].pdf)
    assert "Rp3.000" in answer_text and "Tunai di loket PPID lantai 1" in answer_text
    for letter in "abcdefg":
        assert f"{letter}. " in answer_text

    stored = notices[1].pdf.name
    record_delivery(
        notices[1],
        delivered_at=agency_a.now(),
        note="Diambil sendiri oleh pemohon",
        by=ppid_officer_a,
    )
    notices[1].refresh_from_db()
    assert notices[1].delivered_by == ppid_officer_a and notices[1].pdf.name == stored
    assert request.events.filter(kind="notice_delivered").count() == 1
    assert AuditEvent.objects.filter(action="ppid.notice_delivered").count() == 1
    with pytest.raises(ValidationError):  # once only
        record_delivery(notices[1], delivered_at=agency_a.now(), note="", by=ppid_officer_a)


def test_an_email_notice_waits_for_the_outbox(agency_a):
    # Queued is not delivered: tests/test_notice_delivery.py follows it to the mail server.
    request, _code = make_request(agency_a)
    receipt = request.notices.get()
    assert receipt.channel == "surel" and receipt.delivered_at is None and receipt.email_key


def test_the_tracking_page_lists_each_notice_and_its_delivery(client, agency_a, ppid_officer_a):
    request = _letter_request(agency_a)
    session = client.session
    session["ppid_tracked"] = {"id": request.pk, "at": __import__("time").time()}
    session.save()
    page = client.get(reverse("ppid:track-detail")).content.decode()
    receipt = request.notices.get()
    assert receipt.number in page and "belum disampaikan" in page
    download = client.get(reverse("ppid:tracked-document", args=["surat", receipt.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content)[:4] == b"%PDF"
    assert client.get(reverse("ppid:tracked-document", args=["surat", 999999])).status_code == 404


# --- §3 costs ---------------------------------------------------------------------------------
def test_a_cost_without_how_to_pay_is_refused(agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    with pytest.raises(ValidationError) as error:
        answer_request(
            request,
            answer=Answer(decision="diberikan", material_given="Rekap", cost_amount=2000),
            by=ppid_officer_a,
        )
    assert "payment_method" in error.value.message_dict
    request.refresh_from_db()
    assert request.status == Status.REGISTERED and not request.notices.exclude(kind="tanda_terima")


def test_form_receipt_and_index_state_only_the_agencys_own_tariff(client, agency_a):
    page = client.get("/ppid/permohonan/baru/").content.decode()
    assert "Gratis" in page and "Rp200" not in page and "tidak dipungut biaya" in page
    PPIDSettings.objects.update_or_create(
        agency=agency_a, defaults={"copy_tariff": "Fotokopi Rp350 per lembar (SK 7/2026)"}
    )
    assert "Rp350 per lembar" in client.get("/ppid/").content.decode()
    response = client.post("/ppid/permohonan/baru/", form_data())
    assert response.status_code == 302
    receipt = client.get(reverse("ppid:receipt")).content.decode()
    assert "Rp350 per lembar" in receipt
    request = InformationRequest.objects.get()
    assert "Rp350 per lembar" in _text(request.notices.get().pdf)


# --- §4 who may request -------------------------------------------------------------------------
def test_a_group_a_proxy_and_a_viewer_are_recorded_as_such(client, agency_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lontar.core.tests.files import pdf_bytes

    response = client.post(
        "/ppid/permohonan/baru/",
        form_data(
            identity_kind="kelompok",
            group_name="Forum Warga Flamboyan",
            is_proxy="on",
            represented_person="Ibu Ani",
            obtain_method="melihat",
            delivery_method="",
            group_mandate=SimpleUploadedFile("mandat.pdf", pdf_bytes("mandat")),
            proxy_letter=SimpleUploadedFile("kuasa.pdf", pdf_bytes("kuasa")),
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    request = InformationRequest.objects.get()
    assert (request.identity_kind, request.group_name, request.represented_person) == (
        "kelompok",
        "Forum Warga Flamboyan",
        "Ibu Ani",
    )
    assert request.filed_by_proxy and request.group_mandate and request.delivery_method == ""


def test_a_group_without_a_mandate_is_told_what_is_missing(client, agency_a):
    response = client.post(
        "/ppid/permohonan/baru/", form_data(identity_kind="kelompok", group_name="")
    )
    errors = response.context["form"].errors
    assert {"group_name", "group_mandate"} <= set(errors)
    assert not InformationRequest.objects.exists()


# --- §5 exemptions ------------------------------------------------------------------------------
def test_a_refusal_keeps_several_grounds_and_the_duration(agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    answer_request(
        request,
        answer=Answer(
            decision="ditolak",
            refusal_grounds=["Pasal 17 huruf h", "Pasal 17 huruf a"],
            exemption_years=4,
            consequence_test="Membuka berkas penyidikan menghambat penegakan hukum yang berjalan.",
        ),
        by=ppid_officer_a,
    )
    request.refresh_from_db()
    assert request.refusal_grounds == ["Pasal 17 huruf a", "Pasal 17 huruf h"]
    assert request.refusal_ground == "Pasal 17 huruf a, Pasal 17 huruf h"
    notice = request.notices.get(kind="penolakan")
    assert "4 tahun" in _text(notice.pdf)


def test_once_the_agency_keeps_its_dik_a_refusal_must_cite_an_entry(agency_a, ppid_officer_a):
    from lontar.infolist.models import ExemptInfo
    from lontar.ppid import exemptions

    assert exemptions.dik_entries_for(agency_a) is None  # no DIK kept yet: free text, optional
    entry = ExemptInfo.objects.create(
        agency=agency_a,
        description="Berkas pemeriksaan disiplin pegawai",
        ground="h",
        consequence_analysis="Membuka berkas merugikan pegawai yang diperiksa.",
        duration_note="Selama pegawai masih hidup",
        decided_by="Sekretaris Daerah selaku Atasan PPID",
        decision_number="800/12/DIK/2026",
        decided_on=date(2026, 2, 1),
    )
    request, _ = make_request(agency_a)
    refusal = {
        "decision": "ditolak",
        "refusal_grounds": ["Pasal 17 huruf h"],
        "consequence_test": "Membuka berkas pemeriksaan merugikan pegawai yang diperiksa.",
    }

    with pytest.raises(ValidationError) as refused:
        answer_request(request, answer=Answer(**refusal), by=ppid_officer_a)
    assert "exempt_list_reference" in refused.value.message_dict

    cited = f"DIK-{entry.pk}: Berkas pemeriksaan disiplin pegawai"
    answer_request(
        request, answer=Answer(**refusal, exempt_list_reference=cited), by=ppid_officer_a
    )
    request.refresh_from_db()
    assert request.exempt_list_reference == cited
    assert cited in _text(request.notices.get(kind="penolakan").pdf)


# --- §6 consent, correction, erasure --------------------------------------------------------------
def test_the_consent_stored_is_the_notice_shown_when_filed(client, agency_a):
    PPIDSettings.objects.update_or_create(
        agency=agency_a, defaults={"privacy_officer": "Sekretaris BKD, Petrus Uji"}
    )
    page = client.get("/ppid/permohonan/baru/").content.decode()
    client.post("/ppid/permohonan/baru/", form_data())
    # The agency changes its officer later: the stored consent keeps the words agreed to.
    PPIDSettings.objects.filter(agency=agency_a).update(privacy_officer="Orang Lain")

    request = InformationRequest.objects.get()
    shown = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "Sekretaris BKD, Petrus Uji" in request.consent_text
    for paragraph in request.consent_text.split("\n\n"):
        assert paragraph in shown
    assert request.consent_text != privacy_notice_for(agency_a)
    assert request.consent_version.startswith("2026-11:")


def test_the_intake_stores_the_consent_too(client, agency_a, ppid_officer_a):
    from lontar.ppid.tests.test_admin import _intake_data

    client.force_login(ppid_officer_a)
    response = client.post(reverse("ppid_admin_intake"), _intake_data())
    assert response.status_code == 302
    request = InformationRequest.objects.get()
    assert request.consent_text == privacy_notice_for(agency_a) and request.consent_at
    refused = client.post(reverse("ppid_admin_intake"), _intake_data(consent=""))
    assert refused.status_code == 400 and InformationRequest.objects.count() == 1


def test_an_officer_corrects_and_erases_on_request_with_events_and_audit(agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    changed = correct_personal_data(
        request,
        changes={"address": "Jalan Baru 9", "name": request.name},
        reason="Surat pemohon tanggal 3 November",
        by=ppid_officer_a,
    )
    assert changed == ["address"] and request.address == "Jalan Baru 9"
    audit_row = AuditEvent.objects.get(action="ppid.personal_data_corrected")
    assert "Jalan Baru 9" not in str(audit_row.changes)  # which field, never the value

    with pytest.raises(ValidationError):  # still being served
        erase_on_request(request, reason="Permintaan lisan di meja", by=ppid_officer_a)
    answer_request(
        request, answer=Answer(decision="diberikan", material_given="Rekap"), by=ppid_officer_a
    )
    erase_on_request(request, reason="Permintaan lisan di meja", by=ppid_officer_a)
    request.refresh_from_db()
    assert request.personal_data_erased_at and request.name == "[dihapus]"
    assert request.events.filter(kind="personal_data_erased").exists()
    assert AuditEvent.objects.filter(action="ppid.personal_data_erased").exists()


def test_an_answered_request_never_completed_is_erased_when_retention_ends(
    agency_a, ppid_officer_a
):
    request, _ = make_request(agency_a)
    answer_request(
        request, answer=Answer(decision="diberikan", material_given="Rekap"), by=ppid_officer_a
    )
    request.refresh_from_db()
    assert request.status == Status.ANSWERED
    last_event = request.events.last().at.astimezone(WITA).date()
    assert request.retain_personal_data_until == date(
        last_event.year + 5, last_event.month, last_event.day
    )

    day_before = datetime.combine(request.retain_personal_data_until, datetime.min.time(), WITA)
    with time_machine.travel(day_before - timedelta(hours=1), tick=False):
        jobs.erase_expired_personal_data()
    request.refresh_from_db()
    assert request.personal_data_erased_at is None

    with time_machine.travel(day_before + timedelta(hours=1), tick=False):
        jobs.erase_expired_personal_data()
    request.refresh_from_db()
    assert request.personal_data_erased_at is not None and request.name == "[dihapus]"
    assert not any(notice.pdf for notice in request.notices.all())


def test_a_later_event_moves_the_end_of_retention(agency_a, ppid_officer_a):
    request, _ = make_request(agency_a, received_at=agency_a.now())
    first = request.retain_personal_data_until
    with time_machine.travel(datetime.now(WITA) + timedelta(days=3)):
        extend_request(request, reason="Menunggu dokumen dari unit lain.", by=ppid_officer_a)
    request.refresh_from_db()
    assert request.retain_personal_data_until == first + timedelta(days=3)


# --- §2 register ---------------------------------------------------------------------------------
def test_the_register_shows_the_perki_columns_and_nothing_personal(agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    answer_request(
        request,
        answer=Answer(
            decision="diberikan",
            material_given="Rekap",
            information_form="keduanya",
            cost_amount=1500,
            payment_method="Transfer Bank NTT 001-002",
            register_remarks="Diambil di loket",
        ),
        by=ppid_officer_a,
    )
    request.refresh_from_db()
    row = dict(zip(column_headings(), register_values(request), strict=True))
    assert row["Status informasi"] == "Dikuasai badan publik ini"
    assert row["Bentuk informasi dikuasai"] == "Softcopy dan hardcopy"
    assert row["Jenis permohonan"] == "Meminta salinan"
    assert row["Tanggal informasi diberikan"] == agency_a.today().isoformat()
    assert row["Cara pembayaran"] == "Transfer Bank NTT 001-002"
    assert row["Keterangan"] == "Diambil di loket"
    assert len(REGISTER_COLUMNS) == 14


def test_register_remarks_with_personal_data_are_refused(agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    with pytest.raises(ValidationError) as error:
        answer_request(
            request,
            answer=Answer(
                decision="diberikan", material_given="Rekap", register_remarks="Hub 081234567890"
            ),
            by=ppid_officer_a,
        )
    assert "register_remarks" in error.value.message_dict


# --- §7 cuti bersama ------------------------------------------------------------------------------
def test_the_ppid_page_says_what_this_agency_does_about_cuti_bersama(client, agency_a):
    assert (
        "tidak termasuk hari libur nasional dan cuti bersama"
        in client.get("/ppid/").content.decode()
    )
    AgencyCalendarSettings.objects.create(agency=agency_a, cuti_bersama_is_working_day=True)
    page = client.get("/ppid/").content.decode()
    assert "cuti bersama dihitung sebagai hari kerja" in page
    assert isinstance(agency_a, Agency)


def test_the_ppid_page_shows_the_staff_history_only_where_the_agency_chose(client, agency_a):
    from lontar.agencies.roles import Role
    from lontar.agencies.tests.factories import staff_member

    shown = staff_member(agency_a, Role.PPID_OFFICER, username="ppid-tampil").staff_profile
    hidden = staff_member(agency_a, Role.PPID_OFFICER, username="ppid-sembunyi").staff_profile
    for profile, flag in ((shown, True), (hidden, False)):
        profile.education = f"S2 Ilmu Komunikasi ({profile.user.username})"
        profile.career = "Kepala Subbagian Umum 2019-2023"
        profile.shown_on_ppid_page = flag
        profile.save()

    page = client.get("/ppid/").content.decode()
    assert "S2 Ilmu Komunikasi (ppid-tampil)" in page and "Kepala Subbagian Umum" in page
    assert "ppid-sembunyi" not in page
