"""Statutory deadlines (UU 14/2008). Every expected date was worked out by hand from the
calendar and the holidays package's 2025–2026 list for Indonesia, not by the code under test."""

import re
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from lontar.core.calendar import NonWorkingDay, WorkingCalendar
from lontar.ppid import deadlines
from lontar.ppid.deadlines import (
    DISPUTE_FILING_PERIOD,
    EXTENSION_PERIOD,
    OBJECTION_ANSWER_PERIOD,
    OBJECTION_FILING_PERIOD,
    RESPONSE_PERIOD,
    Deadline,
    dispute_filing_due,
    objection_deadlines,
    objection_filing_due,
    request_deadlines,
    working_days_between,
)

PROJECT_ROOT = Path(__file__).resolve().parents[3]
DOC = PROJECT_ROOT / "docs" / "domain" / "ppid-deadlines.md"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
UTC = ZoneInfo("UTC")


def parse_day(text: str) -> date:
    """'Tue 2025-04-22' -> date; the weekday label double-checks the hand-written date."""
    label, iso = text.split(" ")
    day = date.fromisoformat(iso)
    assert WEEKDAYS[day.weekday()] == label, f"{text}: {iso} is a {WEEKDAYS[day.weekday()]}"
    return day


def parse_received(text: str) -> datetime | date:
    """'Thu 2025-02-06 16:30 UTC' -> aware datetime in that zone; 'Fri 2025-05-09' -> date."""
    match = re.fullmatch(r"(\w{3} \d{4}-\d{2}-\d{2})(?: (\d{2}):(\d{2}) (\S+))?", text)
    assert match, text
    day = parse_day(match[1])
    if match[2] is None:
        return day
    hour, minute, zone = int(match[2]), int(match[3]), ZoneInfo(match[4])
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


class Example(NamedTuple):
    case: str
    received: str  # "as recorded": a local date, or a moment with its own time zone
    tz: str  # the agency's time zone
    cuti_bersama_counts: str  # "no" (the default setting) or "yes"
    received_on: str
    notice_due: str
    extended_due: str


