"""NIK plausibility checks. The NIKs here are made up from their parts (5371 = Kota Kupang);
each expected birth date was decoded by hand."""

import re
from datetime import date

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from lontar.ppid.nik import (
    PROVINCE_CODES,
    InvalidNIK,
    NikBirthInfo,
    Sex,
    nik_birth_date_and_sex,
    validate_nik,
)

TODAY = date(2025, 6, 1)
# 53 NTT, 71 Kota Kupang, 01 district, born 15-08-90 (a man), serial 0001.
VALID = "5371011508900001"
# As typed on some phone keyboards: U+FF10 to U+FF19.
FULL_WIDTH_VALID = "".join(chr(ord(digit) - ord("0") + 0xFF10) for digit in VALID)


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param("5371011508900001", id="plain digits"),
        pytest.param("5371 0115 0890 0001", id="grouped with spaces"),
        pytest.param("5371.0115.0890.0001", id="grouped with dots"),
        pytest.param("  5371011508900001\n", id="surrounding whitespace"),
        pytest.param("5371\u00a00115\u00a00890\u00a00001", id="non-breaking spaces"),
        pytest.param(FULL_WIDTH_VALID, id="full-width digits"),
    ],
)
def test_a_valid_nik_is_returned_as_sixteen_plain_digits(typed):
    assert validate_nik(typed, today=TODAY) == VALID


@pytest.mark.parametrize(
    ("typed", "code", "message"),
    [
        ("", "required", "NIK wajib diisi."),
        (" . ", "required", "NIK wajib diisi."),
        ("537101150890001", "length", "NIK harus 16 angka; Anda mengetik 15."),
        ("53710115089000011", "length", "NIK harus 16 angka; Anda mengetik 17."),
        (
            "53710115089O0001",
            "characters",
            "NIK hanya boleh berisi angka; ada karakter 'O' yang bukan angka.",
        ),
        (
            "5371-0115-0890-0001",
            "characters",
            "NIK hanya boleh berisi angka; ada karakter '-' yang bukan angka.",
        ),
        ("9971011508900001", "province", "Kode provinsi 99 pada NIK tidak dikenal."),
        ("2071011508900001", "province", "Kode provinsi 20 pada NIK tidak dikenal."),
        (
            "5300011508900001",
            "regency",
            "Kode kabupaten/kota pada NIK (angka ke-3 dan ke-4) tidak boleh 00.",
        ),
        (
            "5371001508900001",
            "district",
            "Kode kecamatan pada NIK (angka ke-5 dan ke-6) tidak boleh 00.",
        ),
        (
            "5371010008900001",
            "birth_day",
            "Tanggal lahir pada NIK tidak mungkin: angka tanggal (00) harus 01–31, "
            "atau 41–71 untuk perempuan.",
        ),
        (
            "5371013508900001",
            "birth_day",
            "Tanggal lahir pada NIK tidak mungkin: angka tanggal (35) harus 01–31, "
            "atau 41–71 untuk perempuan.",
        ),
        (
            "5371017208900001",
            "birth_day",
            "Tanggal lahir pada NIK tidak mungkin: angka tanggal (72) harus 01–31, "
            "atau 41–71 untuk perempuan.",
        ),
        (
            "5371011513900001",
            "birth_month",
            "Bulan lahir pada NIK (13) tidak mungkin; harus 01–12.",
        ),
        (
            "5371011500900001",
            "birth_month",
            "Bulan lahir pada NIK (00) tidak mungkin; harus 01–12.",
        ),
        ("5371013102900001", "birth_date", "Tanggal lahir pada NIK (31-02-…) tidak ada."),
        # A woman's 31 February: 71 - 40 = 31.
        ("5371017102900001", "birth_date", "Tanggal lahir pada NIK (31-02-…) tidak ada."),
        ("5371013104900001", "birth_date", "Tanggal lahir pada NIK (31-04-…) tidak ada."),
        # 29 February of '01: neither 2001 nor 1901 is a leap year.
        ("5371012902010001", "birth_date", "Tanggal lahir pada NIK (29-02-…) tidak ada."),
        (
            "5371011508900000",
            "serial",
            "Nomor urut pada NIK (4 angka terakhir) tidak boleh 0000.",
        ),
    ],
)
def test_an_implausible_nik_is_refused_with_a_specific_indonesian_message(typed, code, message):
    with pytest.raises(InvalidNIK) as caught:
        validate_nik(typed, today=TODAY)
    assert str(caught.value) == message
    assert caught.value.message == message
    assert caught.value.code == code


def test_invalid_nik_is_a_value_error_so_forms_can_catch_it_generically():
    with pytest.raises(ValueError):
        validate_nik("123", today=TODAY)


def test_a_nik_that_is_not_a_string_is_a_programming_error():
    with pytest.raises(TypeError):
        validate_nik(5371011508900001, today=TODAY)  # type: ignore[arg-type]


def test_there_are_38_province_codes():
    assert len(PROVINCE_CODES) == 38
    assert PROVINCE_CODES["53"] == "Nusa Tenggara Timur"
    assert PROVINCE_CODES["11"] == "Aceh"


