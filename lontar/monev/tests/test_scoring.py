"""The self-assessment's score and bands, without the database."""

from __future__ import annotations

from decimal import Decimal

from lontar.monev.registry import ITEMS, Status
from lontar.monev.scoring import band, score


def test_present_one_stale_half_missing_and_unchecked_nothing():
    assert score([Status.PRESENT] * 4) == Decimal("100.0")
    assert score([Status.PRESENT, Status.STALE, Status.MISSING, Status.UNCHECKED]) == Decimal(
        "37.5"
    )
    assert score([Status.PRESENT, Status.PRESENT, Status.MISSING]) == Decimal("66.7")
    assert score([]) == Decimal(0)


def test_bands_of_the_komisi_informasi():
    assert band(Decimal("100")) == "Informatif" and band(Decimal("90.0")) == "Informatif"
    assert band(Decimal("89.9")) == "Menuju Informatif"
    assert band(Decimal("60.0")) == "Cukup Informatif"
    assert band(Decimal("59.9")) == "Kurang Informatif"
    assert band(Decimal("39.9")) == "Tidak Informatif"


def test_fifteen_website_items():
    keys = [item.key for item in ITEMS]
    assert len(keys) == len(set(keys)) == 15
    assert {"dip", "dik", "annual-report", "maklumat", "sop", "accessibility"} <= set(keys)
