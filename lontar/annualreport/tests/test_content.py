"""The report's figures and sections from plain rows, without the database."""

from __future__ import annotations

from datetime import date

from lontar.annualreport.content import ObjectionRow, RequestRow, sections, snapshot, time_class
from lontar.core.calendar import WorkingCalendar

CAL = WorkingCalendar()


def _rows():
    return [
        # 2 working days, granted
        RequestRow(
            "1/2026", date(2026, 10, 5), "web", "diberikan", "", date(2026, 10, 7),
            date(2026, 10, 19),
        ),
        # 14 working days (extended), refused
        RequestRow(
            "2/2026", date(2026, 10, 5), "surat", "ditolak", "Pasal 17 huruf h",
            date(2026, 10, 23), date(2026, 10, 28),
        ),
        # unanswered, and withdrawn
        RequestRow("3/2026", date(2026, 11, 2), "web", "", "", None, date(2026, 11, 16)),
        RequestRow("4/2026", date(2026, 11, 3), "web", "", "", None, date(2026, 11, 17), True),
    ]  # fmt: skip


def test_time_classes():
    assert [time_class(d) for d in (0, 10, 11, 17, 18)] == ["10", "10", "17", "17", "lebih"]


def test_snapshot_counts_items_c_and_d():
    objections = [
        ObjectionRow(("a",), "menguatkan", date(2026, 11, 1), date(2026, 12, 1),
                     (("diajukan", ""), ("mediasi", "ditolak"), ("ajudikasi", "dikabulkan"))),
        ObjectionRow(("b",), "", None, date(2026, 12, 20)),
    ]  # fmt: skip
    data = snapshot(2026, _rows(), objections, CAL)
    req = data["requests"]
    assert (req["total"], req["answered"], req["open"], req["withdrawn"]) == (4, 2, 1, 1)
    assert (req["diberikan"], req["ditolak"], req["sebagian"]) == (1, 1, 0)
    assert data["time_classes"] == {"10": 1, "17": 1, "lebih": 0}
    assert data["refusal_grounds"] == {"Pasal 17 huruf h": 1}
    assert [row["days"] for row in data["per_request"]] == [2, 14, None, None]
    assert data["objections"]["total"] == 2 and data["objections"]["answered_on_time"] == 1
    assert data["disputes"] == {"diajukan": 1, "mediasi": 1, "ajudikasi": 1, "pengadilan": 0}
    assert data["dispute_outcomes"]["ajudikasi"] == {"dikabulkan": 1}


def test_sections_are_a_to_f_with_the_narrative_or_a_dash():
    data = snapshot(2026, _rows(), [], CAL)
    parts = sections(data, {"overview": "Layanan berjalan baik.", "recommendations": ""})
    assert [s.letter for s in parts] == ["a", "b", "c", "d", "e", "f"]
    assert parts[1].parts == [("", "Layanan berjalan baik.")]
    assert parts[5].parts == [("", "—")]
    summary = dict(parts[2].tables[0].rows)
    assert summary["Jumlah permohonan"] == 4 and summary["Ditolak"] == 1
