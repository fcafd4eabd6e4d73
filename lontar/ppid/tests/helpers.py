from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from lontar.ppid.services import RequesterDetails, register_request

NIK = "5371044107900003"  # valid structure: NTT (53), woman born 1 July 1990
PHONE = "081234567890"


def details(**overrides) -> RequesterDetails:
    values = {
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
    values.update(overrides)
    return RequesterDetails(**values)


def make_request(agency, *, received_at=None, **overrides):
    received_at = received_at or datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    return register_request(
        agency=agency, details=details(**overrides), received_at=received_at, channel="web"
    )
