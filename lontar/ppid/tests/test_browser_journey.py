"""Issue 4's journey in a real browser, citizen and officer each in their own session:
a citizen files a request (a wrong NIK first, then corrected) and gets a number; an officer
assigns it, extends it with reasons, answers with a partial grant and a document; the citizen
tracks it, reads how the due date was reached, and downloads the notice and the document.
NIK and phone never appear on a public page or in a log line on the way."""

from __future__ import annotations

import io
import logging
import re

import pytest

from lontar.accounts.tests.helpers import browser_sign_in
from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import UnitFactory, staff_member
from lontar.core.tests.files import pdf_bytes
from lontar.ppid.models import InformationRequest
from lontar.ppid.states import Decision, Status
from lontar.ppid.tests.helpers import NIK, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-123"  # UserFactory's


@pytest.fixture
def console_log():
    """What the configured console handler writes, i.e. what an operator's logs would hold."""
    handlers = [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.StreamHandler)
        and any(type(f).__name__ == "PersonalDataFilter" for f in h.filters)
    ]
    assert handlers, "the personal-data filtered console handler is not configured"
    buffer = io.StringIO()
    old_streams = [handler.setStream(buffer) for handler in handlers]
    yield buffer
    for handler, stream in zip(handlers, old_streams, strict=True):
        handler.setStream(stream)


def citizen_files_a_request(page) -> tuple[InformationRequest, str]:
    page.goto("/ppid/")
    page.get_by_role("link", name="Ajukan permohonan informasi").click()
    page.get_by_label("Nama lengkap").fill("Maria Uji Pemohon")
    page.get_by_label("NIK (sesuai KTP)").fill("5371 0441 0790")  # one group short
    page.get_by_label("Alamat").fill("Jalan Flamboyan 3, Kota Uji")
    page.get_by_label("Nomor telepon/HP").fill(PHONE)
    page.get_by_label("Rincian informasi yang diminta").fill("Rekap formasi CPNS 2026")
    page.get_by_label("Tujuan penggunaan informasi").fill("Bahan liputan")
    page.get_by_label("Salinan elektronik (softcopy)").check()
    page.get_by_label("Surel", exact=True).last.check()
    page.get_by_label(re.compile("Saya menyetujui pemrosesan")).check()
    page.wait_for_timeout(3100)  # a person takes longer than the anti-bot minimum
    page.get_by_role("button", name="Kirim permohonan").click()

    assert "NIK harus 16 angka" in page.locator("#id_nik_error").inner_text()
    assert page.get_by_label("Rincian informasi yang diminta").input_value() == (
        "Rekap formasi CPNS 2026"
    )
    page.get_by_label("NIK (sesuai KTP)").fill(NIK)
    page.get_by_role("button", name="Kirim permohonan").click()
    page.wait_for_url("**/ppid/permohonan/terkirim/")
    stored = InformationRequest.objects.get(name="Maria Uji Pemohon")
    assert stored.number in page.content()
    return stored, page.locator("#kode-lacak").inner_text()


def officer_handles_it(page, officer, unit, request, document_path) -> None:
    # A PPID officer enrols an authenticator at the first sign-in (lontar/accounts).
    browser_sign_in(page, officer.username, PASSWORD)
    page.goto("/admin/ppid/permohonan/")
    page.get_by_role("link", name=request.number).click()
    page.wait_for_url(f"**/admin/ppid/permohonan/{request.pk}/")
    assert NIK not in page.content()  # masked until the officer asks, and that is logged

    assign = page.locator("form[data-action=assign]")
    assign.get_by_label("Unit pengolah (PPID Pelaksana)").select_option(str(unit.pk))
    assign.get_by_label("Catatan disposisi").fill("Mohon siapkan rekap formasi per jabatan.")
    assign.get_by_role("button", name="Teruskan ke unit").click()
    page.get_by_text("Permohonan diteruskan ke unit pengolah.").first.wait_for()

    extend = page.locator("form[data-action=extend]")
    extend.get_by_label("Alasan perpanjangan").fill(
        "Data formasi tersebar di tiga bidang dan perlu dihimpun terlebih dahulu."
    )
    extend.get_by_role("button", name="Perpanjang").click()
    page.get_by_text("Jangka waktu permohonan diperpanjang.").first.wait_for()

    answer = page.locator("form[data-action=answer]")
    answer.get_by_label("Diberikan sebagian").check()
    answer.get_by_label("Materi informasi yang diberikan").fill("Rekap formasi CPNS 2026.")
    answer.get_by_label(re.compile("Pasal 17 huruf h")).check()
    answer.get_by_label("Uji konsekuensi").fill(
        "Nama peserta adalah data pribadi; membukanya merugikan peserta lebih dari manfaatnya."
    )
    answer.get_by_label("Bagian yang dihitamkan dan alasannya").fill("Nama peserta dihitamkan.")
    answer.get_by_label("Dokumen yang diberikan").set_input_files(str(document_path))
    # The confirmation step: the send button shows only once the officer opens it.
    send = answer.get_by_role("button", name="Simpan jawaban dan kirim pemberitahuan")
    assert not send.is_visible()
    answer.get_by_text("Periksa sebelum mengirim…").click()
    send.click()
    page.get_by_text("Pemberitahuan tertulis dibuat").first.wait_for()


def test_citizen_and_officer_take_a_request_from_filing_to_documents(
    agency_a, browser_page, _chromium, live_server, console_log, tmp_path
):
    officer = staff_member(agency_a, Role.PPID_OFFICER, username="petugas-ppid")
    unit = UnitFactory(agency=agency_a, name="Bidang Pengadaan Pegawai")
    document = tmp_path / "rekap-formasi.pdf"
    document.write_bytes(pdf_bytes("rekap formasi tanpa nama peserta"))
    citizen = browser_page

    request, code = citizen_files_a_request(citizen)

    officer_context = _chromium.new_context(base_url=live_server.url)
    officer_handles_it(officer_context.new_page(), officer, unit, request, document)
    officer_context.close()
    request.refresh_from_db()
    assert request.status == Status.ANSWERED and request.decision == Decision.PARTLY
    assert [e.kind for e in request.events.all()] == [
        "registered",
        "assigned",
        "extended",
        "answered",
    ]
    assert all(e.actor == officer for e in request.events.exclude(kind="registered"))

    citizen.goto("/ppid/lacak/")
    citizen.get_by_label("Nomor pendaftaran").fill(request.number)
    citizen.get_by_label("Kode lacak").fill(code)
    citizen.get_by_role("button", name="Lacak").click()
    citizen.wait_for_url("**/ppid/lacak/permohonan/")
    assert "Diberikan sebagian" in citizen.content()
    explanation = citizen.locator(".due-explanation").inner_text()
    assert "17 hari kerja" in explanation and "tidak dihitung" in explanation
    with citizen.expect_download() as notice:
        citizen.get_by_role("link", name="Pemberitahuan tertulis (PDF)").click()
    with open(notice.value.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"
    with citizen.expect_download() as released:
        citizen.get_by_role("link", name="rekap-formasi.pdf").click()
    with open(released.value.path(), "rb") as handle:
        assert b"rekap formasi tanpa nama peserta" in handle.read()

    for path in ("/", "/ppid/register/", "/ppid/register.csv", "/ppid/lacak/permohonan/"):
        text = citizen.request.get(path).text()
        assert NIK not in text and PHONE not in text
    logged = console_log.getvalue()
    assert request.number in logged  # the log did record the request …
    assert NIK not in logged and PHONE not in logged  # … without the personal data