# THE WORKED EXAMPLES. docs/domain/ppid-deadlines.md repeats this exact list in its table, so a
# lawyer checking the doc also checks these tests; test_the_doc_table_repeats_this_list keeps
# them identical. Change both together.
REQUEST_EXAMPLES = [
    Example(
        "Ordinary fortnight, no holidays",
        "Mon 2025-02-03 09:00 Asia/Makassar", "Asia/Makassar", "no",
        "Mon 2025-02-03", "Mon 2025-02-17", "Wed 2025-02-26",
    ),
    Example(
        "Received on a Saturday: Monday is day 1",
        "Sat 2025-02-08 10:00 Asia/Makassar", "Asia/Makassar", "no",
        "Sat 2025-02-08", "Fri 2025-02-21", "Tue 2025-03-04",
    ),
    Example(
        "23:30 WIB on a Thursday is still Thursday for a WIB agency",
        "Thu 2025-02-06 16:30 UTC", "Asia/Jakarta", "no",
        "Thu 2025-02-06", "Thu 2025-02-20", "Mon 2025-03-03",
    ),
    Example(
        "The same instant is already Friday 00:30 for a WITA agency",
        "Thu 2025-02-06 16:30 UTC", "Asia/Makassar", "no",
        "Fri 2025-02-07", "Fri 2025-02-21", "Tue 2025-03-04",
    ),
    Example(
        "A time recorded in WIB is converted to the WITA agency's date",
        "Thu 2025-02-06 23:30 Asia/Jakarta", "Asia/Makassar", "no",
        "Fri 2025-02-07", "Fri 2025-02-21", "Tue 2025-03-04",
    ),
    Example(
        "15:30 UTC is already Friday 00:30 for a WIT agency",
        "Thu 2025-02-06 15:30 UTC", "Asia/Jayapura", "no",
        "Fri 2025-02-07", "Fri 2025-02-21", "Tue 2025-03-04",
    ),
    Example(
        "Nyepi, Idul Fitri, Good Friday and Labour Day 2025",
        "Thu 2025-03-27 10:00 Asia/Makassar", "Asia/Makassar", "no",
        "Thu 2025-03-27", "Tue 2025-04-22", "Fri 2025-05-02",
    ),
    Example(
        "Same request, agency counts cuti bersama as working days",
        "Thu 2025-03-27 10:00 Asia/Makassar", "Asia/Makassar", "yes",
        "Thu 2025-03-27", "Mon 2025-04-14", "Thu 2025-04-24",
    ),
    Example(
        "16:30 UTC on 27 March is Thursday 23:30 in WIB",
        "Thu 2025-03-27 16:30 UTC", "Asia/Jakarta", "no",
        "Thu 2025-03-27", "Tue 2025-04-22", "Fri 2025-05-02",
    ),
    Example(
        "Same instant is Friday 00:30 (cuti bersama) in WITA: receipt differs, due dates do not",
        "Thu 2025-03-27 16:30 UTC", "Asia/Makassar", "no",
        "Fri 2025-03-28", "Tue 2025-04-22", "Fri 2025-05-02",
    ),
    Example(
        "Waisak, Ascension, Idul Adha and their cuti bersama (date recorded without time)",
        "Fri 2025-05-09", "Asia/Makassar", "no",
        "Fri 2025-05-09", "Tue 2025-05-27", "Wed 2025-06-11",
    ),
    Example(
        "Idul Adha, its cuti bersama and Islamic New Year",
        "Wed 2025-06-04 14:00 Asia/Makassar", "Asia/Makassar", "no",
        "Wed 2025-06-04", "Fri 2025-06-20", "Wed 2025-07-02",
    ),
    Example(
        "Cuti bersama 18 August 2025 and Maulid",
        "Fri 2025-08-15", "Asia/Makassar", "no",
        "Fri 2025-08-15", "Mon 2025-09-01", "Thu 2025-09-11",
    ),
    Example(
        "Christmas, cuti bersama and New Year: into 2026",
        "Mon 2025-12-22 09:00 Asia/Makassar", "Asia/Makassar", "no",
        "Mon 2025-12-22", "Thu 2026-01-08", "Tue 2026-01-20",
    ),
    Example(
        "Same request, agency counts cuti bersama as working days",
        "Mon 2025-12-22 09:00 Asia/Makassar", "Asia/Makassar", "yes",
        "Mon 2025-12-22", "Wed 2026-01-07", "Mon 2026-01-19",
    ),
    Example(
        "New Year's Eve 15:30 UTC is New Year's Day 00:30 for a WIT agency",
        "Wed 2025-12-31 15:30 UTC", "Asia/Jayapura", "no",
        "Thu 2026-01-01", "Thu 2026-01-15", "Tue 2026-01-27",
    ),
]  # fmt: skip


def calendar_for(cuti_bersama_counts: str) -> WorkingCalendar:
    assert cuti_bersama_counts in ("no", "yes")
    return WorkingCalendar(cuti_bersama_is_working_day=cuti_bersama_counts == "yes")


@pytest.mark.parametrize("example", REQUEST_EXAMPLES, ids=[e.case for e in REQUEST_EXAMPLES])
def test_request_deadlines_match_the_worked_examples(example):
    result = request_deadlines(
        parse_received(example.received),
        tz=example.tz,
        calendar=calendar_for(example.cuti_bersama_counts),
    )
    assert result.received_on == parse_day(example.received_on)
    assert result.notice_due == parse_day(example.notice_due)
    assert result.extended_due == parse_day(example.extended_due)


def _doc_table_rows() -> list[tuple[str, ...]]:
    text = DOC.read_text(encoding="utf-8")
    block = text.split("<!-- worked-examples:start -->")[1].split("<!-- worked-examples:end -->")[0]
    lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
    body = lines[2:]  # header row and separator row
    return [tuple(cell.strip() for cell in line.strip("|").split("|")) for line in body]


def test_the_doc_table_repeats_this_list():
    assert _doc_table_rows() == [tuple(example) for example in REQUEST_EXAMPLES]


# --- Periods, skipped days and explanations -----------------------------------------------


def test_the_periods_are_those_of_uu_14_2008():
    assert (RESPONSE_PERIOD, EXTENSION_PERIOD) == (10, 7)
    assert RESPONSE_PERIOD + EXTENSION_PERIOD == 17
    assert (OBJECTION_FILING_PERIOD, OBJECTION_ANSWER_PERIOD, DISPUTE_FILING_PERIOD) == (30, 30, 14)