@pytest.mark.parametrize("code", sorted(PROVINCE_CODES))
def test_every_province_code_is_accepted(code):
    assert validate_nik(f"{code}71011508900001", today=TODAY).startswith(code)


@pytest.mark.parametrize(
    "code", ["00", "10", "20", "22", "30", "37", "50", "54", "60", "66", "77", "80", "83", "97"]
)
def test_codes_that_are_not_provinces_are_refused(code):
    with pytest.raises(InvalidNIK, match=f"Kode provinsi {code} "):
        validate_nik(f"{code}71011508900001", today=TODAY)


@pytest.mark.parametrize(
    ("nik", "today", "birth_date", "sex"),
    [
        pytest.param(VALID, TODAY, date(1990, 8, 15), Sex.MALE, id="a man born 1990"),
        # 41 - 40 = 1 July 1990.
        pytest.param("5371014107900002", TODAY, date(1990, 7, 1), Sex.FEMALE, id="a woman"),
        # 69 - 40 = 29 February 2000, a leap year.
        pytest.param("5371016902000002", TODAY, date(2000, 2, 29), Sex.FEMALE, id="leap day"),
        pytest.param("5371010101240001", TODAY, date(2024, 1, 1), Sex.MALE, id="a baby"),
        # 1 June 2025 is today: age 0 is fine.
        pytest.param("5371010106250001", TODAY, date(2025, 6, 1), Sex.MALE, id="born today"),
        # 2 June 2025 would be tomorrow, so '25 means 1925.
        pytest.param("5371010206250001", TODAY, date(1925, 6, 2), Sex.MALE, id="born 1925"),
        pytest.param("5371010112250001", TODAY, date(1925, 12, 1), Sex.MALE, id="December '25"),
        # On 1 January 2101, '01 can already mean 2101.
        pytest.param(
            "5371010101010001", date(2101, 1, 1), date(2101, 1, 1), Sex.MALE, id="next century"
        ),
    ],
)
def test_birth_date_and_sex_are_decoded_with_the_century_that_is_not_in_the_future(
    nik, today, birth_date, sex
):
    assert nik_birth_date_and_sex(nik, today=today) == NikBirthInfo(birth_date, sex)


def test_a_birth_date_that_can_only_be_in_the_future_is_refused():
    # On 1 Feb 2000, 29-02-00 is either 29 Feb 2000 (future) or 29 Feb 1900 (did not exist).
    with pytest.raises(InvalidNIK, match="masa depan") as caught:
        validate_nik("5371016902000002", today=date(2000, 2, 1))
    assert caught.value.code == "birth_future"


def test_a_birth_date_meaning_an_age_over_120_is_refused():
    # In 2125, 29-02-00 cannot be 2100 (not a leap year), and 2000 means 124 years old.
    with pytest.raises(InvalidNIK, match="120 tahun") as caught:
        validate_nik("5371012902000001", today=date(2125, 1, 1))
    assert caught.value.code == "birth_age"


def test_today_defaults_to_the_current_date():
    with time_machine.travel(date(2025, 6, 1)):
        assert nik_birth_date_and_sex("5371010206250001").birth_date == date(1925, 6, 2)
    with time_machine.travel(date(2025, 6, 3)):
        assert nik_birth_date_and_sex("5371010206250001").birth_date == date(2025, 6, 2)


def test_the_birth_helper_refuses_an_invalid_nik():
    with pytest.raises(InvalidNIK, match="Kode provinsi 99"):
        nik_birth_date_and_sex("9971011508900001", today=TODAY)


# --- Personal data ------------------------------------------------------------------------

LONG_DIGIT_RUN = re.compile(r"\d{5,}")


@given(st.text(alphabet="0123456789", min_size=16, max_size=16))
def test_no_error_message_repeats_the_nik(nik):
    try:
        validate_nik(nik, today=TODAY)
    except InvalidNIK as error:
        for text in (str(error), repr(error), *map(str, error.args)):
            assert nik not in text
            assert not LONG_DIGIT_RUN.search(text)


@given(st.text(max_size=30))
def test_any_typed_text_is_either_accepted_or_refused_with_invalid_nik(text):
    try:
        result = validate_nik(text, today=TODAY)
    except InvalidNIK:
        return
    assert re.fullmatch(r"\d{16}", result)


@given(
    province=st.sampled_from(sorted(PROVINCE_CODES)),
    regency=st.integers(min_value=1, max_value=99),
    district=st.integers(min_value=1, max_value=99),
    birth_date=st.dates(min_value=date(1926, 1, 1), max_value=TODAY),
    sex=st.sampled_from(Sex),
    serial=st.integers(min_value=1, max_value=9999),
)
def test_a_nik_built_from_valid_parts_round_trips(
    province, regency, district, birth_date, sex, serial
):
    day = birth_date.day + (40 if sex is Sex.FEMALE else 0)
    nik = (
        f"{province}{regency:02d}{district:02d}"
        f"{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"
    )
    assert validate_nik(nik, today=TODAY) == nik
    assert nik_birth_date_and_sex(nik, today=TODAY) == (birth_date, sex)
