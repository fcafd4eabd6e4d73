"""Finding personal data in free text: one detector for logs, Q&A redaction and public registers.

Pure functions, no database. `find(text)` returns `Finding`s (span, kind, matched text) in
reading order without overlaps; `redact(text)` replaces each with a label such as "[NIK]".

What is found:
- NIK: 16 digits standing alone, written plain or grouped with single spaces, dots or hyphens
  ("3201 0101 9001 0001", "5371.0441.0790.9431", "3201-0101-9001-0001"). The birth date
  inside is not checked: a mistyped NIK is still someone's NIK;
- NIP: 18 digits standing alone, grouped the same way ("19900101 201503 1 001");
- mobile numbers: 08…, +62 8…, 62 8… with spaces, dots or hyphens between groups;
- landline numbers: (021) 555-1234 and 021-5551234;
- e-mail addresses.

Full-width and other Unicode decimal digits ("３２０１…") count as digits, and the text is
also read URL-decoded ("3201%200101…", "%2B62812…", "warga%40contoh.id", "+" for a space),
because query strings and copied links carry data in that form. Spans always point into the
text as given.

Not personal data: numbers glued to other digits, to a "/" register number or to "Rp"
("0001/PPID-BKD/XI/2026", "Rp1.500.000"), dates, years, and digit runs of other lengths.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

NIK = "nik"
NIP = "nip"
PHONE = "telepon"
EMAIL = "surel"

LABELS = {NIK: "[NIK]", NIP: "[NIP]", PHONE: "[TELEPON]", EMAIL: "[SUREL]"}

# A digit run stands alone when no digit (or digit + separator) touches it and it is not an
# amount of money. Letters may touch it: "NIK3201…" and "nik=3201…" are still a NIK.
_SEP = r"[ .\-]"
_DIGIT_RUN = re.compile(
    r"(?<!\d)(?<!\d[ .\-])(?<!Rp)(?<!Rp )(?<!Rp\.)(?<!IDR)(?<!IDR )"
    r"\d(?:" + _SEP + r"?\d){11,25}"
    r"(?!" + _SEP + r"?\d)"
)
_NUMBER_BEFORE = r"(?<![\w.\-])(?<!Rp)(?<!Rp )"
_NUMBER_AFTER = r"(?![\w\-]|[.,]\d)"
_PHONE = re.compile(
    _NUMBER_BEFORE
    + r"(?:"
    + r"(?:\+62|62|0)[\s.\-]?8\d{1,3}(?:[\s.\-]?\d{2,4}){2,3}"  # mobile: 0812-3456-7890
    + r"|\(0\d{1,3}\)\s?\d{3,4}[\s.\-]?\d{3,4}"  # landline: (021) 555-1234
    + r"|0\d{1,3}-\d{3,4}-?\d{3,4}"  # landline: 021-5551234
    + r")"
    + _NUMBER_AFTER
)
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")

# Full-width punctuation that carries a phone number or an address, mapped one to one.
_WIDE = {"\u3000": " ", "\uff0b": "+", "\uff20": "@", "\uff0e": ".", "\uff0d": "-"}


@dataclass(frozen=True, order=True)
class Finding:
    start: int
    end: int
    kind: str
    text: str


def _ascii_digits(text: str) -> str:
    """`text` with every Unicode decimal digit as its ASCII digit; same length, same offsets."""
    if text.isascii():
        return text
    chars = []
    for char in text:
        if char in _WIDE:
            chars.append(_WIDE[char])
        elif not char.isascii() and char.isdecimal():
            chars.append(str(unicodedata.decimal(char)))
        else:
            chars.append(char)
    return "".join(chars)


def _url_decoded(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """`text` with %XX (ASCII only) and "+" decoded, and for each character its source span.

    None when there is nothing to decode. Decoding repeats (at most three times) so that a
    doubly encoded "%2520" is read as a space too.
    """
    if "%" not in text and "+" not in text:
        return None
    spans = [(i, i + 1) for i in range(len(text))]
    current = text
    for _round in range(3):
        chars: list[str] = []
        new_spans: list[tuple[int, int]] = []
        i = 0
        while i < len(current):
            match = _PERCENT.match(current, i) if current[i] == "%" else None
            if match and int(match.group(1), 16) < 0x80:
                chars.append(chr(int(match.group(1), 16)))
                new_spans.append((spans[i][0], spans[i + 2][1]))
                i += 3
                continue
            # "+" means a space in a query string, except in front of a country code.
            plus_is_space = current[i] == "+" and current[i + 1 : i + 3] != "62"
            chars.append(" " if plus_is_space else current[i])
            new_spans.append(spans[i])
            i += 1
        decoded = "".join(chars)
        if decoded == current:
            break
        current, spans = decoded, new_spans
    if current == text:
        return None
    return current, spans


def _digit_kind(run: str) -> str | None:
    return {16: NIK, 18: NIP}.get(sum(char.isdigit() for char in run))


def _scan(text: str) -> list[tuple[int, int, str]]:
    found = [(m.start(), m.end(), EMAIL) for m in _EMAIL.finditer(text)]
    for match in _DIGIT_RUN.finditer(text):
        kind = _digit_kind(match.group())
        if kind:
            found.append((match.start(), match.end(), kind))
    found += [(m.start(), m.end(), PHONE) for m in _PHONE.finditer(text)]
    return found


def _without_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Keep the earliest, then longest finding where findings overlap."""
    kept: list[Finding] = []
    for finding in sorted(set(findings), key=lambda f: (f.start, -(f.end - f.start), f.kind)):
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def find(text: str) -> list[Finding]:
    """Every NIK, NIP, phone number and e-mail address in `text`, in reading order."""
    text = text or ""
    plain = _ascii_digits(text)
    findings = [Finding(s, e, kind, text[s:e]) for s, e, kind in _scan(plain)]
    decoded = _url_decoded(plain)
    if decoded:
        view, spans = decoded
        for s, e, kind in _scan(view):
            start, end = spans[s][0], spans[e - 1][1]
            findings.append(Finding(start, end, kind, text[start:end]))
    return _without_overlaps(findings)


def contains_personal_data(text: str) -> bool:
    return bool(find(text))


def redact(text: str, labels: dict[str, str] | None = None) -> str:
    """`text` with every finding replaced by its label ("[NIK]", "[TELEPON]", …)."""
    labels = labels or LABELS
    result = text or ""
    for finding in reversed(find(result)):
        result = result[: finding.start] + labels[finding.kind] + result[finding.end :]
    return result
