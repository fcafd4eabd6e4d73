from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core import signing

from lontar.core.audit import Actor
from lontar.objections.services import ObjectionDetails, register_objection
from lontar.ppid.services import Answer, answer_request
from lontar.ppid.tests.helpers import make_request

WITA = ZoneInfo("Asia/Makassar")
CONSEQUENCE = (
    "Berkas pemeriksaan disiplin memuat rahasia pribadi pegawai; membukanya merugikan "
    "pegawai lebih besar daripada manfaatnya bagi publik."
)


def refused_request(agency, officer, *, received_at=None):
    """A request answered with a refusal (Pasal 17 huruf h); returns it and its code."""
    request, code = make_request(agency, received_at=received_at)
    answer_request(
        request,
        answer=Answer(
            decision="ditolak",
            refusal_ground="Pasal 17 huruf h",
            consequence_test=CONSEQUENCE,
        ),
        by=officer,
    )
    request.refresh_from_db()
    return request, code


def file_objection(agency, request=None, *, grounds=("a",), received_at=None):
    return register_objection(
        agency=agency,
        details=ObjectionDetails(
            grounds=list(grounds),
            case_summary="Informasi yang saya minta tidak termasuk rahasia pribadi.",
            objector_name="Maria Uji Pemohon",
            address="Jalan Flamboyan 3, Kota Uji",
            phone="081234567890",
            information_request=request,
        ),
        received_at=received_at or datetime(2026, 10, 5, 9, 0, tzinfo=WITA),
        actor=Actor.system(),
    )


def form_data(**overrides) -> dict:
    return {
        "grounds": ["a"],
        "case_summary": "Informasi yang saya minta tidak termasuk rahasia pribadi.",
        "purpose": "Bahan liputan",
        "objector_name": "Maria Uji Pemohon",
        "address": "Jalan Flamboyan 3, Kota Uji",
        "phone": "081234567890",
        "email": "",
        "website": "",
        "shown_at": signing.dumps(time.time() - 60, salt="lontar.objections.objection-form"),
        **overrides,
    }
