"""Demo objections: what the BKD's requesters filed against the demo's answers.

Runs after lontar.ppid's demo (INSTALLED_APPS order) and files objections against its refused,
late and answered requests, so the register, the Atasan PPID's queue, the statistics and the
annual report show the whole objection path: answered both ways, still open, one without a
request (ground b). Idempotent: nothing is added once the agency has an objection.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from lontar.core.audit import Actor
from lontar.objections.models import Objection
from lontar.objections.services import (
    Answer,
    ObjectionDetails,
    answer_objection,
    register_objection,
)
from lontar.ppid.models import InformationRequest, Status

OBJECTORS = (
    ("Yohanes Sabu", "Jalan Demo Keberatan 1, Kota Batu Karang", "081239000101"),
    ("Maria Goreti Lona", "Jalan Demo Keberatan 2, Kota Batu Karang", "081239000102"),
    ("Abdul Rahman Pello", "Jalan Demo Keberatan 3, Kota Batu Karang", "081239000103"),
    ("Fransiska Nenobais", "Jalan Demo Keberatan 4, Kota Batu Karang", "081239000104"),
    ("Dominggus Tefa", "Jalan Demo Keberatan 5, Kota Batu Karang", "081239000105"),
)
SUPERIOR = ("Drs. Umbu Rihi Pekuwali, M.Si.", "Sekretaris Daerah selaku Atasan PPID")

# (which requests, grounds, the objector's case, the Atasan PPID's answer or None: still open)
PLAN = (
    (
        Status.COMPLETED,
        "refused",
        ["a"],
        "Saya meminta rekapitulasi hukuman disiplin tanpa nama pegawai; yang saya perlukan "
        "hanya jumlah per jenis hukuman, bukan identitas.",
        Answer(
            "sebagian",
            "Rekapitulasi jumlah hukuman disiplin per jenis tanpa identitas pegawai bukan "
            "informasi yang dikecualikan; PPID diminta memberikannya dalam 10 hari kerja. "
            "Rincian per pegawai tetap dikecualikan (Pasal 17 huruf h).",
            *SUPERIOR,
        ),
    ),
    (
        Status.COMPLETED,
        "refused",
        ["a", "d"],
        "Alasan penolakan tidak disertai uji konsekuensi yang jelas.",
        Answer(
            "menguatkan",
            "Uji konsekuensi PPID sudah tepat: berkas memuat riwayat kesehatan pegawai yang "
            "termasuk rahasia pribadi. Keputusan PPID dikuatkan.",
            *SUPERIOR,
        ),
    ),
    (
        Status.COMPLETED,
        "given",
        ["d"],
        "Data yang diberikan hanya tahun berjalan, padahal saya meminta lima tahun terakhir.",
        Answer(
            "mengabulkan",
            "Permintaan mencakup lima tahun; PPID wajib melengkapi data empat tahun "
            "sebelumnya dalam 10 hari kerja.",
            *SUPERIOR,
        ),
    ),
    (
        None,
        "",
        ["b"],
        "Laporan realisasi anggaran tahun lalu belum diumumkan di laman PPID.",
        None,
    ),
)


def _requests(agency, status, decision: str) -> list[InformationRequest]:
    rows = InformationRequest.objects.filter(agency=agency, status=status).order_by("received_at")
    if decision == "refused":
        rows = rows.filter(decision="ditolak")
    elif decision == "given":
        rows = rows.filter(decision="diberikan")
    return list(rows)


def load(ctx) -> None:
    agency = ctx.agencies.get("bkd")
    if agency is None or Objection.objects.filter(agency=agency).exists():
        return
    file_demo_objections(agency)


def file_demo_objections(agency) -> None:
    rng = random.Random(35_2008)
    used: set[int] = set()
    today = agency.today()
    filed = []
    for index, (status, decision, grounds, case, answer) in enumerate(PLAN):
        request = None
        if status is not None:
            candidates = [r for r in _requests(agency, status, decision) if r.pk not in used]
            if not candidates:
                continue
            request = candidates[0]
            used.add(request.pk)
            after = request.answered_at.date() + timedelta(days=3)  # a few days after the answer
        else:
            after = today - timedelta(days=20)
        # Answered objections lie in the past; open ones are recent, within their 30 days.
        latest = today - timedelta(days=12 if answer else 4)
        if after > latest:
            continue  # the demo's requests are too recent for this story
        day = after
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        received_at = datetime.combine(day, time(rng.randint(8, 14), 15), tzinfo=agency.zone)
        name, address, phone = OBJECTORS[index % len(OBJECTORS)]
        details = ObjectionDetails(
            grounds=grounds,
            case_summary=case,
            objector_name=name,
            address=address,
            phone=phone,
            information_request=request,
        )
        filed.append((received_at, details, answer))
    # Registered in the order they arrived, so numbers follow the dates as at a real desk.
    for received_at, details, answer in sorted(filed, key=lambda plan: plan[0]):
        objection, _code = register_objection(
            agency=agency, details=details, received_at=received_at, actor=Actor.system()
        )
        if answer is not None:
            answer_objection(objection, answer, actor=Actor.system())
            Objection.objects.filter(pk=objection.pk).update(
                answered_at=received_at + timedelta(days=9)
            )
