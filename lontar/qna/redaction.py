"""Finding personal data in a question or answer before it is published, and masking it.

Pure functions, no database: `detect(text, names)` returns the hits (kind and span), and
`apply(text, hits)` replaces the chosen hits with "[disamarkan]".

What is looked for:
- NIK: exactly 16 digits standing alone (spaces or dots between groups are allowed);
- NIP: exactly 18 digits standing alone (a civil servant's number, often written 8 6 1 3);
- phone numbers: 08…, +62 8…, 62 8…, (021) …, with spaces, dots or dashes between groups;
- e-mail addresses;
- the names the asker gave (each full name, and each word of it of 3+ letters, case-insensitive).

Numbers inside longer tokens (registration numbers such as 0123/PPID-BKD/XI/2026, amounts such
as Rp1.500.000, years) are not digits "standing alone" and are not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MASK = "[disamarkan]"

KIND_NIK = "nik"
KIND_NIP = "nip"
KIND_PHONE = "telepon"
KIND_EMAIL = "surel"
KIND_NAME = "nama"

KIND_LABELS = {
    KIND_NIK: "NIK",
    KIND_NIP: "NIP",
    KIND_PHONE: "Nomor telepon",
    KIND_EMAIL: "Alamat surel",
    KIND_NAME: "Nama",
}

# A number stands alone when it is not glued to letters, digits, "/", "-", "." or "Rp".
_BEFORE = r"(?<![\w/.\-])(?<!Rp)(?<!Rp\s)"
_AFTER = r"(?![\w/\-]|\.\d)"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Digit groups separated by a single space or dot (e.g. 3201 0101 9001 0001 or 1990.01.01 ...).
_DIGITS = re.compile(_BEFORE + r"\d(?:[ .]?\d){11,25}" + _AFTER)
_PHONE = re.compile(
    _BEFORE
    + r"(?:"
    + r"(?:\+62|62|0)[\s.\-]?8\d{1,3}(?:[\s.\-]?\d{2,4}){2,3}"  # mobile: 0812-3456-7890
    + r"|\(0\d{1,3}\)\s?\d{3,4}[\s.\-]?\d{3,4}"  # landline: (021) 555-1234
    + r"|0\d{1,3}-\d{3,4}-?\d{3,4}"  # landline: 021-5551234
    + r")"
    + _AFTER
)
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True, order=True)
class Hit:
    start: int
    end: int
    kind: str
    text: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


def _digit_hits(text: str) -> list[Hit]:
    hits = []
    for match in _DIGITS.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        kind = {16: KIND_NIK, 18: KIND_NIP}.get(len(digits))
        if kind:
            hits.append(Hit(match.start(), match.end(), kind, match.group()))
    return hits


def _name_hits(text: str, names: Iterable[str]) -> list[Hit]:
    hits = []
    patterns: set[str] = set()
    for name in names:
        name = " ".join((name or "").split())
        if not name:
            continue
        patterns.add(name)
        patterns.update(_WORD.findall(name))
    # Longest first, so the full name wins over its parts.
    for pattern in sorted(patterns, key=len, reverse=True):
        regex = re.compile(r"(?<!\w)" + re.escape(pattern).replace(r"\ ", r"\s+") + r"(?!\w)",
                           re.IGNORECASE)
        hits.extend(Hit(m.start(), m.end(), KIND_NAME, m.group()) for m in regex.finditer(text))
    return hits


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the earliest, then longest hit where hits overlap."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def detect(text: str, names: Iterable[str] = ()) -> list[Hit]:
    """Every piece of personal data found in `text`, in reading order, without overlaps."""
    text = text or ""
    hits = [Hit(m.start(), m.end(), KIND_EMAIL, m.group()) for m in _EMAIL.finditer(text)]
    hits += _digit_hits(text)
    hits += [Hit(m.start(), m.end(), KIND_PHONE, m.group()) for m in _PHONE.finditer(text)]
    hits += _name_hits(text, names)
    return _without_overlaps(hits)


def apply(text: str, hits: Iterable[Hit]) -> str:
    """`text` with each chosen hit replaced by "[disamarkan]"."""
    result = text
    for hit in sorted(set(hits), key=lambda h: h.start, reverse=True):
        if result[hit.start:hit.end] == hit.text:
            result = result[:hit.start] + MASK + result[hit.end:]
    return result


def redact_all(text: str, names: Iterable[str] = ()) -> str:
    return apply(text, detect(text, names))
