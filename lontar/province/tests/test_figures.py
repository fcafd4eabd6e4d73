"""The dashboard's arithmetic, without the database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from lontar.province.figures import median_days, on_time_rate, sort_rows


def test_on_time_rate_counts_answers_on_or_before_the_due_date():
    due = date(2026, 3, 10)
    pairs = [(date(2026, 3, 9), due), (due, due), (date(2026, 3, 11), due)]

    assert on_time_rate(pairs) == Decimal("66.7")
    assert on_time_rate([]) is None


def test_median_days_has_one_decimal():
    assert median_days([3, 8, 5, 10]) == Decimal("6.5")
    assert median_days([4]) == Decimal("4.0")
    assert median_days([]) is None


def test_rows_without_a_figure_sort_last_in_both_directions():
    rows = [
        {"nama": "B", "x": Decimal("50")},
        {"nama": "A", "x": None},
        {"nama": "C", "x": Decimal("90")},
    ]

    assert [r["nama"] for r in sort_rows(rows, "x", False)] == ["B", "C", "A"]
    assert [r["nama"] for r in sort_rows(rows, "x", True)] == ["C", "B", "A"]
