"""The upload gate: only files that are what their name says, re-encoded, under our names."""

from __future__ import annotations

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from lontar.core.tests.files import (
    GPS_IFD,
    jpeg_bytes,
    pdf_bytes,
    png_bytes,
    png_header_only,
    png_polyglot,
)
from lontar.core.uploads import (
    IDENTITY_DOCUMENT,
    RELEASED_DOCUMENT,
    check_upload,
    clean_original_name,
)

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!doctype html><html><body><script>fetch('/x?'+document.cookie)</script></body></html>"
SERVER_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|pdf|csv|docx|xlsx|odt|ods)$")


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def rejected(name: str, content: bytes, policy=IDENTITY_DOCUMENT) -> str:
    with pytest.raises(ValidationError) as error:
        check_upload(upload(name, content), policy)
    return " ".join(error.value.messages)


def test_png_polyglot_is_accepted_only_re_encoded_without_the_script():
    checked = check_upload(upload("ktp.png", png_polyglot()), IDENTITY_DOCUMENT)

    stored = checked.read()
    assert b"<script" not in stored.lower()
    assert stored.startswith(b"\x89PNG")
    assert Image.open(io.BytesIO(stored)).size == (40, 30)


def test_svg_named_like_a_png_is_refused_in_indonesian():
    assert "tidak sesuai dengan ekstensinya" in rejected("ktp.png", SVG)


def test_html_named_like_a_pdf_is_refused():
    assert "tidak sesuai dengan ekstensinya" in rejected("surat.pdf", HTML)
    assert "tidak sesuai dengan ekstensinya" in rejected("foto.jpg", HTML)


def test_jpeg_loses_its_gps_and_camera_serial():
    original = jpeg_bytes(with_gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the control has GPS

    stored = check_upload(upload("ktp.jpg", original), IDENTITY_DOCUMENT).read()

    exif = Image.open(io.BytesIO(stored)).getexif()
    assert not exif.get_ifd(GPS_IFD) and len(exif) == 0
    assert b"SN-12345678" not in stored


def test_truncated_or_corrupt_files_are_form_errors():
    assert "rusak" in rejected("ktp.png", png_bytes()[:60])
    assert "rusak" in rejected("ktp.jpg", jpeg_bytes()[:120])
    assert "rusak" in rejected("surat.pdf", pdf_bytes()[:200])
    assert "rusak" in rejected("surat.pdf", b"%PDF-1.4 bukan pdf sungguhan")


def test_pixel_flood_is_refused_before_decoding():
    assert "40 megapiksel" in rejected("ktp.png", png_header_only(30_000, 30_000))


@pytest.mark.parametrize(
    "name", ["x.jpg.php", "x.PhP", "x.pdf.", "x.pdf ", "x.svg", "x.html", "x", "x.exe"]
)
def test_names_outside_the_allowlist_are_refused(name):
    assert "Jenis berkas tidak diterima" in rejected(name, pdf_bytes())


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.pdf",
        "..\\..\\win.ini.pdf",
        "ktp\x00.pdf",
        "surat\u202efdp.pdf",
        'a"; b\r\nX-Evil: 1.pdf',
        "A" * 1000 + ".pdf",
    ],
)
def test_stored_name_is_always_made_by_the_server(name):
    checked = check_upload(upload(name, pdf_bytes()), IDENTITY_DOCUMENT)

    assert SERVER_NAME.match(checked.name)
    assert "/" not in checked.original_name and "\\" not in checked.original_name
    assert not any(ch in checked.original_name for ch in "\x00\u202e\r\n")
    assert len(checked.original_name) <= 150


def test_size_limit_counts_bytes_not_the_declared_size():
    big = pdf_bytes() + b"\n%" + b"x" * (5 * 1024 * 1024)
    assert "paling besar 5 MB" in rejected("surat.pdf", big)


def test_released_documents_allow_office_files_and_csv_but_not_disguised_html():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    docx = buffer.getvalue()

    assert check_upload(upload("rekap.docx", docx), RELEASED_DOCUMENT).kind == "docx"
    assert check_upload(upload("data.csv", b"jabatan,jumlah\nanalis,3\n"), RELEASED_DOCUMENT)
    assert "tidak sesuai" in rejected("rekap.xlsx", docx, RELEASED_DOCUMENT)
    assert "tidak sesuai" in rejected("data.csv", HTML, RELEASED_DOCUMENT)
    assert "Jenis berkas tidak diterima" in rejected("rekap.docx", docx)  # not for citizens


def test_clean_original_name_keeps_a_readable_title():
    assert clean_original_name("C:\\Users\\ani\\KTP Ani.jpg") == "KTP Ani.jpg"
    assert clean_original_name("../../") == "berkas"
