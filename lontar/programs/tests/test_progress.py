"""The progress figures shown on program pages, without a database."""

from __future__ import annotations

from decimal import Decimal

from lontar.programs import progress


def test_percent_is_realised_over_target_with_one_decimal():
    assert progress.percent(Decimal("937500000"), Decimal("1250000000")) == Decimal("75.0")
    assert progress.percent(Decimal("1"), Decimal("3")) == Decimal("33.3")


def test_no_target_or_zero_target_gives_no_percentage_instead_of_an_error():
    assert progress.percent(Decimal("5"), Decimal("0")) is None
    assert progress.percent(Decimal("5"), None) is None
    assert progress.percent(None, Decimal("10")) is None
    assert not progress.measure(Decimal("5"), Decimal("0")).known


def test_bar_is_capped_at_full_width_when_target_is_exceeded():
    measured = progress.measure(Decimal("150"), Decimal("100"))
    assert measured.percent == Decimal("150.0")
    assert measured.bar_percent == Decimal("100")
    assert measured.exceeded


def test_bar_of_unknown_progress_is_empty():
    assert progress.measure(None, Decimal("100")).bar_percent == 0


def test_yearly_realisation_sums_quarters_or_takes_the_latest():
    quarters = [Decimal("90"), Decimal("110"), None, None]
    assert progress.yearly_realisation(quarters, cumulative=True) == Decimal("200")
    assert progress.yearly_realisation(quarters, cumulative=False) == Decimal("110")
    assert progress.yearly_realisation([None] * 4, cumulative=True) is None


def test_rupiah_uses_dots_between_thousands():
    assert progress.rupiah(Decimal("1250000000.00")) == "Rp 1.250.000.000"
    assert progress.rupiah(None) == "–"


def test_numbers_use_a_decimal_comma():
    assert progress.number(Decimal("12.50")) == "12,5"
    assert progress.number(Decimal("1500")) == "1.500"
    assert progress.number(None) == "–"
