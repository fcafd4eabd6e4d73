import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from pypdf import PdfReader

from lontar.ppid.models import InformationRequest, RequestEvent
from lontar.ppid.selectors import track_request
from lontar.ppid.services import Answer, answer_request, assign_request, extend_request
from lontar.ppid.states import Status
from lontar.ppid.tests.helpers import NIK, PHONE, make_request

pytestmark = pytest.mark.django_db


def test_registering_numbers_the_request_and_stores_its_clock(agency_a):
    request, code = make_request(agency_a)

    assert request.number == "0001/PPID-BKD-A/XI/2026"
    # Received Monday 2 Nov 2026: ten working days later is Monday 16 Nov.
    assert request.notice_due == date(2026, 11, 16)
    assert request.extended_due == date(2026, 11, 25)
    assert track_request(request.number, code) == request
    assert track_request(request.number, "SALAHKODE") is None
    assert request.events.get().kind == "registered"


def test_nik_is_encrypted_at_rest_and_never_stored_in_clear(agency_a):
    request, _ = make_request(agency_a)

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM ppid_informationrequest WHERE id = %s", [request.pk])
        row = " ".join(str(value) for value in cursor.fetchone())
    assert NIK not in row
    from lontar.ppid.crypto import decrypt_nik

    assert decrypt_nik(request.nik_encrypted) == NIK


def test_receipt_email_carries_number_code_and_pdf(agency_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request, code = make_request(agency_a)

    message = mail.outbox[-1]
    assert request.number in message.subject and code in message.body
    pdf_name, pdf_bytes, _ = message.attachments[0]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)
    assert request.number in text and "16 November 2026" in text
    assert NIK not in message.body and PHONE not in message.body


def test_numbers_are_consecutive_per_agency_and_restart_each_year(agency_a, agency_b):
    december = datetime(2025, 12, 30, 9, tzinfo=ZoneInfo("Asia/Makassar"))
    first, _ = make_request(agency_a, received_at=december)
    second, _ = make_request(agency_a, received_at=december)
    other, _ = make_request(agency_b, received_at=december)
    next_year, _ = make_request(agency_a)

    assert [first.sequence, second.sequence, other.sequence, next_year.sequence] == [1, 2, 1, 1]
    assert second.number == "0002/PPID-BKD-A/XII/2025"
    assert next_year.number.endswith("/XI/2026")


def test_extension_needs_reasons_happens_once_and_only_before_the_notice_is_due(
    agency_a, ppid_officer_a
):
    request, _ = make_request(agency_a)

    with pytest.raises(ValidationError):
        extend_request(request, reason="karena", by=ppid_officer_a, today=date(2026, 11, 10))
    with pytest.raises(ValidationError):
        extend_request(
            request,
            reason="Dokumen tersebar di tiga bidang dan perlu dihimpun.",
            by=ppid_officer_a,
            today=date(2026, 11, 17),
        )
    extend_request(
        request,
        reason="Dokumen tersebar di tiga bidang dan perlu dihimpun.",
        by=ppid_officer_a,
        today=date(2026, 11, 16),
    )
    with pytest.raises(ValidationError):
        extend_request(
            request,
            reason="Dokumen tersebar di tiga bidang dan perlu dihimpun.",
            by=ppid_officer_a,
            today=date(2026, 11, 16),
        )

    request.refresh_from_db()
    assert request.status == Status.EXTENDED
    assert request.current_due == date(2026, 11, 25)


def test_partial_grant_requires_ground_consequence_test_and_redaction_reasons(
    agency_a, ppid_officer_a
):
    request, _ = make_request(agency_a)

    with pytest.raises(ValidationError) as error:
        answer_request(
            request, answer=Answer(decision="sebagian", material_given="Daftar"), by=ppid_officer_a
        )

    assert set(error.value.message_dict) == {
        "refusal_grounds",
        "consequence_test",
        "redaction_note",
    }


