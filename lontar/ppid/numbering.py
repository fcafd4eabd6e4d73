"""Registration numbers: gap-free per agency and year, in the agency's own pattern.

An agency admin writes the pattern, so it is data, never code: a small template language of
allowed tokens read by `parse_pattern`, never `str.format`. Every pattern that parses renders
a number of bounded length for any sequence up to 99,999,999, so a saved pattern can never
make a later submission fail.

Tokens: {nomor} (the sequence, zero-padded to 4), {nomor:N} (padded to N, 1-8), {tahun},
{bulan} (two digits), {bulan:N} (padded to N, 1-2), {bulan_romawi}, {singkatan} (the agency's
short name). {nomor:0Nd} is read as {nomor:N}: the form of patterns saved before this language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from lontar.agencies.models import Agency

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

DEFAULT_PATTERN = "{nomor}/PPID-{singkatan}/{bulan_romawi}/{tahun}"
MAX_PATTERN_LENGTH = 60
# The widest number a pattern can give (checked with the agency's own short name) must fit the
# stored column, InformationRequest.number.
MAX_NUMBER_LENGTH = 80
MAX_SEQUENCE = 99_999_999
LITERAL_CHARACTERS = "huruf, angka, spasi, dan . / - _ ( )"
_LITERAL = re.compile(r"[A-Za-z0-9 ./\-_()]*")
_TOKEN = re.compile(r"\{([^{}]*)\}")
_WIDTH = re.compile(r"(?:0?([0-9]{1,9})d|([0-9]{1,9}))")
# token: (default width or None when the token takes no width, largest width allowed)
TOKENS: dict[str, tuple[int | None, int]] = {
    "nomor": (4, 8),
    "bulan": (2, 2),
    "tahun": (None, 0),
    "bulan_romawi": (None, 0),
    "singkatan": (None, 0),
}
REQUIRED_TOKENS = ("nomor", "tahun")
TOKEN_HELP = "{nomor}, {nomor:N}, {tahun}, {bulan}, {bulan_romawi}, {singkatan}"


class NumberPatternError(ValueError):
    """A pattern the language does not allow; `message` is shown beside the field."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Token:
    name: str
    width: int | None = None


Part = str | Token


def _token(text: str) -> Token:
    name, _sep, spec = text.partition(":")
    if name not in TOKENS:
        raise NumberPatternError(
            _("Kunci {%(token)s} tidak dikenal. Kunci yang boleh: %(allowed)s.")
            % {"token": text[:40], "allowed": TOKEN_HELP}
        )
    default, largest = TOKENS[name]
    if not _sep:
        return Token(name, default)
    match = _WIDTH.fullmatch(spec)
    if default is None or match is None:
        raise NumberPatternError(
            _("Kunci {%(token)s} tidak boleh diberi lebar seperti itu.") % {"token": text[:40]}
        )
    width = int(match.group(1) or match.group(2))
    if not 1 <= width <= largest:
        raise NumberPatternError(
            _("Lebar pada {%(token)s} harus 1 sampai %(largest)s.")
            % {"token": text[:40], "largest": largest}
        )
    return Token(name, width)


def _literal(text: str) -> str:
    if not _LITERAL.fullmatch(text):
        bad = next(char for char in text if not _LITERAL.fullmatch(char))
        if bad in "{}":
            raise NumberPatternError(
                _("Kurung kurawal “%(char)s” tanpa pasangan; kunci ditulis seperti {nomor}.")
                % {"char": bad}
            )
        raise NumberPatternError(
            _("Karakter “%(char)s” tidak boleh dipakai. Gunakan %(allowed)s.")
            % {"char": bad, "allowed": LITERAL_CHARACTERS}
        )
    return text


def parse_pattern(pattern: str) -> tuple[Part, ...]:
    """The literal texts and tokens of a pattern, or NumberPatternError naming the problem."""
    if not pattern or not pattern.strip():
        raise NumberPatternError(_("Format nomor tidak boleh kosong."))
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise NumberPatternError(
            _("Format nomor paling panjang %(max)s karakter.") % {"max": MAX_PATTERN_LENGTH}
        )
    parts: list[Part] = []
    position = 0
    for match in _TOKEN.finditer(pattern):
        if match.start() > position:
            parts.append(_literal(pattern[position : match.start()]))
        parts.append(_token(match.group(1)))
        position = match.end()
    if position < len(pattern):
        parts.append(_literal(pattern[position:]))
    names = [part.name for part in parts if isinstance(part, Token)]
    for name in names:
        if names.count(name) > 1:
            raise NumberPatternError(
                _("Kunci {%(token)s} hanya boleh dipakai sekali.") % {"token": name}
            )
    for name in REQUIRED_TOKENS:
        if name not in names:
            raise NumberPatternError(
                _("Format nomor harus memuat {%(token)s} agar setiap nomor berbeda.")
                % {"token": name}
            )
    return tuple(parts)


