"""Working-day calendar. Every expected date below was worked out by hand from the 2025–2027
calendars and the holidays package's list for Indonesia (holidays 0.108)."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lontar.core.calendar import (
    NonWorkingDay,
    NonWorkingKind,
    WorkingCalendar,
    cuti_bersama_known,
    default_calendar,
    format_long_date,
    short_holiday_name,
    summarise_skipped,
    working_days_between,
)

CUTI_COUNTS = WorkingCalendar(cuti_bersama_is_working_day=True)


@pytest.mark.parametrize(
    ("day", "cuti_bersama_counts", "expected"),
    [
        pytest.param(date(2025, 2, 10), False, True, id="an ordinary Monday"),
        pytest.param(date(2025, 4, 8), False, True, id="the first Tuesday after Lebaran 2025"),
        pytest.param(date(2025, 2, 8), False, False, id="Saturday"),
        pytest.param(date(2025, 2, 9), False, False, id="Sunday"),
        pytest.param(date(2025, 1, 1), False, False, id="New Year's Day"),
        pytest.param(date(2024, 2, 14), False, False, id="general election day 2024"),
        pytest.param(date(2025, 3, 31), False, False, id="Idul Fitri"),
        pytest.param(date(2025, 3, 31), True, False, id="Idul Fitri even if cuti bersama counts"),
        pytest.param(date(2025, 3, 28), False, False, id="cuti bersama Nyepi"),
        pytest.param(date(2025, 3, 28), True, True, id="cuti bersama Nyepi when it counts"),
        pytest.param(date(2025, 4, 7), False, False, id="cuti bersama Idul Fitri"),
        pytest.param(date(2025, 4, 7), True, True, id="cuti bersama Idul Fitri when it counts"),
        pytest.param(date(2025, 8, 18), False, False, id="cuti bersama Independence Day 2025"),
        pytest.param(date(2025, 12, 26), False, False, id="cuti bersama Christmas 2025"),
        pytest.param(date(2025, 12, 26), True, True, id="cuti bersama Christmas when it counts"),
        pytest.param(date(2025, 12, 24), False, True, id="24 Dec 2025 is an ordinary Wednesday"),
        pytest.param(date(2026, 12, 24), False, False, id="24 Dec 2026 is cuti bersama"),
    ],
)
def test_a_day_is_a_working_day_unless_weekend_holiday_or_uncounted_cuti_bersama(
    day, cuti_bersama_counts, expected
):
    calendar = WorkingCalendar(cuti_bersama_is_working_day=cuti_bersama_counts)
    assert calendar.is_working_day(day) is expected


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (date(2025, 2, 10), None),
        (date(2025, 2, 8), "Sabtu"),
        (date(2025, 2, 9), "Minggu"),
        (date(2025, 1, 1), "Tahun Baru Masehi"),
        (date(2025, 1, 27), "Isra Mikraj"),
        (date(2025, 1, 28), "cuti bersama Tahun Baru Imlek"),
        (date(2025, 1, 29), "Tahun Baru Imlek"),
        (date(2025, 3, 28), "cuti bersama Nyepi"),
        (date(2025, 3, 29), "Nyepi"),  # a Saturday: the holiday's name says more
        (date(2025, 3, 31), "Idul Fitri"),
        (date(2025, 4, 1), "Idul Fitri"),  # second day, same everyday name
        (date(2025, 4, 2), "cuti bersama Idul Fitri"),
        (date(2025, 4, 18), "Wafat Yesus Kristus"),
        (date(2025, 4, 20), "Kebangkitan Yesus Kristus"),
        (date(2025, 5, 1), "Hari Buruh"),
        (date(2025, 5, 12), "Waisak"),
        (date(2025, 5, 13), "cuti bersama Waisak"),
        (date(2025, 5, 29), "Kenaikan Yesus Kristus"),
        (date(2025, 5, 30), "cuti bersama Kenaikan Yesus Kristus"),
        (date(2025, 6, 1), "Hari Lahir Pancasila"),
        (date(2025, 6, 6), "Idul Adha"),
        (date(2025, 6, 9), "cuti bersama Idul Adha"),
        (date(2025, 6, 27), "Tahun Baru Islam"),
        (date(2025, 8, 17), "Hari Kemerdekaan RI"),
        (date(2025, 8, 18), "cuti bersama Hari Kemerdekaan RI"),
        (date(2025, 9, 5), "Maulid Nabi Muhammad"),
        (date(2025, 12, 25), "Natal"),
        (date(2025, 12, 26), "cuti bersama Natal"),
        (date(2024, 2, 14), "Hari Pemilihan Umum"),
        (date(2027, 3, 10), "Idul Fitri (perkiraan)"),
        (date(2021, 5, 13), "Idul Fitri dan Kenaikan Yesus Kristus"),
        (date(2020, 12, 31), "pengganti cuti bersama Idul Fitri"),
    ],
)
def test_the_reason_for_a_non_working_day_is_a_short_indonesian_name(day, reason):
    assert default_calendar().non_working_reason(day) == reason


def test_cuti_bersama_has_no_reason_when_the_agency_counts_it_as_a_working_day():
    assert CUTI_COUNTS.non_working_reason(date(2025, 3, 28)) is None


def test_the_package_lists_keppres_2_2025_cuti_bersama_plus_18_august():
    keppres_2_2025 = {
        date(2025, 1, 28),
        date(2025, 3, 28),
        date(2025, 4, 2),
        date(2025, 4, 3),
        date(2025, 4, 4),
        date(2025, 4, 7),
        date(2025, 5, 13),
        date(2025, 5, 30),
        date(2025, 6, 9),
        date(2025, 12, 26),
    }
    calendar = default_calendar()
    days_2025 = (date(2025, 1, 1) + timedelta(days=i) for i in range(365))
    found = set()
    for day in days_2025:
        info = calendar.non_working_day(day)
        if info is not None and info.kind is NonWorkingKind.CUTI_BERSAMA:
            found.add(day)
    assert found == keppres_2_2025 | {date(2025, 8, 18)}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Cuti Bersama Hari Suci Nyepi", ("cuti bersama Nyepi", False)),
        ("Hari Raya Idul Fitri (perkiraan)", ("Idul Fitri", True)),
        ("Hari kedua dari Hari Raya Idul Fitri", ("Idul Fitri", False)),
        ("Pegangti Hari Raya Idul Fitri", ("pengganti Idul Fitri", False)),
        (
            "Hari Raya Idul Fitri; Kenaikan Yesus Kristus",
            ("Idul Fitri dan Kenaikan Yesus Kristus", False),
        ),
        ("Hari Ulang Tahun Kota", ("Hari Ulang Tahun Kota", False)),
    ],
)
def test_package_holiday_names_are_shortened_for_humans(name, expected):
    assert short_holiday_name(name) == expected


def test_the_package_knows_cuti_bersama_only_for_years_already_decreed():
    assert cuti_bersama_known(2025)
    assert cuti_bersama_known(2027)
    assert not cuti_bersama_known(2028)


# --- Agency overrides ---------------------------------------------------------------------

FLOOD = "Kantor tutup: banjir"


def test_an_extra_closure_is_a_non_working_day_with_the_admins_reason():
    calendar = WorkingCalendar(extra_closures={date(2025, 2, 12): FLOOD})
    assert not calendar.is_working_day(date(2025, 2, 12))
    assert calendar.non_working_reason(date(2025, 2, 12)) == FLOOD
    # Mon 3 Feb: 4, 5, 6, 7, 10, 11, (12 closed), 13, 14, 17, 18 -> the 10th is Tue 18 Feb.
    assert calendar.add_working_days(date(2025, 2, 3), 10).end == date(2025, 2, 18)


def test_an_extra_closure_on_a_holiday_shows_the_admins_reason():
    calendar = WorkingCalendar(extra_closures={date(2025, 12, 25): "Natal dan renovasi"})
    assert calendar.non_working_reason(date(2025, 12, 25)) == "Natal dan renovasi"


def test_a_removed_holiday_becomes_a_working_day():
    calendar = WorkingCalendar(removed_holidays={date(2025, 8, 18)})
    assert calendar.is_working_day(date(2025, 8, 18))
    # Fri 15 Aug: 18 (now working), 19, 20, 21, 22, 25, 26, 27, 28, 29 -> Fri 29 Aug.
    assert calendar.add_working_days(date(2025, 8, 15), 10).end == date(2025, 8, 29)


def test_removing_a_holiday_that_falls_on_a_saturday_leaves_a_saturday():
    calendar = WorkingCalendar(removed_holidays={date(2025, 3, 29)})
    assert calendar.non_working_reason(date(2025, 3, 29)) == "Sabtu"


def test_a_date_cannot_be_both_closed_and_declared_a_working_day():
    with pytest.raises(ValueError, match="2025-02-12"):
        WorkingCalendar(
            extra_closures={date(2025, 2, 12): FLOOD}, removed_holidays={date(2025, 2, 12)}
        )


def test_an_extra_closure_needs_a_reason():
    with pytest.raises(ValueError, match="needs a reason"):
        WorkingCalendar(extra_closures={date(2025, 2, 12): "  "})


def test_override_dates_must_be_plain_dates_not_datetimes():
    with pytest.raises(TypeError):
        WorkingCalendar(extra_closures={datetime(2025, 2, 12, 0, 0): FLOOD})
    with pytest.raises(TypeError):
        WorkingCalendar(removed_holidays={datetime(2025, 8, 18, 0, 0)})


def test_calendars_with_the_same_overrides_are_equal_hashable_and_immutable():
    first = WorkingCalendar(extra_closures={date(2025, 2, 12): FLOOD})
    second = WorkingCalendar(extra_closures={date(2025, 2, 12): FLOOD})
    assert first == second
    assert hash(first) == hash(second)
    assert first != WorkingCalendar()
    with pytest.raises(TypeError):
        first.extra_closures[date(2025, 2, 13)] = FLOOD  # type: ignore[index]


# --- Counting -----------------------------------------------------------------------------


def test_counting_starts_the_day_after_start_and_lists_the_weekend_skipped():
    result = default_calendar().add_working_days(date(2025, 2, 7), 1)
    assert result.end == date(2025, 2, 10)
    assert [d.day for d in result.skipped] == [date(2025, 2, 8), date(2025, 2, 9)]
    assert [d.reason for d in result.skipped] == ["Sabtu", "Minggu"]


def test_a_non_working_start_day_is_not_listed_as_skipped():
    result = default_calendar().add_working_days(date(2025, 2, 8), 1)
    assert result.end == date(2025, 2, 10)
    assert [d.day for d in result.skipped] == [date(2025, 2, 9)]


def test_zero_working_days_ends_on_the_start_day_itself():
    result = default_calendar().add_working_days(date(2025, 2, 8), 0)
    assert (result.end, result.skipped) == (date(2025, 2, 8), ())


def test_a_negative_number_of_working_days_is_refused():
    with pytest.raises(ValueError, match="negative"):
        default_calendar().add_working_days(date(2025, 2, 3), -1)


def test_a_datetime_is_refused_where_a_local_date_is_expected():
    with pytest.raises(TypeError, match="local date"):
        default_calendar().add_working_days(datetime(2025, 2, 3, 9, 0), 1)
    with pytest.raises(TypeError):
        default_calendar().is_working_day(datetime(2025, 2, 3, 9, 0))


@pytest.mark.parametrize(
    ("start", "n", "cuti_bersama_counts", "end"),
    [
        # Wed 24 Dec: (25 Natal, 26 cuti bersama, 27-28 weekend), 29, 30, 31.
        pytest.param(date(2025, 12, 24), 3, False, date(2025, 12, 31), id="over Christmas"),
        # Tue 30 Dec: 31, (1 Jan), Fri 2 Jan.
        pytest.param(date(2025, 12, 30), 2, False, date(2026, 1, 2), id="over New Year"),
        # Tue 23 Dec: 24, (25 Natal, 26 cuti bersama, weekend), Mon 29.
        pytest.param(date(2025, 12, 23), 2, False, date(2025, 12, 29), id="cuti bersama skipped"),
        # Tue 23 Dec: 24, (25 Natal), 26 counts -> Fri 26 Dec.
        pytest.param(date(2025, 12, 23), 2, True, date(2025, 12, 26), id="cuti bersama counted"),
        # Mon 22 Dec: 23, 24, 29, 30, 31, 2 Jan, 5, 6, 7, 8 -> Thu 8 Jan 2026.
        pytest.param(date(2025, 12, 22), 10, False, date(2026, 1, 8), id="ten days into 2026"),
    ],
)
def test_counting_crosses_the_year_end(start, n, cuti_bersama_counts, end):
    calendar = WorkingCalendar(cuti_bersama_is_working_day=cuti_bersama_counts)
    assert calendar.add_working_days(start, n).end == end


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param(date(2025, 2, 3), date(2025, 2, 17), 10, id="two plain weeks"),
        pytest.param(date(2025, 3, 27), date(2025, 4, 22), 10, id="over Lebaran 2025"),
        pytest.param(date(2025, 12, 22), date(2026, 1, 8), 10, id="over the year end"),
        pytest.param(date(2025, 4, 22), date(2025, 4, 24), 2, id="two days left: at risk"),
        pytest.param(date(2025, 2, 14), date(2025, 2, 17), 1, id="Friday to Monday"),
        pytest.param(date(2025, 2, 8), date(2025, 2, 9), 0, id="Saturday to Sunday"),
        pytest.param(date(2025, 2, 3), date(2025, 2, 3), 0, id="same day"),
        pytest.param(date(2025, 2, 17), date(2025, 2, 3), -10, id="backwards: overdue"),
    ],
)
def test_working_days_between_counts_after_start_up_to_and_including_end(start, end, expected):
    assert working_days_between(start, end) == expected
    assert working_days_between(start, end, default_calendar()) == expected


# --- Text for humans ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "calendar", "expected"),
    [
        pytest.param(
            date(2025, 3, 27),
            10,
            default_calendar(),
            "10 hari kerja; tidak dihitung: 28 Mar (cuti bersama Nyepi), 29 Mar (Nyepi), "
            "30 Mar (Minggu), 31 Mar–1 Apr (Idul Fitri), 2–4 Apr (cuti bersama Idul Fitri), "
            "5–6 Apr (Sabtu–Minggu), 7 Apr (cuti bersama Idul Fitri), 12–13 Apr (Sabtu–Minggu), "
            "18 Apr (Wafat Yesus Kristus), 19 Apr (Sabtu), 20 Apr (Kebangkitan Yesus Kristus)",
            id="Nyepi and Lebaran 2025",
        ),
        pytest.param(
            date(2025, 12, 22),
            10,
            default_calendar(),
            "10 hari kerja; tidak dihitung: 25 Des (Natal), 26 Des (cuti bersama Natal), "
            "27–28 Des (Sabtu–Minggu), 1 Jan (Tahun Baru Masehi), 3–4 Jan (Sabtu–Minggu)",
            id="year end",
        ),
        pytest.param(
            date(2027, 3, 5),
            3,
            default_calendar(),
            "3 hari kerja; tidak dihitung: 6–7 Mar (Sabtu–Minggu), 8 Mar (Nyepi), "
            "9 Mar (cuti bersama Idul Fitri), 10–11 Mar (Idul Fitri, perkiraan), "
            "12 Mar (cuti bersama Idul Fitri), 13–14 Mar (Sabtu–Minggu), "
            "15 Mar (cuti bersama Idul Fitri)",
            id="estimated dates flagged",
        ),
        pytest.param(
            date(2025, 2, 10),
            3,
            WorkingCalendar(extra_closures={date(2025, 2, 12): FLOOD, date(2025, 2, 13): FLOOD}),
            "3 hari kerja; tidak dihitung: 12–13 Feb (Kantor tutup: banjir), "
            "15–16 Feb (Sabtu–Minggu)",
            id="consecutive closures grouped",
        ),
        pytest.param(
            date(2025, 2, 3),
            1,
            default_calendar(),
            "1 hari kerja; tidak ada hari yang dilewati",
            id="nothing skipped",
        ),
    ],
)
def test_the_summary_groups_consecutive_skipped_days_in_indonesian(start, n, calendar, expected):
    assert calendar.add_working_days(start, n).summary == expected


def test_a_summary_can_be_rebuilt_from_stored_skipped_days():
    result = default_calendar().add_working_days(date(2025, 3, 27), 10)
    stored = [day.as_dict() for day in result.skipped]
    assert stored[0] == {
        "date": "2025-03-28",
        "kind": "cuti_bersama",
        "reason": "cuti bersama Nyepi",
        "estimated": False,
    }
    rebuilt = [NonWorkingDay.from_dict(item) for item in stored]
    assert tuple(rebuilt) == result.skipped
    assert summarise_skipped(10, rebuilt) == result.summary


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 4, 22), "Selasa, 22 April 2025"),
        (date(2025, 8, 17), "Minggu, 17 Agustus 2025"),
        (date(2026, 1, 2), "Jumat, 2 Januari 2026"),
    ],
)
def test_long_dates_are_written_in_indonesian(day, expected):
    assert format_long_date(day) == expected


# --- Properties ---------------------------------------------------------------------------


@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)),
    n=st.integers(min_value=0, max_value=45),
    cuti_bersama_counts=st.booleans(),
)
def test_counting_agrees_with_day_by_day_inspection(start, n, cuti_bersama_counts):
    calendar = WorkingCalendar(cuti_bersama_is_working_day=cuti_bersama_counts)
    result = calendar.add_working_days(start, n)
    between = [start + timedelta(days=i) for i in range(1, (result.end - start).days)]
    assert [d.day for d in result.skipped] == [d for d in between if not calendar.is_working_day(d)]
    assert calendar.working_days_between(start, result.end) == n
    if n > 0:
        assert calendar.is_working_day(result.end)
