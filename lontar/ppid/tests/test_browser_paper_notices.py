"""Issue 21's journey in a real browser: a requester without e-mail brings a letter to the
desk; the officer records it (the privacy notice agreed to on paper), extends it with reasons
and answers it with a cost. Each notice is printed from the PDF stored when it was decided and
recorded as handed over; the requester, tracking with the code, sees every notice delivered."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from lontar.accounts.tests.helpers import browser_sign_in
from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import staff_member
from lontar.ppid.models import InformationRequest
from lontar.ppid.privacy_services import privacy_notice_for
from lontar.ppid.tests.helpers import NIK

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-123"  # UserFactory's


def _pdf_text(path) -> str:
    with open(path, "rb") as handle:
        pages = PdfReader(io.BytesIO(handle.read())).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def print_and_hand_over(page, kind_label: str, request) -> str:
    """Download the stored notice (to print it) and record that it was handed over."""
    item = page.locator("[data-notices] li", has_text=kind_label)
    with page.expect_download() as printed:
        item.locator("[data-print]").click()
    text = _pdf_text(printed.value.path())
    assert request.number in text
    item.get_by_label("Catatan (nomor resi, diterima oleh, dsb.)").fill("Diambil sendiri")
    item.get_by_role("button", name="Catat sudah disampaikan").click()
    page.get_by_text("Penyampaian surat dicatat.").first.wait_for()
    return text


def test_a_letter_at_the_desk_gets_its_extension_and_answer_on_paper(
    agency_a, browser_page, _chromium, live_server
):
    officer = staff_member(agency_a, Role.PPID_OFFICER, username="petugas-meja")
    page = browser_page
    browser_sign_in(page, officer.username, PASSWORD)

    # The letter is recorded at the desk, with the privacy notice given on paper.
    page.goto("/admin/ppid/permohonan/baru/")
    shown_notice = page.locator("#ppid-privacy-notice").locator("..").inner_text()
    page.get_by_label("Diterima melalui").select_option("surat")
    page.get_by_label("Tanggal diterima").fill(agency_a.today().isoformat())
    page.get_by_label("Jam diterima").fill("00:05")
    page.get_by_label("Nama lengkap").fill("Yohanes Pemohon Surat")
    page.get_by_label("NIK", exact=True).fill(NIK)
    page.get_by_label("Alamat").fill("Jalan Kenari 5, Kota Uji")
    page.get_by_label("Telepon").fill("081298765432")
    page.get_by_label("Rincian informasi yang diminta").fill("Daftar sekolah penerima DAK 2026")
    page.get_by_label("Tujuan penggunaan informasi").fill("Pengawasan anggaran pendidikan")
    page.get_by_label("Cara memperoleh informasi").select_option("salinan_cetak")
    page.get_by_label("Cara mendapatkan salinan").select_option("ambil")
    page.get_by_label("Tanda terima dan pemberitahuan disampaikan melalui").select_option("meja")
    page.get_by_label(re.compile("Pemberitahuan privasi di atas telah diberikan")).check()
    page.get_by_role("button", name="Catat permohonan").click()
    page.wait_for_url("**/tercatat/")
    code = page.locator("[data-tracking-code]").inner_text().strip()
    request = InformationRequest.objects.get(name="Yohanes Pemohon Surat")
    assert request.consent_text == privacy_notice_for(agency_a)
    assert request.consent_text.split("\n\n")[0] in shown_notice

    page.goto(f"/admin/ppid/permohonan/{request.pk}/")
    print_and_hand_over(page, "Tanda bukti penerimaan", request)

    extend = page.locator("form[data-action=extend]")
    extend.get_by_label("Alasan perpanjangan").fill(
        "Data penerima tersebar di tiga bidang dan perlu dihimpun terlebih dahulu."
    )
    extend.get_by_role("button", name="Perpanjang").click()
    page.get_by_text("Jangka waktu permohonan diperpanjang.").first.wait_for()
    extension = print_and_hand_over(page, "perpanjangan", request)
    assert "tiga bidang" in extension

    answer = page.locator("form[data-action=answer]")
    answer.get_by_label("Diberikan seluruhnya").check()
    answer.get_by_label("Materi informasi yang diberikan").fill("Daftar sekolah penerima DAK.")
    answer.get_by_label("Biaya (Rp)").fill("4000")
    answer.get_by_text("Periksa sebelum mengirim").click()  # the confirmation step
    answer.get_by_role("button", name="Simpan jawaban dan kirim pemberitahuan").click()
    # A cost without how and where to pay is sent back beside the field.
    page.get_by_text("sebutkan cara dan tempat pembayaran").first.wait_for()
    answer = page.locator("form[data-action=answer]")
    answer.get_by_label("Cara dan tempat pembayaran").fill("Tunai di loket PPID, lantai 1")
    answer.get_by_text("Periksa sebelum mengirim").click()  # the confirmation step
    answer.get_by_role("button", name="Simpan jawaban dan kirim pemberitahuan").click()
    page.get_by_text("Pemberitahuan tertulis dibuat").first.wait_for()
    answered = print_and_hand_over(page, "Pemberitahuan tertulis", request)
    assert "Rp4.000" in answered and "Tunai di loket PPID, lantai 1" in answered

    notices = list(request.notices.order_by("sequence"))
    assert [n.kind for n in notices] == ["tanda_terima", "perpanjangan", "jawaban"]
    assert all(n.channel == "meja" and n.delivered_by == officer for n in notices)
    assert request.events.filter(kind="notice_delivered").count() == 3

    # The requester tracks the request and sees every notice and its delivery.
    citizen = _chromium.new_context(base_url=live_server.url).new_page()
    citizen.goto("/ppid/lacak/")
    citizen.get_by_label("Nomor pendaftaran").fill(request.number)
    citizen.get_by_label("Kode lacak").fill(code)
    citizen.get_by_role("button", name="Lacak").click()
    citizen.wait_for_url("**/ppid/lacak/permohonan/")
    listed = citizen.locator("ul.notices").inner_text()
    for notice in notices:
        assert notice.number in listed
    assert listed.count("disampaikan") == 3 and "belum" not in listed
