"""One visitor cannot keep a worker busy: bounded text, documents built once, downloads limited."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError

from lontar.ppid import documents, limits
from lontar.ppid.models import InformationRequest
from lontar.ppid.tests.helpers import form_data, make_request

pytestmark = pytest.mark.django_db

NEW = "/ppid/permohonan/baru/"
RECEIPT_PDF = "/ppid/permohonan/terkirim/tanda-terima.pdf"


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("name", limits.NAME_MAX),
        ("occupation", limits.OCCUPATION_MAX),
        ("address", limits.ADDRESS_MAX),
        ("information_requested", limits.INFORMATION_REQUESTED_MAX),
        ("purpose", limits.PURPOSE_MAX),
    ],
)
def test_an_over_long_field_is_refused_beside_it_and_the_rest_is_kept(
    client, agency_a, field, limit
):
    response = client.post(NEW, form_data(**{field: "a" * (limit + 1)}))

    body = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in body
    assert f"Paling banyak {limit:,} karakter".replace(",", ".") in body
    kept = {
        "name": "Maria Uji Pemohon",
        "address": "Jalan Flamboyan 3",
        "information_requested": "Daftar formasi CPNS 2026 per jabatan",
        "purpose": "Bahan liputan tentang rekrutmen ASN",
    }
    for other, value in kept.items():
        if other != field:
            assert value in body
    assert InformationRequest.objects.count() == 0


def test_the_form_states_each_limit_and_the_browser_enforces_it(client, agency_a):
    body = client.get(NEW).content.decode()

    assert "Maksimal 3.000 karakter." in body and "Maksimal 2.000 karakter." in body
    assert 'maxlength="3000"' in body and 'maxlength="500"' in body
    assert 'maxlength="150"' in body


def test_a_megabyte_post_is_refused_without_building_any_pdf(client, agency_a):
    huge = "x" * (1024 * 1024)

    with mock.patch.object(documents, "receipt_pdf", wraps=documents.receipt_pdf) as build:
        response = client.post(NEW, form_data(information_requested=huge, purpose=huge))

    assert response.status_code == 200
    assert "Paling banyak 3.000 karakter; isian ini 1048576 karakter." in response.content.decode()
    assert build.call_count == 0
    assert InformationRequest.objects.count() == 0


def test_the_service_refuses_megabytes_from_a_caller_bypassing_the_form(agency_a):
    with pytest.raises(ValidationError) as error:
        make_request(agency_a, information_requested="x" * 1_000_000, address="y" * 501)

    assert set(error.value.message_dict) == {"information_requested", "address"}
    assert InformationRequest.objects.count() == 0


def test_the_officer_intake_form_has_the_same_limits(agency_a):
    from lontar.ppid.admin_forms import IntakeForm

    form = IntakeForm({"information_requested": "x" * 3001, "purpose": "p" * 2001}, agency=agency_a)

    assert not form.is_valid()
    assert "Paling banyak 3.000 karakter" in form.errors["information_requested"][0]
    assert "Paling banyak 2.000 karakter" in form.errors["purpose"][0]


@pytest.mark.parametrize(
    ("form_path", "kwargs", "field", "limit"),
    [
        ("lontar.ppid.admin_forms.AssignForm", "request", "note", limits.DISPOSITION_NOTE_MAX),
        ("lontar.ppid.admin_forms.ExtendForm", None, "reason", limits.EXTENSION_REASON_MAX),
        ("lontar.ppid.admin_forms.AnswerForm", None, "material_given", limits.MATERIAL_GIVEN_MAX),
        (
            "lontar.ppid.admin_forms.AnswerForm",
            None,
            "consequence_test",
            limits.CONSEQUENCE_TEST_MAX,
        ),
        ("lontar.qna.forms.QuestionForm", None, "question_text", 4000),
        ("lontar.survey.forms.QuestionnaireForm", None, "suggestion", 2000),
        ("lontar.survey.forms.PageFeedbackForm", None, "comment", 1000),
    ],
)
def test_officer_question_and_survey_forms_bound_their_free_text(
    agency_a, form_path, kwargs, field, limit
):
    from django.utils.module_loading import import_string

    form_class = import_string(form_path)
    extra = {}
    if kwargs == "request":
        extra["information_request"], _code = make_request(agency_a)
    prefix = getattr(form_class(**extra), "prefix", None)
    key = f"{prefix}-{field}" if prefix else field
    form = form_class({key: "x" * (limit + 1)}, **extra)

    assert not form.is_valid()
    assert form.errors[field][0].startswith(f"Paling banyak {limit:,} karakter".replace(",", "."))
    assert f'maxlength="{limit}"' in str(form[field])


def test_officer_answer_refuses_a_negative_or_absurd_cost():
    from lontar.ppid.admin_forms import AnswerForm

    negative = AnswerForm({"answer-decision": "diberikan", "answer-cost_amount": "-5"})
    absurd = AnswerForm({"answer-decision": "diberikan", "answer-cost_amount": "10" * 9})

    assert negative.errors["cost_amount"] == ["Biaya tidak boleh negatif."]
    assert absurd.errors["cost_amount"] == ["Biaya paling banyak Rp100.000.000."]


# --- Documents are built once ------------------------------------------------------------------


def _submit(client, django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NEW, form_data(**overrides))
    assert response.status_code == 302
    return InformationRequest.objects.get()


def test_the_receipt_pdf_is_built_once_and_served_from_storage(
    client, agency_a, django_capture_on_commit_callbacks
):
    with mock.patch.object(documents, "receipt_pdf", wraps=documents.receipt_pdf) as build:
        stored = _submit(client, django_capture_on_commit_callbacks)
        downloads = [client.get(RECEIPT_PDF).content for _ in range(3)]

    stored.refresh_from_db()
    assert build.call_count == 1
    assert downloads[0].startswith(b"%PDF") and downloads[0] == downloads[1] == downloads[2]
    with stored.receipt_pdf.open("rb") as kept:
        assert kept.read() == downloads[0]
    attachment = mail.outbox[-1].attachments[0]
    assert attachment[1] == downloads[0]


def test_the_stored_receipt_has_a_random_name_and_no_tracking_code(
    client, agency_a, django_capture_on_commit_callbacks
):
    from pypdf import PdfReader

    stored = _submit(client, django_capture_on_commit_callbacks)
    code = client.session["ppid_receipt"]["code"]

    assert re.fullmatch(r"ppid/tanda-terima/[0-9a-f]{32}\.pdf", stored.receipt_pdf.name)
    with stored.receipt_pdf.open("rb") as kept:
        text = "".join(page.extract_text() for page in PdfReader(kept).pages)
    assert stored.number in text and code not in text
    assert code in mail.outbox[-1].body


def test_a_receipt_is_built_on_first_download_when_no_email_was_sent(
    client, agency_a, django_capture_on_commit_callbacks
):
    with mock.patch.object(documents, "receipt_pdf", wraps=documents.receipt_pdf) as build:
        _submit(client, django_capture_on_commit_callbacks, email="")
        assert build.call_count == 0
        for _ in range(3):
            assert client.get(RECEIPT_PDF).status_code == 200

    assert build.call_count == 1


def test_the_written_notice_is_rebuilt_only_when_a_notice_is_issued(
    client, agency_a, ppid_officer_a, django_capture_on_commit_callbacks
):
    from lontar.ppid.services import Answer, answer_request

    request, code = make_request(agency_a)
    with mock.patch.object(
        documents, "written_notice_pdf", wraps=documents.written_notice_pdf
    ) as build:
        with django_capture_on_commit_callbacks(execute=True):
            answer_request(
                request,
                answer=Answer(decision="diberikan", material_given="Rekap"),
                by=ppid_officer_a,
            )
        client.post("/ppid/lacak/", {"number": request.number, "code": code})
        downloads = [
            b"".join(client.get("/ppid/lacak/berkas/pemberitahuan/").streaming_content)
            for _ in range(3)
        ]

    request.refresh_from_db()
    assert build.call_count == 1
    assert downloads[0].startswith(b"%PDF") and len(set(downloads)) == 1
    assert re.fullmatch(r"ppid/pemberitahuan/[0-9a-f]{32}\.pdf", request.notice_pdf.name)


# --- Downloads are limited per visitor ---------------------------------------------------------


def test_the_31st_download_in_an_hour_gets_a_friendly_429(
    client, agency_a, django_capture_on_commit_callbacks
):
    _submit(client, django_capture_on_commit_callbacks)

    statuses = [client.get(RECEIPT_PDF).status_code for _ in range(31)]
    refused = client.get(RECEIPT_PDF)

    assert statuses[:30] == [200] * 30 and statuses[30] == 429
    assert refused.status_code == 429
    assert "Terlalu banyak unduhan" in refused.content.decode()
    assert refused["Retry-After"] == "3600"


def test_notice_downloads_share_the_visitor_limit(
    client, agency_a, django_capture_on_commit_callbacks
):
    request, code = make_request(agency_a)
    client.post("/ppid/lacak/", {"number": request.number, "code": code})

    statuses = [client.get("/ppid/lacak/berkas/pemberitahuan/").status_code for _ in range(31)]

    assert statuses[:30] == [404] * 30 and statuses[30] == 429


def test_a_reissued_notice_replaces_the_stored_file_once_committed(
    agency_a, ppid_officer_a, django_capture_on_commit_callbacks
):
    from lontar.ppid.services import Answer, answer_request

    request, _code = make_request(agency_a)
    answer_request(
        request, answer=Answer(decision="diberikan", material_given="Rekap"), by=ppid_officer_a
    )
    first = request.notice_pdf.name
    with django_capture_on_commit_callbacks(execute=True):
        documents.store_written_notice(request)
        request.save()

    storage = request.notice_pdf.storage
    assert request.notice_pdf.name != first
    assert storage.exists(request.notice_pdf.name) and not storage.exists(first)
