"""A citizen files a request in a real browser, fixes a wrong NIK, and tracks the request."""

from __future__ import annotations

import io
import logging
import re

import pytest

from lontar.ppid.models import InformationRequest
from lontar.ppid.tests.helpers import NIK, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def console_log():
    """What the configured console handler writes, i.e. what an operator's logs would hold."""
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler)
                and any(type(f).__name__ == "PersonalDataFilter" for f in h.filters)]
    assert handlers, "the personal-data filtered console handler is not configured"
    buffer = io.StringIO()
    old_streams = [handler.setStream(buffer) for handler in handlers]
    yield buffer
    for handler, stream in zip(handlers, old_streams, strict=True):
        handler.setStream(stream)


def test_citizen_corrects_a_wrong_nik_gets_a_number_and_tracks_the_request(
    agency_a, browser_page, console_log
):
    page = browser_page
    page.goto("/ppid/")
    page.get_by_role("link", name="Ajukan permohonan informasi").click()

    page.get_by_label("Nama lengkap").fill("Maria Uji Pemohon")
    page.get_by_label("NIK (sesuai KTP)").fill("5371 0441 0790")  # 12 digits: one group short
    page.get_by_label("Alamat").fill("Jalan Flamboyan 3, Kota Uji")
    page.get_by_label("Nomor telepon/HP").fill(PHONE)
    page.get_by_label("Rincian informasi yang diminta").fill("Rekap formasi CPNS 2026")
    page.get_by_label("Tujuan penggunaan informasi").fill("Bahan liputan")
    page.get_by_label("Salinan elektronik (softcopy)").check()
    page.get_by_label("Surel", exact=True).last.check()
    page.get_by_label(re.compile("Saya menyetujui pemrosesan")).check()
    page.wait_for_timeout(3100)  # a person takes longer than the anti-bot minimum
    page.get_by_role("button", name="Kirim permohonan").click()

    error = page.locator("#id_nik-error")
    assert "NIK harus 16 angka" in error.inner_text()
    assert page.get_by_label("Rincian informasi yang diminta").input_value() == (
        "Rekap formasi CPNS 2026"
    )
    page.get_by_label("NIK (sesuai KTP)").fill(NIK)
    page.get_by_role("button", name="Kirim permohonan").click()

    page.wait_for_url("**/ppid/permohonan/terkirim/")
    stored = InformationRequest.objects.get(name="Maria Uji Pemohon")
    assert stored.number in page.content()
    code = page.locator("#kode-lacak").inner_text()

    page.goto("/ppid/lacak/")
    page.get_by_label("Nomor pendaftaran").fill(stored.number)
    page.get_by_label("Kode lacak").fill(code)
    page.get_by_role("button", name="Lacak").click()
    page.wait_for_url("**/ppid/lacak/permohonan/")
    explanation = page.locator(".due-explanation").inner_text()
    assert "10 hari kerja" in explanation and "tidak dihitung" in explanation

    for path in ("/", "/ppid/register/", "/ppid/register.csv"):
        text = page.request.get(path).text()
        assert NIK not in text and PHONE not in text
    assert stored.number in page.request.get("/ppid/register/").text()
    logged = console_log.getvalue()
    assert stored.number in logged  # the log did record the request …
    assert NIK not in logged and PHONE not in logged  # … without the personal data
