"""Finding personal data in a question or answer before it is published, and masking it.

Pure functions, no database: `detect(text, names)` returns the hits (kind and span), and
`apply(text, hits)` replaces the chosen hits with "[disamarkan]".

What is looked for:
- NIK, NIP, phone numbers and e-mail addresses, found by the one detector every part of Lontar
  uses (`lontar.core.personal_data`: grouped, full-width and URL-encoded forms included);
- the names the asker gave (each full name, and each word of it of 3+ letters, case-insensitive).

Numbers inside longer tokens (registration numbers such as 0123/PPID-BKD/XI/2026, amounts such
as Rp1.500.000, years) are not digits "standing alone" and are not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lontar.core import personal_data

MASK = "[disamarkan]"

KIND_NIK = personal_data.NIK
KIND_NIP = personal_data.NIP
KIND_PHONE = personal_data.PHONE
KIND_EMAIL = personal_data.EMAIL
KIND_NAME = "nama"

KIND_LABELS = {
    KIND_NIK: "NIK",
    KIND_NIP: "NIP",
    KIND_PHONE: "Nomor telepon",
    KIND_EMAIL: "Alamat surel",
    KIND_NAME: "Nama",
}

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


def _name_hits(text: str, names: Iterable[str]) -> list[Hit]:
    hits: list[Hit] = []
    patterns: set[str] = set()
    for name in names:
        name = " ".join((name or "").split())
        if not name:
            continue
        patterns.add(name)
        patterns.update(_WORD.findall(name))
    # Longest first, so the full name wins over its parts.
    for pattern in sorted(patterns, key=len, reverse=True):
        regex = re.compile(
            r"(?<!\w)" + re.escape(pattern).replace(r"\ ", r"\s+") + r"(?!\w)", re.IGNORECASE
        )
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
    hits = [Hit(f.start, f.end, f.kind, f.text) for f in personal_data.find(text)]
    hits += _name_hits(text, names)
    return _without_overlaps(hits)


def apply(text: str, hits: Iterable[Hit]) -> str:
    """`text` with each chosen hit replaced by "[disamarkan]"."""
    result = text
    for hit in sorted(set(hits), key=lambda h: h.start, reverse=True):
        if result[hit.start : hit.end] == hit.text:
            result = result[: hit.start] + MASK + result[hit.end :]
    return result


def redact_all(text: str, names: Iterable[str] = ()) -> str:
    return apply(text, detect(text, names))
