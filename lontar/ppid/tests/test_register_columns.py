"""The register's Perki 1/2021 columns, row by row, without a database (unsaved rows)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from lontar.agencies.models import Agency
from lontar.ppid.models import InformationRequest
from lontar.ppid.register import column_headings, information_status, register_values

WITA = ZoneInfo("Asia/Makassar")
AGENCY = Agency(name="BKD", time_zone="Asia/Makassar")


def _row(**overrides) -> dict[str, str]:
    values = {
        "agency": AGENCY,
        "number": "001/PPID/2026",
        "received_at": datetime(2026, 11, 2, 23, 30, tzinfo=WITA),
        "public_summary": "Rekap formasi",
        "obtain_method": "salinan_cetak",
        "status": "terdaftar",
        "information_held": True,
        **overrides,
    }
    return dict(zip(column_headings(), register_values(InformationRequest(**values)), strict=True))


ANSWERED = {"status": "dijawab", "answered_at": datetime(2026, 11, 9, 8, tzinfo=WITA)}


@pytest.mark.parametrize(
    ("overrides", "column", "expected"),
    [
        ({}, "Status informasi", ""),  # not decided yet
        ({}, "Jenis permohonan", "Meminta salinan"),
        ({"obtain_method": "melihat"}, "Jenis permohonan", "Melihat/mengetahui"),
        ({**ANSWERED, "decision": "diberikan"}, "Status informasi", "Dikuasai badan publik ini"),
        (
            {
                **ANSWERED,
                "decision": "tidak_dikuasai",
                "information_held": False,
                "holder_body": "BPS Provinsi NTT",
            },
            "Status informasi",
            "Dikuasai badan publik lain: BPS Provinsi NTT",
        ),
        (
            {**ANSWERED, "decision": "belum_didokumentasikan"},
            "Status informasi",
            "Belum didokumentasikan",
        ),
        ({"information_form": "softcopy"}, "Bentuk informasi dikuasai", "Softcopy (elektronik)"),
        ({"information_form": "hardcopy"}, "Bentuk informasi dikuasai", "Hardcopy (cetak)"),
        ({**ANSWERED}, "Tanggal pemberitahuan tertulis", "2026-11-09"),
        ({"information_given_on": date(2026, 11, 12)}, "Tanggal informasi diberikan", "2026-11-12"),
        ({**ANSWERED, "cost_amount": 0, "payment_method": "x"}, "Cara pembayaran", ""),
        ({**ANSWERED, "cost_amount": 900, "payment_method": "Loket"}, "Cara pembayaran", "Loket"),
        ({**ANSWERED, "cost_amount": 900}, "Biaya (Rp)", "900"),
        ({"register_remarks": "Diambil di loket"}, "Keterangan", "Diambil di loket"),
        ({"register_remarks": "hubungi 081234567890"}, "Keterangan", "hubungi [TELEPON]"),
        ({}, "Tanggal permohonan", "2026-11-02"),  # the agency's own date, not UTC's
    ],
)
def test_each_register_column(overrides, column, expected):
    assert _row(**overrides)[column] == expected


def test_no_column_is_personal():
    headings = " ".join(column_headings()).lower()
    for personal in ("nama", "alamat", "telepon", "surel", "pekerjaan", "nik", "tujuan"):
        assert personal not in headings


def test_information_status_before_an_answer_is_blank():
    assert information_status(answered=False, decision="", held=True, holder_body="") == ""