LEBARAN_2025_NOTICE_SKIPPED = (
    "28 Mar (cuti bersama Nyepi), 29 Mar (Nyepi), 30 Mar (Minggu), 31 Mar–1 Apr (Idul Fitri), "
    "2–4 Apr (cuti bersama Idul Fitri), 5–6 Apr (Sabtu–Minggu), 7 Apr (cuti bersama Idul Fitri), "
    "12–13 Apr (Sabtu–Minggu), 18 Apr (Wafat Yesus Kristus), 19 Apr (Sabtu), "
    "20 Apr (Kebangkitan Yesus Kristus)"
)


def test_a_request_lists_every_day_skipped_up_to_the_extended_due_date():
    result = request_deadlines(date(2025, 3, 27))
    assert [d.day for d in result.skipped] == [
        date(2025, 3, 28),
        date(2025, 3, 29),
        date(2025, 3, 30),
        date(2025, 3, 31),
        date(2025, 4, 1),
        date(2025, 4, 2),
        date(2025, 4, 3),
        date(2025, 4, 4),
        date(2025, 4, 5),
        date(2025, 4, 6),
        date(2025, 4, 7),
        date(2025, 4, 12),
        date(2025, 4, 13),
        date(2025, 4, 18),
        date(2025, 4, 19),
        date(2025, 4, 20),
        date(2025, 4, 26),
        date(2025, 4, 27),
        date(2025, 5, 1),
    ]
    assert result.skipped[-1].reason == "Hari Buruh"
    assert result.notice.skipped == result.skipped[:16]


def test_each_request_due_date_comes_with_an_indonesian_explanation():
    result = request_deadlines(date(2025, 3, 27))
    assert result.notice_explanation == (
        "Batas waktu Selasa, 22 April 2025: 10 hari kerja setelah Kamis, 27 Maret 2025 "
        f"(hari itu sendiri tidak dihitung); tidak dihitung: {LEBARAN_2025_NOTICE_SKIPPED}"
    )
    assert result.extended_explanation == (
        "Batas waktu Jumat, 2 Mei 2025: 17 hari kerja setelah Kamis, 27 Maret 2025 "
        f"(hari itu sendiri tidak dihitung); tidak dihitung: {LEBARAN_2025_NOTICE_SKIPPED}, "
        "26–27 Apr (Sabtu–Minggu), 1 Mei (Hari Buruh)"
    )


@pytest.mark.parametrize(
    ("received", "cuti_bersama_counts", "answer_due"),
    [
        # 30 working days of February and March with no holiday at all.
        pytest.param(date(2025, 2, 3), "no", date(2025, 3, 17), id="no holidays"),
        # 25-27 Mar (3), 8-30 Apr minus Good Friday (16), 2-9 May (6), 14-20 May (5).
        pytest.param(date(2025, 3, 24), "no", date(2025, 5, 20), id="over Lebaran and Waisak"),
        # 25-28 Mar (4), 2-30 Apr minus Good Friday (20), 2-9 May (6).
        pytest.param(date(2025, 3, 24), "yes", date(2025, 5, 9), id="cuti bersama counted"),
    ],
)
def test_the_superior_answers_an_objection_within_30_working_days(
    received, cuti_bersama_counts, answer_due
):
    result = objection_deadlines(received, calendar=calendar_for(cuti_bersama_counts))
    assert result.received_on == received
    assert result.answer_due == answer_due
    assert result.explanation.startswith("Batas waktu ")


def test_an_objection_may_be_filed_up_to_30_working_days_after_its_grounds_arose():
    # Fri 19 Dec 2025: 22-24 Dec (3), 29-31 Dec (3), 2 Jan (1), 5-9 Jan (5), 12-15 Jan (4,
    # Isra Mikraj on 16 Jan), 19-23 Jan (5), 26-30 Jan (5), 2-5 Feb (4) -> Thu 5 Feb 2026.
    result = objection_filing_due(date(2025, 12, 19))
    assert isinstance(result, Deadline)
    assert (result.start, result.working_days, result.due) == (
        date(2025, 12, 19),
        30,
        date(2026, 2, 5),
    )


def test_a_dispute_may_go_to_the_komisi_informasi_up_to_14_working_days_after_the_answer():
    result = dispute_filing_due(datetime(2025, 5, 28, 11, 0, tzinfo=ZoneInfo("Asia/Makassar")))
    assert result.due == date(2025, 6, 23)
    assert result.explanation == (
        "Batas waktu Senin, 23 Juni 2025: 14 hari kerja setelah Rabu, 28 Mei 2025 "
        "(hari itu sendiri tidak dihitung); tidak dihitung: 29 Mei (Kenaikan Yesus Kristus), "
        "30 Mei (cuti bersama Kenaikan Yesus Kristus), 31 Mei (Sabtu), "
        "1 Jun (Hari Lahir Pancasila), 6 Jun (Idul Adha), 7–8 Jun (Sabtu–Minggu), "
        "9 Jun (cuti bersama Idul Adha), 14–15 Jun (Sabtu–Minggu), 21–22 Jun (Sabtu–Minggu)"
    )


