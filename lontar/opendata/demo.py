"""Demo catalogue: civil-servant counts of the (fictional) province as an uploaded CSV, the
live datasets generated from the BKD's own records, one dataset shared with partners, and a
"Data" menu item. Idempotent: records are found by slug; the CSV is written once."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from lontar.demo.loader import DemoContext, add_menu_item
from lontar.opendata import tabular
from lontar.opendata.models import Dataset, Group, PartnerAgreement, Resource, Variable

REGENCIES = [
    "Kota Batu Karang",
    "Kabupaten Watu Bela",
    "Kabupaten Lembah Lontar",
    "Kabupaten Pulau Sawu Barat",
    "Kabupaten Tanjung Cendana",
    "Kabupaten Gunung Mutis Raya",
]
RANKS = ["I", "II", "III", "IV"]
EDUCATION = ["SMA/sederajat", "D3", "S1/D4", "S2", "S3"]
SEXES = ["L", "P"]
AGE_BANDS = ["<30", "30-39", "40-49", "50-58", ">58"]
# Rough weights so the numbers look plausible (most ASN are golongan III with a degree).
RANK_WEIGHT = {"I": 0.05, "II": 0.8, "III": 2.2, "IV": 0.9}
EDUCATION_WEIGHT = {"SMA/sederajat": 0.9, "D3": 0.6, "S1/D4": 2.4, "S2": 0.8, "S3": 0.05}
AGE_WEIGHT = {"<30": 0.6, "30-39": 1.2, "40-49": 1.3, "50-58": 1.0, ">58": 0.1}

VARIABLES = [
    ("kabupaten_kota", "Kabupaten/kota tempat instansi pegawai", "", "text"),
    ("golongan", "Golongan ruang PNS (I–IV)", "", "text"),
    ("pendidikan", "Pendidikan tertinggi yang diakui", "", "text"),
    ("jenis_kelamin", "L = laki-laki, P = perempuan", "", "text"),
    ("kelompok_umur", "Kelompok umur pada 31 Desember", "tahun", "text"),
    ("jumlah", "Banyaknya pegawai negeri sipil", "orang", "int"),
]


def civil_servant_csv() -> str:
    rng = random.Random("asn-nusa-cendana-2025")
    columns = [name for name, *_ in VARIABLES]
    rows = []
    for regency in REGENCIES:
        size = 3.0 if regency.startswith("Kota") else rng.uniform(1.0, 2.0)
        for rank in RANKS:
            for education in EDUCATION:
                if rank in ("I", "II") and education in ("S2", "S3"):
                    continue
                for sex in SEXES:
                    for age in AGE_BANDS:
                        weight = RANK_WEIGHT[rank] * EDUCATION_WEIGHT[education] * AGE_WEIGHT[age]
                        count = round(size * weight * rng.uniform(6, 14))
                        rows.append([regency, rank, education, sex, age, count])
    return tabular.to_csv(tabular.from_records(columns, rows))


def formation_csv() -> str:
    rng = random.Random("formasi-nusa-cendana-2025")
    units = ["Sekretariat", "Bidang Mutasi", "Bidang Pengembangan Kompetensi", "UPT Assessment"]
    positions = ["Analis Kepegawaian", "Pranata Komputer", "Arsiparis", "Pengelola Data"]
    rows = []
    for unit in units:
        for position in positions:
            needed = rng.randint(1, 6)
            rows.append([unit, position, needed, rng.randint(0, needed)])
    columns = ["unit_kerja", "jabatan", "kebutuhan", "lowong"]
    return tabular.to_csv(tabular.from_records(columns, rows))


def _dataset(agency, slug: str, **fields) -> Dataset:
    dataset, _ = Dataset.objects.get_or_create(slug=slug, defaults={"agency": agency, **fields})
    return dataset


def _group(name: str, title: str) -> Group:
    return Group.objects.get_or_create(name=name, defaults={"title": title})[0]


def load(ctx: DemoContext) -> None:
    agency = ctx.agencies["bkd"]
    staffing = _group("kepegawaian", "Kepegawaian")
    services = _group("layanan-publik", "Layanan publik")
    contact = {"contact_name": "Sub-bagian Data dan Informasi", "contact_email": agency.email}
    asn = _dataset(
        agency,
        "asn-nusa-cendana-2025",
        title="Jumlah PNS Provinsi Nusa Cendana menurut golongan, pendidikan, jenis kelamin, "
        "kelompok umur dan kabupaten/kota, 2025",
        description="Rekapitulasi jumlah pegawai negeri sipil daerah per 31 Desember 2025 "
        "dari sistem informasi kepegawaian. Angka fiktif untuk demo.",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        frequency=Dataset.Frequency.YEARLY,
        tags="ASN, kepegawaian, PNS",
        **contact,
    )
    asn.groups.add(staffing)
    if not asn.variables.exists():
        for order, (name, definition, unit, kind) in enumerate(VARIABLES):
            Variable.objects.create(
                dataset=asn,
                name=name,
                definition=definition,
                unit_of_measure=unit,
                data_type=kind,
                sort_order=order,
            )
    if not asn.resources.exists():
        resource = Resource(dataset=asn, name="Jumlah PNS 2025 (CSV)", format="CSV")
        resource.file.save("asn-nusa-cendana-2025.csv", ContentFile(civil_servant_csv().encode()))
    live = [
        (
            "ppid-statistik",
            "Statistik permohonan informasi publik BKD",
            services,
            "Jumlah permohonan informasi per tahun, status dan keputusan. Tanpa data pribadi.",
        ),
        (
            "ppid-register",
            "Register permohonan informasi publik BKD",
            services,
            "Register permohonan: nomor, tanggal, ringkasan, status dan keputusan. Tanpa data "
            "pribadi pemohon.",
        ),
        (
            "skm-hasil",
            "Hasil Survei Kepuasan Masyarakat BKD",
            services,
            "Indeks kepuasan masyarakat per unit layanan dan periode yang telah diterbitkan.",
        ),
        (
            "regulasi",
            "Daftar regulasi BKD",
            staffing,
            "Peraturan dan keputusan yang diterbitkan di JDIH BKD.",
        ),
    ]
    for key, title, group, description in live:
        dataset = _dataset(
            agency,
            f"{agency.slug}-{key}",
            title=title,
            description=description,
            frequency=Dataset.Frequency.CONTINUOUS,
            tags="langsung",
            **contact,
        )
        dataset.groups.add(group)
        Resource.objects.get_or_create(dataset=dataset, generator=key, defaults={"name": title})
    shared = _dataset(
        agency,
        f"{agency.slug}-formasi-rinci",
        title="Formasi dan jabatan lowong per unit kerja",
        description="Rincian formasi per unit kerja untuk perencanaan kebutuhan pegawai; "
        "hanya untuk mitra dengan perjanjian berbagi pakai data.",
        visibility=Dataset.Visibility.PARTNERS,
        license="terbatas",
        tags="ASN, formasi",
        **contact,
    )
    if not shared.resources.exists():
        # Stored like every upload: in private storage under a random name, so the demo
        # shows that a partner-only file is reachable with the partner's key and nothing else.
        resource = Resource(dataset=shared, name="Formasi rinci 2025 (CSV)", format="CSV")
        resource.file.save("formasi-rinci-2025.csv", ContentFile(formation_csv().encode()))
    today = timezone.localdate()
    agreement, created = PartnerAgreement.objects.get_or_create(
        agency=agency,
        partner_name="Bappeda Kabupaten Watu Bela",
        defaults={
            "purpose": "Perencanaan kebutuhan pegawai kabupaten.",
            "legal_basis": "Perpres Nomor 39 Tahun 2019 tentang Satu Data Indonesia; "
            "perjanjian kerja sama berbagi pakai data.",
            "starts_on": today - timedelta(days=30),
            "ends_on": today + timedelta(days=335),
        },
    )
    if created:
        agreement.datasets.add(shared)
    add_menu_item(agency, label="Data", url="/data/", after="Regulasi")
