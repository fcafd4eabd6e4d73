"""A citizen asks for information, gets a number and a code, tracks it; the public register."""

from __future__ import annotations

import threading
import time

import pytest
from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from lontar.ppid.models import InformationRequest
from lontar.ppid.tests.helpers import NIK, PHONE, form_data, make_request

pytestmark = pytest.mark.django_db


def test_citizen_submits_and_sees_number_code_and_due_date(
    client, agency_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ppid/permohonan/baru/", form_data(), follow=True)

    body = response.content.decode()
    stored = InformationRequest.objects.get()
    assert stored.number in body and stored.number.startswith("0001/PPID-")
    assert "Batas waktu pemberitahuan tertulis" in body and "hari kerja" in body
    assert mail.outbox and stored.number in mail.outbox[0].subject
    pdf = client.get("/ppid/permohonan/terkirim/tanda-terima.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_invalid_nik_is_explained_beside_the_field_and_nothing_typed_is_lost(client, agency_a):
    response = client.post("/ppid/permohonan/baru/", form_data(nik="5371044107900"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "NIK harus 16 angka" in body
    assert 'id="id_nik_error"' in body
    assert "Daftar formasi CPNS 2026 per jabatan" in body and "Jalan Flamboyan 3" in body
    assert InformationRequest.objects.count() == 0


def test_form_names_the_uploaded_file_to_choose_again_after_an_error(client, agency_a):
    scan = SimpleUploadedFile("ktp.jpg", b"\xff\xd8\xff fake", content_type="image/jpeg")

    response = client.post("/ppid/permohonan/baru/", {**form_data(nik=""), "identity_scan": scan})

    assert "Berkas yang Anda pilih belum tersimpan" in response.content.decode()


def test_contact_is_required_and_legal_entities_give_their_decree(client, agency_a):
    response = client.post(
        "/ppid/permohonan/baru/",
        form_data(phone="", email="", identity_kind="badan_hukum", nik=""),
    )

    body = response.content.decode()
    assert "Isi nomor telepon atau surel" in body
    assert "Isi nomor SK pengesahan badan hukum" in body


@pytest.mark.parametrize(
    "overrides",
    [{"website": "http://spam.example"}, {"shown_at": "just-now"}, {"shown_at": "forged"}],
)
def test_bots_are_turned_away_without_a_captcha(client, agency_a, overrides):
    if overrides.get("shown_at") == "just-now":  # submitted the moment the form was shown
        overrides = {"shown_at": signing.dumps(time.time(), salt="lontar.ppid.request-form")}
    client.post("/ppid/permohonan/baru/", form_data(**overrides))

    assert InformationRequest.objects.count() == 0


def test_submissions_are_rate_limited_per_visitor(client, agency_a):
    from django.core.cache import cache

    cache.clear()
    statuses = [client.post("/ppid/permohonan/baru/", form_data()).status_code for _ in range(6)]

    assert statuses[:5] == [302] * 5 and statuses[5] == 429
    assert InformationRequest.objects.count() == 5


def test_tracking_needs_number_and_code_and_explains_the_due_date(client, agency_a):
    request, code = make_request(agency_a)

    wrong = client.post("/ppid/lacak/", {"number": request.number, "code": "00000000"})
    right = client.post(
        "/ppid/lacak/", {"number": request.number, "code": code.lower()}, follow=True
    )

    assert "tidak cocok" in wrong.content.decode()
    body = right.content.decode()
    assert "Terdaftar" in body and "10 hari kerja" in body
    assert NIK not in body and PHONE not in body


def test_personal_data_never_reaches_the_public_register_or_its_csv(client, agency_a):
    request, _ = make_request(agency_a)
    request.public_summary = "Formasi CPNS 2026"
    request.save()

    page = client.get("/ppid/register/").content.decode()
    csv_text = client.get("/ppid/register.csv").content.decode()

    for text in (page, csv_text):
        assert request.number in text and "Formasi CPNS 2026" in text
        for secret in (NIK, PHONE, "pemohon@contoh.id", "Jalan Flamboyan", "Maria Uji"):
            assert secret not in text


def test_register_shows_only_this_site_agency(client, agency_a, agency_b):
    own, _ = make_request(agency_a)
    other, _ = make_request(agency_b)

    body = client.get("/ppid/register/").content.decode()

    assert own.number in body and other.number not in body


def test_register_page_runs_a_constant_number_of_queries(
    client, agency_a, django_assert_max_num_queries
):
    for _ in range(12):
        make_request(agency_a)
    client.get("/ppid/register/")
    with django_assert_max_num_queries(12):
        client.get("/ppid/register/")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_submissions_get_twenty_consecutive_numbers(agency_a):
    from django.db import close_old_connections

    errors = []

    def submit():
        try:
            make_request(agency_a)
        except Exception as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=submit) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    sequences = sorted(InformationRequest.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, 21))
