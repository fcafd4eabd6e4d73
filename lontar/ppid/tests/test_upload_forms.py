"""The request form, the officers' intake and released documents all go through one upload
gate: malicious files are refused beside the field (never a 500), images are re-encoded, and
stored names are made by the server."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from lontar.core.tests.files import GPS_IFD, jpeg_bytes, pdf_bytes, png_bytes, png_polyglot
from lontar.ppid.models import InformationRequest
from lontar.ppid.states import Decision
from lontar.ppid.tests.helpers import form_data, make_request
from lontar.ppid.tests.test_admin import _intake_data

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
HTML = b"<html><body><script>alert(document.domain)</script></body></html>"
STORED = re.compile(r"^ppid/(identitas|kuasa|dokumen)/[0-9a-f]{32}\.(jpg|png|pdf|csv)$")


def submit(client, **files):
    return client.post("/ppid/permohonan/baru/", {**form_data(), **files})


def _stored_bytes(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def test_polyglot_png_is_stored_re_encoded_without_the_script(client, agency_a):
    response = submit(client, identity_scan=SimpleUploadedFile("ktp.png", png_polyglot()))

    assert response.status_code == 302
    stored = InformationRequest.objects.get().identity_scan
    assert STORED.match(stored.name)
    assert b"<script" not in _stored_bytes(stored).lower()


@pytest.mark.parametrize(
    ("field", "name", "content"),
    [
        ("identity_scan", "ktp.png", SVG),
        ("proxy_letter", "surat.pdf", HTML),
        ("identity_scan", "ktp.png", png_bytes()[:70]),  # truncated
        ("identity_scan", "x.jpg.php", jpeg_bytes()),
    ],
)
def test_bad_files_are_refused_beside_the_field_and_nothing_is_stored(
    client, agency_a, field, name, content
):
    extra = {"is_proxy": "on"} if field == "proxy_letter" else {}
    response = submit(client, **{field: SimpleUploadedFile(name, content)}, **extra)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and (
        "sesuai" in str(errors) or "rusak" in str(errors) or "Jenis berkas" in str(errors)
    )
    assert "Jalan Flamboyan 3" in response.content.decode()  # nothing typed is lost
    assert InformationRequest.objects.count() == 0


def test_photo_is_stored_without_gps(client, agency_a):
    response = submit(
        client, identity_scan=SimpleUploadedFile("ktp.jpg", jpeg_bytes(with_gps=True))
    )

    assert response.status_code == 302
    stored = _stored_bytes(InformationRequest.objects.get().identity_scan)
    exif = Image.open(io.BytesIO(stored)).getexif()
    assert not exif.get_ifd(GPS_IFD) and b"SN-12345678" not in stored


@pytest.mark.parametrize("name", ["../../etc/passwd.pdf", "ktp\x00.pdf", "..%2f..%2fx.pdf"])
def test_stored_name_is_made_by_the_server_whatever_the_given_name(client, agency_a, name):
    response = submit(client, identity_scan=SimpleUploadedFile(name, pdf_bytes()))

    assert response.status_code == 302
    assert STORED.match(InformationRequest.objects.get().identity_scan.name)


@pytest.fixture
def officer_client(client, ppid_officer_a):
    client.force_login(ppid_officer_a)
    return client


def test_intake_refuses_a_disguised_scan(officer_client, agency_a):
    response = officer_client.post(
        reverse("ppid_admin_intake"),
        {**_intake_data(), "identity_scan": SimpleUploadedFile("ktp.png", SVG)},
    )

    assert response.status_code in (200, 400)
    assert "identity_scan" in response.context["form"].errors
    assert InformationRequest.objects.count() == 0


def test_intake_stores_a_real_scan_under_a_server_name(officer_client, agency_a):
    officer_client.post(
        reverse("ppid_admin_intake"),
        {**_intake_data(), "identity_scan": SimpleUploadedFile("scan KTP.jpg", jpeg_bytes())},
    )

    assert STORED.match(InformationRequest.objects.get().identity_scan.name)


def test_released_documents_are_checked_and_keep_their_name_only_as_title(officer_client, agency_a):
    request, _ = make_request(agency_a)
    url = reverse("ppid_admin_answer", args=[request.pk])
    data = {"answer-decision": Decision.GRANTED, "answer-material_given": "Rekap formasi."}

    refused = officer_client.post(
        url, {**data, "answer-documents": [SimpleUploadedFile("rekap.pdf", HTML)]}
    )
    assert refused.status_code in (200, 400)
    assert "rekap.pdf" in str(refused.context["answer_form"].errors["documents"])
    assert not request.documents.exists()

    officer_client.post(
        url,
        {
            **data,
            "answer-documents": [SimpleUploadedFile("../Rekap Formasi.pdf", pdf_bytes("Rekap"))],
        },
    )
    document = request.documents.get()
    assert document.title == "Rekap Formasi.pdf"
    assert STORED.match(document.file.name)
