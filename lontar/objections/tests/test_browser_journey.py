"""Issue 16's journey in a real browser: a refused request → an objection filed by the citizen →
the Atasan PPID upholds the refusal in the admin → the tracking page tells the citizen how and
by when to go to the Komisi Informasi and hands over the dossier; then the DIP, the DIK and the
statistics pages as a visitor reads them."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import pytest
from pypdf import PdfReader

from lontar.accounts.tests.helpers import browser_sign_in
from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import staff_member
from lontar.infolist.models import ExemptInfo, InfoItem
from lontar.objections import clock
from lontar.objections.models import Objection
from lontar.objections.states import Status
from lontar.objections.tests.helpers import refused_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-123"  # UserFactory's


def citizen_files_an_objection(page, request, code) -> tuple[Objection, str]:
    page.goto("/ppid/keberatan/baru/")
    page.get_by_label("Nomor pendaftaran permohonan").fill(request.number)
    page.get_by_label("Kode lacak permohonan").fill(code)
    page.get_by_label(re.compile("Penolakan berdasarkan alasan pengecualian")).check()
    page.get_by_label("Kasus posisi").fill(
        "Rekap formasi tidak memuat rahasia pribadi; penolakan tidak berdasar."
    )
    page.get_by_label("Nama lengkap pengaju keberatan").fill("Maria Uji Pemohon")
    page.get_by_label("Alamat").fill("Jalan Flamboyan 3, Kota Uji")
    page.get_by_label("Nomor telepon/HP").fill("081234567890")
    page.wait_for_timeout(3100)  # a person takes longer than the anti-bot minimum
    page.get_by_role("button", name="Kirim keberatan").click()
    page.wait_for_url("**/ppid/keberatan/terkirim/")
    objection = Objection.objects.get(information_request=request)
    assert objection.number in page.locator("#nomor-keberatan").inner_text()
    return objection, page.locator("#kode-lacak").inner_text().strip()


def atasan_upholds_the_refusal(page, atasan, objection) -> None:
    browser_sign_in(page, atasan.username, PASSWORD)
    page.goto("/admin/ppid/keberatan/")
    page.get_by_role("link", name=objection.number).click()
    form = page.locator("form[data-action=answer]")
    form.get_by_label("Menguatkan keputusan PPID (keberatan ditolak)").check()
    form.get_by_label("Tanggapan tertulis dan pertimbangannya").fill(
        "Rekap memuat nama peserta; penolakan berdasarkan Pasal 17 huruf h dikuatkan."
    )
    form.get_by_label("Nama Atasan PPID").fill("Budi Santoso")
    form.get_by_label("Jabatan Atasan PPID").fill("Sekretaris Daerah")
    form.get_by_role("button", name="Simpan tanggapan").click()
    page.get_by_text("Tanggapan Atasan PPID disimpan.").first.wait_for()
    assert page.locator("form[data-action=answer]").count() == 0  # answered once only


def test_refused_request_to_objection_to_dispute_guidance_and_dossier(
    agency_a, browser_page, _chromium, live_server
):
    officer = staff_member(agency_a, Role.PPID_OFFICER, username="petugas-ppid")
    atasan = staff_member(agency_a, Role.PPID_SUPERIOR, username="atasan-ppid")
    request, code = refused_request(agency_a, officer, received_at=agency_a.now())
    citizen = browser_page

    objection, objection_code = citizen_files_an_objection(citizen, request, code)
    assert objection.answer_due == clock.deadlines_for(agency_a, objection.received_at).answer_due

    atasan_context = _chromium.new_context(base_url=live_server.url)
    atasan_upholds_the_refusal(atasan_context.new_page(), atasan, objection)
    atasan_context.close()
    objection.refresh_from_db()
    assert objection.status == Status.ANSWERED and objection.outcome == "menguatkan"

    citizen.goto("/ppid/keberatan/lacak/")
    citizen.get_by_label("Nomor keberatan").fill(objection.number)
    citizen.get_by_label("Kode lacak").fill(objection_code)
    citizen.get_by_role("button", name="Lacak").click()
    citizen.wait_for_url("**/ppid/keberatan/lacak/rincian/")
    guidance = citizen.locator("#panduan-sengketa").inner_text()
    window = clock.dispute_for(objection)
    assert window is not None
    assert "Komisi Informasi" in guidance and "14 hari kerja" in guidance
    assert str(window.due.day) in guidance and str(window.due.year) in guidance
    with citizen.expect_download() as download:
        citizen.get_by_role("link", name="Unduh berkas sengketa (ZIP)").click()
    with open(download.value.path(), "rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    assert "pemberitahuan-tertulis.pdf" in archive.namelist()
    dossier = "".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(archive.read("berkas-sengketa.pdf"))).pages
    )
    assert request.number in dossier and objection.number in dossier
    assert "Budi Santoso" in dossier and "Kronologi" in dossier

    register = citizen.request.get("/ppid/keberatan/register/").text()
    assert objection.number in register and "Maria" not in register


def test_a_visitor_reads_the_dip_the_dik_and_the_statistics(agency_a, browser_page):
    InfoItem.objects.create(
        agency=agency_a,
        summary="Laporan realisasi anggaran 2025",
        holder="Subbagian Keuangan",
        responsible="Sekretaris",
        made_when_where="Januari 2026, Kupang",
        retention="10 tahun",
        category="berkala",
        last_updated=date(2026, 1, 15),
    )
    ExemptInfo.objects.create(
        agency=agency_a,
        description="Berkas pemeriksaan disiplin pegawai",
        ground="h",
        consequence_analysis="Membuka berkas merugikan pegawai yang diperiksa.",
        duration_note="Selama pegawai masih hidup",
        decided_by="Sekretaris Daerah",
        decision_number="800/12/DIK/2026",
        decided_on=date(2026, 2, 1),
    )
    page = browser_page
    page.goto("/ppid/dip/")
    page.get_by_label("Kategori").select_option("berkala")
    page.get_by_role("button", name="Tampilkan").click()
    assert "Laporan realisasi anggaran 2025" in page.locator("table[data-dip]").inner_text()
    with page.expect_download() as xlsx:
        page.get_by_role("link", name="Unduh XLSX").click()
    assert xlsx.value.suggested_filename.endswith(".xlsx")
    page.get_by_role("link", name="Daftar Informasi yang Dikecualikan").click()
    assert "800/12/DIK/2026" in page.locator("[data-dik]").inner_text()
    page.goto("/ppid/statistik/")
    assert page.locator("svg").count() >= 5
    assert page.locator('[data-figure="total"]').inner_text() == "0"
