"""Demo requests for the BKD: every state, some overdue, spread over the last 18 months."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from lontar.demo.loader import add_menu_item
from lontar.ppid.models import InformationRequest, RequestEvent
from lontar.ppid.services import (
    Answer,
    RequesterDetails,
    answer_request,
    assign_request,
    complete_request,
    extend_request,
    register_request,
    withdraw_request,
)

# Fictional requesters; NIKs have a valid structure (NTT region codes) but belong to nobody.
REQUESTERS = [
    ("Yosefina Lado", "Mahasiswa"),
    ("Markus Tamelab", "Wartawan"),
    ("Ni Made Ayu Lestari", "Peneliti"),
    ("Abdul Rahman Kia", "Pegawai swasta"),
    ("Veronika Bere", "Guru honorer"),
    ("Stefanus Kolo", "Aktivis LSM"),
    ("Rambu Anggraeni", "Wiraswasta"),
    ("Daniel Foes", "Pensiunan ASN"),
]
TOPICS = [
    (
        "Rekapitulasi formasi CPNS dan PPPK tahun ini per jabatan",
        "Formasi CPNS/PPPK",
        "Bahan skripsi tentang kebutuhan ASN daerah",
    ),
    (
        "Jumlah ASN Pemerintah Provinsi menurut golongan dan pendidikan",
        "Data ASN per golongan",
        "Liputan tentang komposisi ASN",
    ),
    (
        "Jadwal dan hasil seleksi terbuka jabatan pimpinan tinggi pratama",
        "Seleksi JPT pratama",
        "Memantau keterbukaan seleksi jabatan",
    ),
    (
        "Anggaran dan realisasi pelatihan ASN tahun lalu",
        "Anggaran pelatihan ASN",
        "Penelitian efektivitas pelatihan",
    ),
    (
        "Daftar penerima tugas belajar tahun berjalan",
        "Penerima tugas belajar",
        "Memastikan pemerataan kesempatan belajar",
    ),
    (
        "Standar operasional prosedur kenaikan pangkat",
        "SOP kenaikan pangkat",
        "Persiapan usul kenaikan pangkat",
    ),
    (
        "Laporan kinerja instansi pemerintah (LKjIP) BKD",
        "LKjIP BKD",
        "Kajian akuntabilitas kinerja",
    ),
    (
        "Jumlah ASN yang dijatuhi hukuman disiplin per jenis hukuman",
        "Statistik hukuman disiplin",
        "Penelitian penegakan disiplin ASN",
    ),
]

# (share of requests, what happens to them)
PATHS = (
    ["completed"] * 10
    + ["answered"] * 3
    + ["extended"] * 2
    + ["in_process"] * 3
    + ["registered"] * 2
    + ["withdrawn"]
    + ["refused"] * 2
    + ["not_held"]
)


def _nik(rng: random.Random) -> str:
    day = rng.randint(1, 28) + rng.choice([0, 40])
    return (
        f"5371{rng.randint(1, 9):02d}{day:02d}{rng.randint(1, 12):02d}{rng.randint(70, 99)}"
        f"{rng.randint(1, 9999):04d}"
    )


def _working_moment(rng: random.Random, days_ago: int, agency) -> datetime:
    tz = agency.zone
    day = agency.today() - timedelta(days=days_ago)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return datetime.combine(day, time(rng.randint(8, 15), rng.randint(0, 59)), tzinfo=tz)


def load(ctx) -> None:
    agency = ctx.agencies.get("bkd")
    if agency is None or InformationRequest.objects.filter(agency=agency).exists():
        return
    add_menu_item(agency, label="Layanan Informasi", url="/ppid/", after="Profil")
    officer = get_user_model().objects.filter(username="bkd.ppid").first()
    units = list(agency.units.exclude(kind="pimpinan"))
    rng = random.Random(14_2008)
    plan = []
    for index in range(36):
        path = PATHS[index % len(PATHS)]
        # Open requests are recent (a few overdue); finished ones spread over 18 months.
        if path in ("registered", "in_process", "extended"):
            days_ago = rng.choice([2, 5, 9, 16, 24, 30])
        else:
            days_ago = rng.randint(20, 540)
        plan.append((_working_moment(rng, days_ago, agency), path))
    # Registered in the order they arrived, so numbers follow the dates as at a real desk.
    for index, (received_at, path) in enumerate(sorted(plan)):
        name, occupation = REQUESTERS[index % len(REQUESTERS)]
        topic, summary, purpose = TOPICS[index % len(TOPICS)]
        details = RequesterDetails(
            name=name,
            identity_kind="perorangan",
            nik=_nik(rng),
            address=f"Jalan Demo Nomor {index + 1}, Kota Batu Karang",
            phone=f"0812{rng.randint(10_000_000, 99_999_999)}",
            email="",
            occupation=occupation,
            information_requested=topic,
            purpose=purpose,
            obtain_method=rng.choice(["salinan_elektronik", "salinan_cetak", "melihat"]),
            delivery_method=rng.choice(["surel", "ambil", "pos"]),
        )
        information_request, _code = register_request(
            agency=agency,
            details=details,
            received_at=received_at,
            channel=rng.choice(["web", "web", "web", "surat", "langsung", "surel"]),
        )
        information_request.public_summary = summary
        information_request.save(update_fields=["public_summary"])
        _walk(information_request, path, officer, units, rng, summary, index)
        _backdate(information_request, received_at)


def _walk(information_request, path, officer, units, rng, summary, index) -> None:
    if path == "registered":
        return
    if path == "withdrawn":
        withdraw_request(information_request, by=officer, note="Surat pembatalan dari pemohon.")
        return
    assign_request(
        information_request,
        unit=rng.choice(units),
        internal_due=None,
        note="Mohon disiapkan datanya.",
        by=officer,
    )
    if path == "in_process":
        return
    if path == "extended":
        extend_request(
            information_request,
            reason="Data berada di beberapa bidang dan perlu dihimpun serta diperiksa ulang.",
            by=officer,
            today=information_request.received_at.date(),
        )
        return
    answer = {
        "refused": Answer(
            decision="ditolak",
            refusal_ground="Pasal 17 huruf h",
            consequence_test="Data memuat identitas dan riwayat hukuman pegawai; membukanya "
            "merugikan hak atas rahasia pribadi dan tidak diimbangi "
            "kepentingan publik yang lebih besar.",
            cost_note="Tidak ada biaya.",
        ),
        "not_held": Answer(
            decision="tidak_dikuasai",
            holder_body="Badan Kepegawaian Negara Kantor Regional",
            cost_note="Tidak ada biaya.",
        ),
    }.get(
        path,
        Answer(
            decision="diberikan",
            material_given=f"Salinan: {summary}",
            delivery_format="Salinan elektronik melalui surel",
            cost_note="Gratis (salinan elektronik).",
            documents=[
                (
                    summary,
                    ContentFile(
                        f"Dokumen demo: {summary}\n".encode(), name=f"dokumen-demo-{index + 1}.txt"
                    ),
                )
            ],
        ),
    )
    answer_request(information_request, answer=answer, by=officer)
    if path in ("completed", "refused", "not_held"):
        complete_request(information_request, by=officer)


def _backdate(information_request, received_at: datetime) -> None:
    """The services stamp "now"; spread the demo's history over the days after receipt."""
    stamps = {}
    for step, event in enumerate(information_request.events.order_by("pk")):
        at = received_at + timedelta(days=2 * step, minutes=30 * step)
        RequestEvent.objects.filter(pk=event.pk).update(at=at)  # append-only: no save()
        stamps[event.kind] = at
    InformationRequest.objects.filter(pk=information_request.pk).update(
        registered_at=received_at,
        extended_at=stamps.get("extended"),
        answered_at=stamps.get("answered"),
        completed_at=stamps.get("completed"),
    )