def _clean_short_name(short_name: str) -> str:
    return short_name.replace(" ", "").replace(".", "")


def render_number(
    pattern: str | tuple[Part, ...], *, sequence: int, received_on: date, short_name: str
) -> str:
    """E.g. "{nomor}/PPID-{singkatan}/{bulan_romawi}/{tahun}" → "0123/PPID-BKD/XI/2026"."""
    parts = parse_pattern(pattern) if isinstance(pattern, str) else pattern
    values = {
        "nomor": sequence,
        "bulan": received_on.month,
        "tahun": received_on.year,
        "bulan_romawi": ROMAN_MONTHS[received_on.month - 1],
        "singkatan": _clean_short_name(short_name),
    }
    pieces = []
    for part in parts:
        if isinstance(part, str):
            pieces.append(part)
        elif part.width is None:
            pieces.append(str(values[part.name]))
        else:
            pieces.append(str(values[part.name]).zfill(part.width))
    return "".join(pieces)


def check_pattern(pattern: str, short_name: str) -> str:
    """Validate a pattern for an agency; return its widest possible number.

    Raises NumberPatternError when the pattern is not in the language or when its longest
    number (sequence 99,999,999 in September with this short name) is too long.
    """
    parts = parse_pattern(pattern)
    widest = render_number(
        parts, sequence=MAX_SEQUENCE, received_on=date(9999, 8, 1), short_name=short_name
    )
    if len(widest) > MAX_NUMBER_LENGTH:
        raise NumberPatternError(
            _(
                "Nomor dari format ini bisa sepanjang %(length)s karakter (dengan nomor urut "
                "dan nama singkat terpanjang); paling banyak %(max)s. Kurangi teks tetap."
            )
            % {"length": len(widest), "max": MAX_NUMBER_LENGTH}
        )
    return widest


def format_registration_number(
    template: str, *, sequence: int, received_on: date, short_name: str
) -> str:
    """The number for a request; an unusable stored pattern falls back to the default.

    Patterns are checked when saved and by the data migration, so the fallback only guards
    rows written around the admin (a shell, a fixture): a citizen's request is never lost.
    """
    try:
        check_pattern(template, short_name)
    except NumberPatternError:
        template = DEFAULT_PATTERN
    return render_number(
        template, sequence=sequence, received_on=received_on, short_name=short_name
    )


_LEGACY_BARE = {"{nomor}": "{nomor:1}", "{bulan}": "{bulan:1}"}


def upgrade_legacy_pattern(old: str, short_name: str) -> str:
    """A pattern saved for the old str.format numbering, in this language with the same output.

    Old bare {nomor}/{bulan} were unpadded, so they become {nomor:1}/{bulan:1}; {x:0Nd} keeps
    its meaning. Anything that is not a valid pattern afterwards becomes the default.
    """
    new = _TOKEN.sub(lambda match: _LEGACY_BARE.get(match.group(0), match.group(0)), old or "")
    new = re.sub(
        r"\{(nomor|bulan):0?([0-9]{1,9})d\}", lambda m: f"{{{m.group(1)}:{m.group(2)}}}", new
    )
    if new == "{nomor:4}/PPID-{singkatan}/{bulan_romawi}/{tahun}":
        return DEFAULT_PATTERN
    try:
        check_pattern(new, short_name)
    except NumberPatternError:
        return DEFAULT_PATTERN
    return new


def next_sequence(agency: Agency, year: int) -> int:
    """Take the next number inside the caller's transaction.

    The counter row is locked (SELECT … FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE
    transactions serialise writers), so concurrent submissions queue up and the numbers stay
    consecutive; a rolled-back submission gives its number back.
    """
    from lontar.ppid.models import RegistrationCounter

    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_sequence must run inside transaction.atomic()")
    RegistrationCounter.objects.get_or_create(agency=agency, year=year)
    counter = RegistrationCounter.objects.select_for_update().get(agency=agency, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number
