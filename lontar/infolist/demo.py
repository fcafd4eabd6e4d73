"""Demo maklumat pelayanan and SOP for the BKD, with their audio versions."""

from __future__ import annotations

from lontar.infolist.jobs import record_audio
from lontar.infolist.models import ServiceStandard

COMMON = {
    "legal_basis": (
        "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik; Peraturan "
        "Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik."
    ),
    "completion_time": (
        "Pemberitahuan tertulis paling lambat 10 hari kerja sejak permohonan diterima, dan "
        "dapat diperpanjang paling lama 7 hari kerja dengan pemberitahuan."
    ),
    "fees": (
        "Melihat dan membaca informasi tidak dipungut biaya. Salinan dikenakan biaya "
        "penggandaan sesuai standar biaya yang ditetapkan pimpinan."
    ),
    "guarantee": (
        "Informasi yang diberikan akurat dan dapat dipertanggungjawabkan; pemohon yang tidak "
        "puas dapat mengajukan keberatan kepada Atasan PPID."
    ),
    "evaluation": (
        "Survei kepuasan masyarakat setiap semester; hasilnya dan laporan layanan informasi "
        "diumumkan di laman PPID."
    ),
}


def load(ctx) -> None:
    agency = ctx.agencies.get("bkd")
    if agency is None or ServiceStandard.objects.filter(agency=agency).exists():
        return
    made = [
        ServiceStandard.objects.create(
            agency=agency,
            kind=ServiceStandard.Kind.PLEDGE,
            title="Maklumat Pelayanan Informasi Publik",
            statement=(
                "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan informasi publik "
                "sesuai standar pelayanan yang telah ditetapkan."
            ),
            procedure=(
                "Pemohon mengajukan permohonan secara langsung, melalui surat, surel, atau laman "
                "PPID; petugas mencatat dan memberi nomor pendaftaran; PPID menyampaikan "
                "pemberitahuan tertulis."
            ),
            is_published=True,
            **COMMON,
        ),
        ServiceStandard.objects.create(
            agency=agency,
            kind=ServiceStandard.Kind.SOP,
            title="SOP Pelayanan Permohonan Informasi Publik",
            procedure=(
                "1. Pemohon mengisi formulir permohonan. 2. Petugas memeriksa kelengkapan dan "
                "memberi tanda terima. 3. PPID meneruskan permohonan ke unit pengolah. 4. Unit "
                "menyiapkan informasi. 5. PPID menyampaikan pemberitahuan tertulis dan informasi."
            ),
            is_published=True,
            **COMMON,
        ),
    ]
    for standard in made:
        record_audio(standard)
