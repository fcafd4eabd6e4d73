from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core import signing

from lontar.ppid.services import RequesterDetails, register_request

NIK = "5371044107900003"  # valid structure: NTT (53), woman born 1 July 1990
PHONE = "081234567890"


# One requester, as the services receive her and as she fills in the public form.
REQUESTER = {
    "name": "Maria Uji Pemohon",
    "identity_kind": "perorangan",
    "nik": NIK,
    "address": "Jalan Flamboyan 3, Kota Uji",
    "phone": PHONE,
    "email": "pemohon@contoh.id",
    "occupation": "Wartawan",
    "information_requested": "Daftar formasi CPNS 2026 per jabatan",
    "purpose": "Bahan liputan tentang rekrutmen ASN",
    "obtain_method": "salinan_elektronik",
    "delivery_method": "surel",
}


def details(**overrides) -> RequesterDetails:
    return RequesterDetails(**{**REQUESTER, **overrides})


def make_request(agency, *, received_at=None, **overrides):
    received_at = received_at or datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    return register_request(
        agency=agency, details=details(**overrides), received_at=received_at, channel="web"
    )


def form_data(**overrides) -> dict:
    """What a citizen posts on the public request form, filled in correctly."""
    return {
        **REQUESTER,
        "consent": "on",
        "website": "",
        "shown_at": signing.dumps(time.time() - 60, salt="lontar.ppid.request-form"),
        **overrides,
    }
