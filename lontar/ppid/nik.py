"""Plausibility check of the Indonesian NIK (Nomor Induk Kependudukan).

A NIK has 16 digits: province (2), regency/city (2), district (2), birth date DDMMYY with 40
added to the day for women (6), and a serial number (4). Only Dukcapil can say whether a NIK
really exists; this module catches typing mistakes and impossible numbers.

The NIK is personal data (UU 27/2022): error messages name the failing part only, never the
whole number, and nothing here logs it.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from enum import StrEnum
from typing import NamedTuple

__all__ = [
    "NIK_LENGTH",
    "PROVINCE_CODES",
    "InvalidNIK",
    "NikBirthInfo",
    "Sex",
    "nik_birth_date_and_sex",
    "validate_nik",
]

NIK_LENGTH = 16
MAX_AGE_YEARS = 120
_FEMALE_DAY_OFFSET = 40

# Province codes of the Kemendagri area code list (38 provinces since the 2022 Papua split).
# Codes stay valid for people registered before a province was split, as their NIK keeps them.
PROVINCE_CODES: dict[str, str] = {
    "11": "Aceh",
    "12": "Sumatera Utara",
    "13": "Sumatera Barat",
    "14": "Riau",
    "15": "Jambi",
    "16": "Sumatera Selatan",
    "17": "Bengkulu",
    "18": "Lampung",
    "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau",
    "31": "DKI Jakarta",
    "32": "Jawa Barat",
    "33": "Jawa Tengah",
    "34": "DI Yogyakarta",
    "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali",
    "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat",
    "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur",
    "65": "Kalimantan Utara",
    "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah",
    "73": "Sulawesi Selatan",
    "74": "Sulawesi Tenggara",
    "75": "Gorontalo",
    "76": "Sulawesi Barat",
    "81": "Maluku",
    "82": "Maluku Utara",
    "91": "Papua",
    "92": "Papua Barat",
    "93": "Papua Selatan",
    "94": "Papua Tengah",
    "95": "Papua Pegunungan",
    "96": "Papua Barat Daya",
}

# Separators people type when copying the number from a KTP; anything else is an error.
_SEPARATORS = frozenset(" .")
_DIGITS = frozenset("0123456789")


class InvalidNIK(ValueError):
    """The NIK is not plausible. ``code`` is a stable key (e.g. for a form error code)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class Sex(StrEnum):
    # KTP wording: L = laki-laki, P = perempuan.
    MALE = "L"
    FEMALE = "P"


class NikBirthInfo(NamedTuple):
    birth_date: date
    sex: Sex


def _normalise(value: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"NIK must be given as a string, not {type(value)!r}")
    # NFKC turns full-width digits and non-breaking spaces (from phone keyboards and PDFs)
    # into their plain forms.
    text = unicodedata.normalize("NFKC", value)
    kept: list[str] = []
    for char in text:
        if char in _DIGITS:
            kept.append(char)
        elif char in _SEPARATORS or char.isspace():
            continue
        else:
            raise InvalidNIK(
                f"NIK hanya boleh berisi angka; ada karakter {char!r} yang bukan angka.",
                "characters",
            )
    digits = "".join(kept)
    if not digits:
        raise InvalidNIK("NIK wajib diisi.", "required")
    if len(digits) != NIK_LENGTH:
        raise InvalidNIK(f"NIK harus {NIK_LENGTH} angka; Anda mengetik {len(digits)}.", "length")
    return digits


def _check_region(digits: str) -> None:
    province = digits[0:2]
    if province not in PROVINCE_CODES:
        raise InvalidNIK(f"Kode provinsi {province} pada NIK tidak dikenal.", "province")
    if digits[2:4] == "00":
        raise InvalidNIK(
            "Kode kabupaten/kota pada NIK (angka ke-3 dan ke-4) tidak boleh 00.", "regency"
        )
    if digits[4:6] == "00":
        raise InvalidNIK(
            "Kode kecamatan pada NIK (angka ke-5 dan ke-6) tidak boleh 00.", "district"
        )


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _decode_birth(digits: str, today: date) -> NikBirthInfo:
    encoded_day, month, two_digit_year = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if 1 <= encoded_day <= 31:
        day, sex = encoded_day, Sex.MALE
    elif 1 + _FEMALE_DAY_OFFSET <= encoded_day <= 31 + _FEMALE_DAY_OFFSET:
        day, sex = encoded_day - _FEMALE_DAY_OFFSET, Sex.FEMALE
    else:
        raise InvalidNIK(
            f"Tanggal lahir pada NIK tidak mungkin: angka tanggal ({digits[6:8]}) harus "
            "01–31, atau 41–71 untuk perempuan.",
            "birth_day",
        )
    if not 1 <= month <= 12:
        raise InvalidNIK(
            f"Bulan lahir pada NIK ({digits[8:10]}) tidak mungkin; harus 01–12.", "birth_month"
        )

    # Only two year digits: take the latest century that puts the birth on or before today.
    century = today.year // 100 * 100
    candidates = [
        d
        for d in (
            _safe_date(century + two_digit_year, month, day),
            _safe_date(century - 100 + two_digit_year, month, day),
        )
        if d is not None
    ]
    if not candidates:
        # The year is elided on purpose: the message is about the day and month only.
        raise InvalidNIK(
            f"Tanggal lahir pada NIK ({day:02d}-{month:02d}-…) tidak ada.", "birth_date"
        )
    past = [d for d in candidates if d <= today]
    if not past:
        raise InvalidNIK("Tanggal lahir pada NIK jatuh di masa depan.", "birth_future")
    birth = past[0]
    had_birthday = (today.month, today.day) >= (birth.month, birth.day)
    age = today.year - birth.year - (0 if had_birthday else 1)
    if age > MAX_AGE_YEARS:
        raise InvalidNIK(
            f"Tanggal lahir pada NIK berarti umur lebih dari {MAX_AGE_YEARS} tahun.", "birth_age"
        )
    return NikBirthInfo(birth, sex)


def _check_serial(digits: str) -> None:
    if digits[12:16] == "0000":
        raise InvalidNIK("Nomor urut pada NIK (4 angka terakhir) tidak boleh 0000.", "serial")


def _today(today: date | None) -> date:
    # The server's local date is precise enough for a plausibility check of a birth date.
    return today if today is not None else date.today()  # noqa: DTZ011


def validate_nik(value: str, *, today: date | None = None) -> str:
    """Return the NIK as 16 plain digits, or raise :class:`InvalidNIK` with an Indonesian message.

    Spaces and dots are removed first. ``today`` (default: today) bounds the birth date:
    the person must be 0 to 120 years old.
    """
    digits = _normalise(value)
    _check_region(digits)
    _decode_birth(digits, _today(today))
    _check_serial(digits)
    return digits


def nik_birth_date_and_sex(nik: str, *, today: date | None = None) -> NikBirthInfo:
    """Birth date and sex encoded in a NIK; raises :class:`InvalidNIK` if it is not plausible."""
    day = _today(today)
    return _decode_birth(validate_nik(nik, today=day), day)