def test_the_agencys_extra_closure_moves_the_deadline():
    calendar = WorkingCalendar(extra_closures={date(2025, 2, 12): "Kantor tutup: banjir"})
    # Mon 3 Feb: 4, 5, 6, 7, 10, 11, (12 closed), 13, 14, 17, 18.
    assert request_deadlines(date(2025, 2, 3), calendar=calendar).notice_due == date(2025, 2, 18)


def test_stored_skipped_days_explain_the_due_date_without_recomputing_it():
    original = request_deadlines(date(2025, 3, 27)).notice
    stored = {
        "start": original.start.isoformat(),
        "due": original.due.isoformat(),
        "skipped": [d.as_dict() for d in original.skipped],
    }
    rebuilt = Deadline(
        start=date.fromisoformat(stored["start"]),
        working_days=RESPONSE_PERIOD,
        due=date.fromisoformat(stored["due"]),
        skipped=tuple(NonWorkingDay.from_dict(d) for d in stored["skipped"]),
    )
    assert rebuilt.explanation == original.explanation


def test_working_days_left_feed_the_at_risk_badge():
    # Sun 20 Apr 2025 to the notice due date Tue 22 Apr: Mon 21 and Tue 22.
    assert working_days_between(date(2025, 4, 20), date(2025, 4, 22)) == 2


# --- Time zones and input types -----------------------------------------------------------

ALL_FUNCTIONS = [request_deadlines, objection_deadlines, objection_filing_due, dispute_filing_due]


@pytest.mark.parametrize("function", ALL_FUNCTIONS, ids=lambda f: f.__name__)
def test_a_naive_datetime_is_refused(function):
    with pytest.raises(ValueError, match="naive datetime"):
        function(datetime(2025, 2, 3, 9, 0), tz="Asia/Makassar")


@pytest.mark.parametrize("function", ALL_FUNCTIONS, ids=lambda f: f.__name__)
def test_a_plain_date_is_taken_as_the_local_date_of_receipt(function):
    result = function(date(2025, 2, 8), tz="Asia/Jayapura")
    start = result.received_on if hasattr(result, "received_on") else result.start
    assert start == date(2025, 2, 8)


def test_a_time_zone_may_be_given_by_name_or_as_zoneinfo_or_fixed_offset():
    moment = datetime(2025, 2, 6, 16, 30, tzinfo=UTC)
    by_name = request_deadlines(moment, tz="Asia/Makassar")
    assert request_deadlines(moment, tz=ZoneInfo("Asia/Makassar")) == by_name
    assert request_deadlines(moment, tz=timezone(timedelta(hours=8))) == by_name
    assert by_name.received_on == date(2025, 2, 7)


def test_an_unknown_time_zone_name_is_an_error():
    with pytest.raises(ZoneInfoNotFoundError):
        request_deadlines(datetime(2025, 2, 6, 16, 30, tzinfo=UTC), tz="Asia/Kupang")


def test_without_django_settings_the_default_time_zone_is_wita(monkeypatch):
    monkeypatch.setattr(deadlines, "_configured_django_time_zone", lambda: None)
    result = request_deadlines(datetime(2025, 2, 6, 16, 30, tzinfo=UTC))
    assert result.received_on == date(2025, 2, 7)


def test_django_time_zone_is_the_default_when_settings_are_configured(monkeypatch):
    monkeypatch.setattr(deadlines, "_configured_django_time_zone", lambda: "Asia/Jakarta")
    result = request_deadlines(datetime(2025, 2, 6, 16, 30, tzinfo=UTC))
    assert result.received_on == date(2025, 2, 6)


def test_the_module_imports_and_works_without_django():
    script = (
        "import sys\n"
        "sys.modules['django'] = None  # any 'import django' now fails\n"
        "from datetime import datetime, timezone\n"
        "from lontar.ppid.deadlines import request_deadlines\n"
        "moment = datetime(2025, 2, 6, 16, 30, tzinfo=timezone.utc)\n"
        "print(request_deadlines(moment).received_on)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "2025-02-07"