def test_answer_generates_a_written_notice_with_items_a_to_g(agency_a, ppid_officer_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lontar.agencies.tests.factories import UnitFactory

    request, _ = make_request(agency_a)
    assign_request(
        request,
        unit=UnitFactory(agency=agency_a),
        internal_due=None,
        note="Mohon disiapkan",
        by=ppid_officer_a,
    )
    answer_request(
        request,
        answer=Answer(
            decision="sebagian",
            material_given="Rekapitulasi formasi per jabatan",
            refusal_ground="Pasal 17 huruf h",
            consequence_test="Nama peserta seleksi adalah rahasia pribadi; membukanya tidak "
            "menambah manfaat publik dibanding kerugian bagi peserta.",
            redaction_note="Nama dan NIK peserta dihitamkan.",
            cost_amount=0,
            cost_note="Gratis (salinan elektronik).",
            documents=[("Rekap formasi", SimpleUploadedFile("rekap.pdf", b"%PDF-1.4 uji"))],
        ),
        by=ppid_officer_a,
    )

    request.refresh_from_db()
    text = "".join(p.extract_text() for p in PdfReader(request.notice_pdf.open("rb")).pages)
    for item in (
        "a. Penguasaan",
        "b. Badan publik",
        "c. Penerimaan",
        "d. Materi",
        "e. Penghitaman",
        "f. Cara dan format",
        "g. Biaya",
    ):
        assert item in text
    assert "Pasal 17 huruf h" in text
    assert request.status == Status.ANSWERED
    assert request.documents.count() == 1
    kinds = list(request.events.values_list("kind", flat=True))
    assert kinds == ["registered", "assigned", "answered"]


def test_events_are_append_only(agency_a):
    request, _ = make_request(agency_a)
    event = request.events.get()

    with pytest.raises(ValueError):
        event.public_note = "diubah"
        event.save()
    with pytest.raises(ValueError):
        event.delete()
    assert RequestEvent.objects.filter(pk=event.pk).exists()


def test_completed_request_cannot_be_answered_again(agency_a, ppid_officer_a):
    request, _ = make_request(agency_a)
    request.status = Status.COMPLETED
    request.save()

    with pytest.raises(ValidationError):
        answer_request(
            request, answer=Answer(decision="diberikan", material_given="x"), by=ppid_officer_a
        )
    assert InformationRequest.objects.get(pk=request.pk).status == Status.COMPLETED


def test_personal_data_is_erased_after_retention_but_the_register_row_stays(
    agency_a, ppid_officer_a
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lontar.ppid.services import erase_expired_personal_data, withdraw_request

    request, _ = make_request(
        agency_a, files={"identity_scan": SimpleUploadedFile("ktp.jpg", b"\xff\xd8 scan")}
    )
    # Retention counts from the last event, whatever the state: a request active a day later
    # keeps its data a day longer.
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        open_request, _ = make_request(agency_a)
    scan_name = request.identity_scan.name
    storage = request.identity_scan.storage
    withdraw_request(request, by=ppid_officer_a)
    assert storage.exists(scan_name)

    erased = erase_expired_personal_data(request.retain_personal_data_until)

    request.refresh_from_db()
    open_request.refresh_from_db()
    assert erased == 1
    assert request.name == "[dihapus]" and request.nik_encrypted == "" and request.phone == ""
    assert not storage.exists(scan_name)
    assert request.number and request.information_requested  # the register keeps its row
    assert open_request.name == "Maria Uji Pemohon"  # its last event is a day later
    assert request.events.filter(kind="personal_data_erased").exists()


def test_completing_a_request_invites_the_requester_to_the_satisfaction_survey(
    agency_a, ppid_officer_a, django_capture_on_commit_callbacks
):
    from lontar.ppid.services import complete_request
    from lontar.survey.models import SurveyUnit

    SurveyUnit.objects.create(agency=agency_a, name="Layanan Informasi Publik", slug="ppid")
    request, _ = make_request(agency_a)
    answer_request(
        request, answer=Answer(decision="diberikan", material_given="Rekap"), by=ppid_officer_a
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        complete_request(request, by=ppid_officer_a)

    invitation = mail.outbox[-1]
    assert request.number in invitation.subject
    assert "/survei/ppid/?undangan=" in invitation.body


def test_agency_admin_sets_the_number_format_used_for_the_next_request(
    client, agency_a, agency_b, agency_admin_a
):
    from django.urls import reverse

    from lontar.ppid.services import settings_for

    own = settings_for(agency_a)
    other = settings_for(agency_b)
    client.force_login(agency_admin_a)
    url = reverse("wagtailsnippets_ppid_ppidsettings:edit", args=[own.pk])

    response = client.post(
        url,
        {
            "agency": agency_a.pk,
            "number_format": "PPID/{singkatan}/{tahun}/{nomor:03d}",
            "retention_years": 3,
            "copy_tariff": "Gratis",
            "privacy_officer": "",
        },
    )
    refused = client.get(reverse("wagtailsnippets_ppid_ppidsettings:edit", args=[other.pk]))
    request, _ = make_request(agency_a)

    assert response.status_code == 302
    assert refused.status_code == 404  # another agency's settings are not confirmed to exist
    assert request.number == "PPID/BKD-A/2026/001"


def test_both_forms_map_to_the_requester_through_one_function(agency_a):
    """The public form and the officer's intake give their cleaned data to the same mapping."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lontar.ppid.admin_forms import IntakeForm
    from lontar.ppid.services import RequesterDetails
    from lontar.ppid.tests.helpers import REQUESTER

    scan = SimpleUploadedFile("ktp.pdf", b"%PDF-1.4", "application/pdf")
    person = RequesterDetails.from_cleaned(
        {
            **REQUESTER,
            "name": " Maria ",
            "legal_entity_decree": "AHU-1",
            "identity_scan": scan,
            "proxy_letter": None,
        }
    )
    assert (person.name, person.nik, person.legal_entity_decree) == ("Maria", NIK, "")
    assert person.files == {"identity_scan": scan}

    entity = RequesterDetails.from_cleaned(
        {**REQUESTER, "identity_kind": "badan_hukum", "legal_entity_decree": " AHU-1 "}
    )
    assert (entity.nik, entity.legal_entity_decree, entity.files) == ("", "AHU-1", {})

    form = IntakeForm(agency=agency_a)
    form.cleaned_data = {**REQUESTER, "legal_entity_decree": "", "identity_scan": None}
    assert form.to_details() == RequesterDetails.from_cleaned(form.cleaned_data)
