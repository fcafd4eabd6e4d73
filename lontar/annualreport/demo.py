"""The demo BKD's published report on last year's information services."""

from __future__ import annotations

from lontar.annualreport import services
from lontar.annualreport.models import AnnualReport
from lontar.core.audit import Actor

NARRATIVE = {
    "facilities": (
        "Ruang layanan informasi di lantai dasar dengan meja layanan, komputer, akses internet, "
        "kursi roda dan jalur landai. Layanan daring melalui portal ini."
    ),
    "staff": (
        "PPID pelaksana dibantu tiga petugas layanan informasi (dua S1 Ilmu Komunikasi, satu "
        "D3 Kearsipan) yang telah mengikuti bimbingan teknis keterbukaan informasi."
    ),
    "budget": (
        "Anggaran layanan informasi Rp 48.500.000 untuk sosialisasi, bimbingan teknis dan "
        "pemeliharaan portal; realisasi 91,4 persen."
    ),
    "overview": (
        "Permohonan diterima melalui formulir daring, surat, surel dan loket. Setiap permohonan "
        "dicatat dalam register dan dijawab dengan pemberitahuan tertulis."
    ),
    "dispute_execution": (
        "Tanggapan Atasan PPID yang mengabulkan keberatan dilaksanakan dalam lima hari kerja."
    ),
    "obstacles_external": "Sebagian pemohon belum mengenal layanan daring.",
    "obstacles_internal": "Petugas layanan merangkap tugas administrasi kepegawaian.",
    "recommendations": (
        "Menambah satu petugas layanan, memperluas sosialisasi layanan daring ke kabupaten, "
        "dan menyusun DIP unit kerja secara berkala."
    ),
}


def load(ctx) -> None:
    agency = ctx.agencies.get("bkd")
    if agency is None:
        return
    year = agency.today().year - 1
    if AnnualReport.objects.filter(agency=agency, year=year).exists():
        return
    report = services.draft_for(agency, year)
    services.save_narrative(report, NARRATIVE, actor=Actor())
    services.publish(report, actor=Actor())
