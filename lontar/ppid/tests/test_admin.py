"""The officers' desk in the Wagtail admin: queue, actions, intake."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lontar.agencies.tests.factories import UnitFactory
from lontar.core.tests.files import pdf_bytes
from lontar.ppid.models import InformationRequest, PersonalFileAccess
from lontar.ppid.states import Decision, Status
from lontar.ppid.tests.helpers import NIK, make_request

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")
IP = "203.0.113.7"


def at(day: int, hour: int = 10, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=WITA)


def detail_url(request) -> str:
    return reverse("ppid_admin_detail", args=[request.pk])


def action_url(name: str, request) -> str:
    return reverse(f"ppid_admin_{name}", args=[request.pk])


@pytest.fixture
def officer_client(client, ppid_officer_a):
    client.force_login(ppid_officer_a)
    return client


def test_menu_item_is_shown_to_ppid_roles_only(client, ppid_officer_a, editor):
    client.force_login(ppid_officer_a)
    assert "Permohonan informasi" in client.get(reverse("wagtailadmin_home")).text
    client.force_login(editor)
    assert "Permohonan informasi" not in client.get(reverse("wagtailadmin_home")).text


def test_queue_is_sorted_by_due_date_with_overdue_and_at_risk_badges(officer_client, agency_a):
    with time_machine.travel(at(12), tick=False):
        soon, _ = make_request(agency_a, received_at=at(2))  # due Mon 16 Nov: 2 days left
        late, _ = make_request(agency_a, received_at=at(15, month=10))  # due 29 Oct
        later, _ = make_request(agency_a, received_at=at(10))  # due 24 Nov
        response = officer_client.get(reverse("ppid_admin_queue"))

    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row.request for row in rows] == [late, soon, later]
    html = response.text
    late_row = html.split(f'data-ppid-row="{late.number}"')[1].split("</tr>")[0]
    soon_row = html.split(f'data-ppid-row="{soon.number}"')[1].split("</tr>")[0]
    later_row = html.split(f'data-ppid-row="{later.number}"')[1].split("</tr>")[0]
    assert "Terlambat" in late_row and "Berisiko" not in late_row
    assert "Berisiko" in soon_row and "Terlambat" not in soon_row
    assert "Terlambat" not in later_row and "Berisiko" not in later_row
    assert NIK not in html


def test_a_request_due_on_friday_is_overdue_on_saturday(officer_client, agency_a):
    with time_machine.travel(at(21), tick=False):
        request, _ = make_request(agency_a, received_at=at(6))  # due Fri 20 Nov
        response = officer_client.get(reverse("ppid_admin_queue"))
    assert request.notice_due == date(2026, 11, 20)
    row = response.text.split(f'data-ppid-row="{request.number}"')[1].split("</tr>")[0]
    assert "Terlambat" in row and "Berisiko" not in row


def test_queue_filters_by_status_and_unit(officer_client, agency_a, ppid_officer_a):
    unit = UnitFactory(agency=agency_a)
    with time_machine.travel(at(5), tick=False):
        assigned, _ = make_request(agency_a, received_at=at(2))
        other, _ = make_request(agency_a, received_at=at(3))
        officer_client.post(action_url("assign", assigned), {"assign-unit": unit.pk})
        by_unit = officer_client.get(reverse("ppid_admin_queue"), {"unit": unit.pk})
        by_status = officer_client.get(reverse("ppid_admin_queue"), {"status": Status.REGISTERED})

    assert [row.request for row in by_unit.context["rows"]] == [assigned]
    assert [row.request for row in by_status.context["rows"]] == [other]


def test_queue_uses_the_agency_time_zone_for_today(officer_client, agency_a):
    # 23:30 UTC on Sunday 15 Nov is already Monday 16 Nov in Makassar: the due day itself.
    with time_machine.travel(datetime(2026, 11, 15, 23, 30, tzinfo=ZoneInfo("UTC")), tick=False):
        make_request(agency_a, received_at=at(2))
        response = officer_client.get(reverse("ppid_admin_queue"))
    assert response.context["today"] == date(2026, 11, 16)
    assert response.context["rows"][0].working_days_left == 0


def _last_event(request):
    return request.events.order_by("-pk").first()


def test_assign_moves_to_in_process_and_records_actor_and_ip(
    officer_client, agency_a, ppid_officer_a
):
    unit = UnitFactory(agency=agency_a)
    request, _ = make_request(agency_a)
    response = officer_client.post(
        action_url("assign", request),
        {
            "assign-unit": unit.pk,
            "assign-internal_due": "2026-11-12",
            "assign-note": "Mohon siapkan data formasi.",
        },
        REMOTE_ADDR=IP,
    )

    assert response.status_code == 302 and response.url == detail_url(request)
    request.refresh_from_db()
    assert request.status == Status.IN_PROCESS
    assert request.assigned_unit == unit and request.internal_due == date(2026, 11, 12)
    event = _last_event(request)
    assert (event.kind, event.actor, event.ip_address) == ("assigned", ppid_officer_a, IP)


def test_assign_offers_only_units_of_the_same_agency(officer_client, agency_a, agency_b):
    foreign = UnitFactory(agency=agency_b)
    request, _ = make_request(agency_a)
    response = officer_client.post(action_url("assign", request), {"assign-unit": foreign.pk})

    assert response.status_code == 400
    assert response.context["assign_form"].errors["unit"]
    request.refresh_from_db()
    assert request.status == Status.REGISTERED and request.assigned_unit is None


def test_assign_shows_the_service_error_beside_the_internal_deadline(officer_client, agency_a):
    unit = UnitFactory(agency=agency_a)
    request, _ = make_request(agency_a)
    response = officer_client.post(
        action_url("assign", request), {"assign-unit": unit.pk, "assign-internal_due": "2026-12-31"}
    )

    assert response.status_code == 400
    assert response.context["assign_form"].errors["internal_due"] == [
        "Batas internal unit melewati batas waktu hukum."
    ]
    assert "Batas internal unit melewati batas waktu hukum." in response.text


def test_extend_with_reasons_before_the_notice_is_due(officer_client, agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    reason = "Informasi tersebar di tiga bidang dan perlu dihimpun terlebih dahulu."
    with time_machine.travel(at(10), tick=False):
        short = officer_client.post(action_url("extend", request), {"extend-reason": "perlu"})
        response = officer_client.post(
            action_url("extend", request), {"extend-reason": reason}, REMOTE_ADDR=IP
        )

    assert short.status_code == 400
    assert "minimal 20 huruf" in short.context["extend_form"].errors["reason"][0]
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.EXTENDED and request.extension_reason == reason
    assert request.current_due == date(2026, 11, 25)
    event = _last_event(request)
    assert (event.kind, event.actor, event.ip_address) == ("extended", ppid_officer_a, IP)


def test_extend_after_the_notice_was_due_is_refused_with_the_reason(officer_client, agency_a):
    request, _ = make_request(agency_a)
    with time_machine.travel(at(17), tick=False):
        response = officer_client.post(
            action_url("extend", request),
            {"extend-reason": "Informasi tersebar di tiga bidang dan perlu dihimpun."},
        )
    assert response.status_code == 400
    assert "paling lambat 16-11-2026" in response.context["extend_form"].errors["reason"][0]
    # The form is no longer offered, so the refusal is shown as a message above the page.
    assert 'data-action="extend"' not in response.text
    assert "paling lambat 16-11-2026" in response.text
    request.refresh_from_db()
    assert request.status == Status.REGISTERED


def _partial_answer(**overrides) -> dict:
    data = {
        "answer-decision": Decision.PARTLY,
        "answer-material_given": "Rekap formasi CPNS 2026 per jabatan.",
        "answer-refusal_grounds": ["Pasal 17 huruf h"],
        "answer-consequence_test": "Nama peserta adalah data pribadi; membukanya merugikan "
        "peserta lebih besar daripada manfaatnya.",
        "answer-exempt_list_reference": "DIK-BKD/2026/03",
        "answer-redaction_note": "Nama dan NIP peserta dihitamkan (Pasal 17 huruf h).",
        "answer-delivery_format": "Salinan elektronik (PDF) melalui surel",
        "answer-cost_amount": "0",
        "answer-cost_note": "",
    }
    data.update(overrides)
    return data


def test_answer_with_a_partial_grant_and_documents(officer_client, agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    data = _partial_answer()
    data["answer-documents"] = [
        SimpleUploadedFile("rekap-formasi.pdf", pdf_bytes("rekap"), "application/pdf"),
        SimpleUploadedFile("lampiran.csv", b"jabatan,jumlah\nanalis,3\n", "text/csv"),
    ]
    response = officer_client.post(action_url("answer", request), data, REMOTE_ADDR=IP)

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.ANSWERED and request.decision == Decision.PARTLY
    assert request.refusal_ground == "Pasal 17 huruf h"
    assert request.exempt_list_reference == "DIK-BKD/2026/03"
    assert request.notice_pdf
    assert sorted(request.documents.values_list("title", flat=True)) == [
        "lampiran.csv",
        "rekap-formasi.pdf",
    ]
    event = _last_event(request)
    assert (event.kind, event.actor, event.ip_address) == ("answered", ppid_officer_a, IP)


def test_answer_errors_of_the_service_appear_beside_their_fields(officer_client, agency_a):
    request, _ = make_request(agency_a)
    response = officer_client.post(
        action_url("answer", request),
        _partial_answer(**{"answer-refusal_grounds": [], "answer-consequence_test": "singkat"}),
    )

    assert response.status_code == 400
    errors = response.context["answer_form"].errors
    assert errors["refusal_grounds"] == ["Pilih paling sedikit satu dasar pengecualian (Pasal 17)."]
    assert errors["consequence_test"] == ["Uraikan uji konsekuensi yang dilakukan."]
    # What was typed is kept.
    assert "Rekap formasi CPNS 2026 per jabatan." in response.text
    request.refresh_from_db()
    assert request.status == Status.REGISTERED and not request.documents.exists()


def test_complete_after_answer(officer_client, agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    early = officer_client.post(action_url("complete", request), REMOTE_ADDR=IP)
    request.refresh_from_db()
    assert early.status_code == 302 and request.status == Status.REGISTERED

    officer_client.post(action_url("answer", request), _partial_answer())
    response = officer_client.post(action_url("complete", request), REMOTE_ADDR=IP)

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.COMPLETED
    event = _last_event(request)
    assert (event.kind, event.actor, event.ip_address) == ("completed", ppid_officer_a, IP)


def test_public_summary_is_edited_and_recorded(officer_client, agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    response = officer_client.post(
        action_url("summary", request),
        {"summary-public_summary": "Data formasi CPNS 2026 per jabatan"},
        REMOTE_ADDR=IP,
    )

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.public_summary == "Data formasi CPNS 2026 per jabatan"
    event = _last_event(request)
    assert (event.kind, event.actor, event.ip_address) == ("summary_edited", ppid_officer_a, IP)


def test_detail_shows_the_masked_nik_the_timeline_and_the_due_date_explanation(
    officer_client, agency_a
):
    request, _ = make_request(agency_a)
    response = officer_client.get(detail_url(request))

    assert response.status_code == 200
    assert NIK not in response.text
    assert NIK[:4] + "••••••••" + NIK[-4:] in response.text
    assert request.skipped_explanation in response.text
    assert "Permohonan diterima melalui" in response.text
    assert "Diterima dan didaftarkan" in response.text
    assert "no-store" in response["Cache-Control"]


def test_showing_the_full_nik_is_logged(officer_client, agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    response = officer_client.post(action_url("nik", request), REMOTE_ADDR=IP)

    assert response.status_code == 200 and NIK in response.text
    access = PersonalFileAccess.objects.get()
    assert (access.information_request, access.user, access.which, access.ip_address) == (
        request,
        ppid_officer_a,
        "nik",
        IP,
    )


def _intake_data(**overrides) -> dict:
    data = {
        "channel": InformationRequest.Channel.LETTER,
        "received_on": "2026-11-02",
        "received_time": "15:30",
        "identity_kind": InformationRequest.IdentityKind.PERSON,
        "name": "Yohanes Pemohon Surat",
        "nik": NIK,
        "address": "Jalan Kenari 5, Kota Uji",
        "phone": "",
        "email": "yohanes@contoh.id",
        "occupation": "Guru",
        "information_requested": "Daftar sekolah penerima rehabilitasi 2026",
        "purpose": "Pengawasan anggaran pendidikan",
        "obtain_method": InformationRequest.ObtainMethod.HARDCOPY,
        "delivery_method": InformationRequest.DeliveryMethod.PICK_UP,
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_intake_stores_the_real_time_of_receipt_and_its_due_dates(
    officer_client, agency_a, ppid_officer_a
):
    response = officer_client.post(reverse("ppid_admin_intake"), _intake_data(), REMOTE_ADDR=IP)

    request = InformationRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("ppid_admin_intake_done", args=[request.pk])
    assert request.received_at == datetime(2026, 11, 2, 15, 30, tzinfo=WITA)
    assert request.channel == InformationRequest.Channel.LETTER
    assert request.notice_due == date(2026, 11, 16)
    assert request.extended_due == date(2026, 11, 25)
    event = request.events.get()
    assert (event.actor, event.ip_address) == (ppid_officer_a, IP)

    shown = officer_client.get(response.url)
    code = shown.context["code"]
    assert len(code) == 8 and code in shown.text
    from lontar.ppid.selectors import track_request

    assert track_request(request.number, code) == request
    again = officer_client.get(response.url)
    assert again.context["code"] == "" and code not in again.text


def test_intake_reads_the_time_in_the_agency_time_zone(officer_client, agency_a):
    agency_a.time_zone = "Asia/Jayapura"
    agency_a.save()
    officer_client.post(reverse("ppid_admin_intake"), _intake_data(received_time="08:00"))

    request = InformationRequest.objects.get()
    assert request.received_at == datetime(2026, 11, 2, 8, 0, tzinfo=ZoneInfo("Asia/Jayapura"))
    assert "2 November 2026 08:00" in officer_client.get(detail_url(request)).text


def test_intake_refuses_an_invalid_nik_and_a_future_date(officer_client, agency_a):
    response = officer_client.post(
        reverse("ppid_admin_intake"),
        _intake_data(nik="1234567890123456", received_on="2099-01-01"),
    )

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["nik"] and errors["received_on"]
    assert "Yohanes Pemohon Surat" in response.text
    assert not InformationRequest.objects.exists()


def test_queue_query_count_does_not_grow_with_the_number_of_requests(
    officer_client, agency_a, django_assert_max_num_queries
):
    unit = UnitFactory(agency=agency_a)
    with time_machine.travel(at(12), tick=False):
        for day in (2, 3, 4, 5, 6, 9, 10):
            request, _ = make_request(agency_a, received_at=at(day))
            officer_client.post(action_url("assign", request), {"assign-unit": unit.pk})
        with django_assert_max_num_queries(20):
            response = officer_client.get(reverse("ppid_admin_queue"))
    assert len(response.context["rows"]) == 7
