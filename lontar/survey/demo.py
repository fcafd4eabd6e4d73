"""Demo SKM for the BKD: two service units, three semesters each, the older two published.

Deterministic (seeded per unit and period) and idempotent: a period that exists is left alone.
Responses go through services.submit_response and results through services.publish_period,
exactly as the public form and the admin do.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page

from lontar.demo.loader import DemoContext, add_menu_item
from lontar.survey import ikm, services
from lontar.survey.models import PageFeedback, SurveyPeriod, SurveyUnit
from lontar.survey.selectors import today_for

# Each unit's typical NRR per element, and how much it improves per semester: the follow-up
# plans target the weakest elements, so those rise fastest.
UNITS: list[dict[str, Any]] = [
    {
        "slug": "ppid",
        "name": "Layanan Informasi Publik (PPID)",
        "description": "Permohonan informasi publik, salinan dokumen, dan keberatan.",
        "service": "Permohonan informasi publik",
        "population": 180,
        "means": {
            "persyaratan": 3.3,
            "prosedur": 3.1,
            "waktu": 2.6,
            "biaya": 3.9,
            "produk": 3.2,
            "kompetensi": 3.3,
            "perilaku": 3.5,
            "pengaduan": 2.5,
            "sarana": 2.9,
        },
        "improves": {"waktu": 0.25, "pengaduan": 0.3, "sarana": 0.1},
        "plans": (
            "Menyederhanakan alur permohonan daring dan menambah petugas meja layanan pada "
            "hari Senin, ketika antrean paling panjang. Menyediakan kanal pengaduan melalui "
            "WhatsApp layanan dengan jawaban paling lambat dua hari kerja.",
            "Memantau waktu jawab setiap permohonan di dasbor PPID dan mengumumkan rekapnya "
            "setiap bulan. Memperbaiki ruang tunggu (kursi dan papan informasi).",
        ),
    },
    {
        "slug": "kepegawaian",
        "name": "Layanan Kepegawaian",
        "description": "Kenaikan pangkat, mutasi, pensiun, dan administrasi ASN lainnya.",
        "service": "Usul kenaikan pangkat",
        "population": 420,
        "means": {
            "persyaratan": 2.8,
            "prosedur": 2.7,
            "waktu": 2.5,
            "biaya": 3.8,
            "produk": 3.0,
            "kompetensi": 3.2,
            "perilaku": 3.3,
            "pengaduan": 2.7,
            "sarana": 3.0,
        },
        "improves": {"persyaratan": 0.2, "prosedur": 0.2, "waktu": 0.2},
        "plans": (
            "Menerbitkan daftar persyaratan setiap jenis layanan kepegawaian di situs dan di "
            "loket, serta menyusun standar waktu penyelesaian usul kenaikan pangkat.",
            "Membuka layanan konsultasi berkas sebelum usul diajukan dan mengirim notifikasi "
            "status berkas kepada pegawai yang mengusulkan.",
        ),
    },
]

PROFILE_WEIGHTS = {
    "sex": (["L", "P"], [52, 48]),
    "age_band": (["sd20", "21-30", "31-40", "41-50", "51-60", "60plus"], [3, 24, 31, 25, 14, 3]),
    "education": (["sd", "smp", "sma", "diploma", "s1", "pascasarjana"], [2, 4, 24, 14, 46, 10]),
    "occupation": (
        ["asn", "tni-polri", "swasta", "wirausaha", "pelajar", "lainnya"],
        [48, 3, 18, 12, 11, 8],
    ),
}
# Readers' answers to "Apakah informasi ini membantu?" on a few BKD pages: (page slug, yes, no,
# comments). Contact is the page readers find least helpful, so it tops the admin report.
PAGE_FEEDBACK = [
    ("kontak", 3, 5, ["Nomor telepon loket tidak bisa dihubungi.", "Tolong cantumkan peta."]),
    ("tugas-pokok-fungsi", 6, 1, ["Bagan struktur sulit dibaca di ponsel."]),
    ("profil", 9, 0, []),
]

SUGGESTIONS = [
    "Mohon jam layanan diperpanjang pada hari Jumat.",
    "Petugas ramah dan membantu, terima kasih.",
    "Informasi persyaratan sebaiknya diumumkan lebih jelas di situs.",
    "Ruang tunggu kurang nyaman saat ramai.",
    "Proses sudah lebih cepat dari sebelumnya.",
]


def _semester(year: int, half: int) -> tuple[str, date, date]:
    if half == 1:
        return f"Semester I {year}", date(year, 1, 1), date(year, 6, 30)
    return f"Semester II {year}", date(year, 7, 1), date(year, 12, 31)


def _last_three_semesters(today: date) -> list[tuple[str, date, date]]:
    """Oldest first; the last one contains today."""
    year, half = today.year, 1 if today.month <= 6 else 2
    semesters = []
    for _ in range(3):
        semesters.append(_semester(year, half))
        year, half = (year, 1) if half == 2 else (year - 1, 2)
    return semesters[::-1]


def _score(rng: random.Random, mean: float) -> int:
    return min(ikm.MAX_SCORE, max(ikm.MIN_SCORE, round(rng.gauss(mean, 0.55))))


def _fill(period: SurveyPeriod, spec: dict, age: int, count: int, today: date) -> None:
    rng = random.Random(f"{spec['slug']}/{period.name}")
    means = {
        key: min(3.95, mean + spec["improves"].get(key, 0.0) * age)
        for key, mean in spec["means"].items()
    }
    last_day = min(period.ends_on, today)
    span = (last_day - period.starts_on).days
    for _ in range(count):
        answered = period.starts_on + timedelta(days=rng.randint(0, span))
        profile: dict[str, Any] = {
            name: rng.choices(values, weights)[0]
            for name, (values, weights) in PROFILE_WEIGHTS.items()
        }
        services.submit_response(
            period=period,
            answers={key: _score(rng, means[key]) for key in ikm.ELEMENT_KEYS},
            service_received=spec["service"],
            service_date=answered,
            suggestion=rng.choice(SUGGESTIONS) if rng.random() < 0.2 else "",
            today=answered,
            **profile,
        )


@transaction.atomic
def load(ctx: DemoContext) -> None:
    agency = ctx.agencies.get("bkd")
    if agency is None:
        return
    admin = get_user_model().objects.filter(username="bkd.admin").first()
    today = today_for(agency)
    semesters = _last_three_semesters(today)
    for order, spec in enumerate(UNITS):
        unit, _ = SurveyUnit.objects.get_or_create(
            agency=agency,
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "sort_order": order,
            },
        )
        for age, (name, starts_on, ends_on) in enumerate(semesters):
            if SurveyPeriod.objects.filter(unit=unit, name=name).exists():
                continue
            current = age == len(semesters) - 1
            period = SurveyPeriod.objects.create(
                agency=agency,
                unit=unit,
                name=name,
                kind=SurveyPeriod.Kind.SEMESTER,
                starts_on=starts_on,
                ends_on=ends_on,
                is_open=True,
                population=spec["population"],
                follow_up_plan="" if current else spec["plans"][age],
            )
            sample = ikm.sample_size(spec["population"])
            rng = random.Random(f"{spec['slug']}/{name}/count")
            count = rng.randint(20, 35) if current else sample + rng.randint(-6, 25)
            _fill(period, spec, age, count, today)
            if not current:
                services.publish_period(period, by=admin)
    add_menu_item(agency, label="Survei", url="/survei/", after="Profil")
    _page_feedback(agency)


def _page_feedback(agency) -> None:
    root = agency.site.root_page
    pages = Page.objects.descendant_of(root).live()
    if PageFeedback.objects.filter(page__in=pages).exists():
        return
    for slug, yes, no, comments in PAGE_FEEDBACK:
        page = pages.filter(slug=slug).first()
        if page is None:
            continue
        for _ in range(yes):
            services.record_page_feedback(page=page, helpful=True)
        for number in range(no):
            comment = comments[number] if number < len(comments) else ""
            services.record_page_feedback(page=page, helpful=False, comment=comment)
