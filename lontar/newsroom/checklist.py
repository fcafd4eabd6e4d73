"""The writing checklist beside the editor: advice, never a gate (pure functions, no database).

Each rule takes plain values of a draft and answers a `Check`. The editor shows every check to
writer and editor alike; nothing here stops a save, a submission or a publication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

LEAD_MAX_WORDS = 40
SENTENCE_AVERAGE_MAX = 20  # words; plain-language guidance for Indonesian public writing
SENTENCE_LONGEST_MAX = 35

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Draft:
    lead: str = ""
    source: str = ""
    tag_count: int = 0
    has_image: bool = False
    image_alt: str = ""
    body_text: str = ""


@dataclass(frozen=True)
class Check:
    key: str
    label: str
    ok: bool
    hint: str


def words(text: str) -> int:
    return len(_WORD.findall(text or ""))


def sentences(text: str) -> list[str]:
    parts = _SENTENCE_END.split((text or "").strip())
    return [part for part in parts if words(part)]


def lead_check(lead: str) -> Check:
    count = words(lead)
    ok = 0 < count < LEAD_MAX_WORDS
    hint = (
        _("Ringkasan %(n)s kata.") % {"n": count}
        if ok
        else _("Ringkasan %(n)s kata: tulis di bawah %(max)s kata, jawab apa-siapa-kapan-di mana.")
        % {"n": count, "max": LEAD_MAX_WORDS}
    )
    return Check("lead", _("Ringkasan di bawah 40 kata"), ok, hint)


def source_check(source: str) -> Check:
    ok = bool((source or "").strip())
    hint = _("Sumber: %(s)s.") % {"s": source.strip()} if ok else _("Isi baris sumber berita.")
    return Check("source", _("Ada baris sumber"), ok, hint)


def tag_check(tag_count: int) -> Check:
    ok = tag_count >= 1
    hint = (
        _("%(n)s tag.") % {"n": tag_count}
        if ok
        else _("Tambahkan minimal satu tag agar pembaca menemukan berita serupa.")
    )
    return Check("tags", _("Minimal satu tag"), ok, hint)


def image_check(has_image: bool, alt: str) -> Check:
    ok = has_image and bool((alt or "").strip())
    if ok:
        hint = _("Gambar utama memiliki teks alternatif.")
    elif has_image:
        hint = _("Tulis teks alternatif: apa yang tampak pada gambar.")
    else:
        hint = _("Pilih gambar utama dan tulis teks alternatifnya.")
    return Check("image", _("Gambar dengan teks alternatif"), ok, hint)


def reading_level(text: str) -> tuple[float, int]:
    """(average words per sentence, words in the longest sentence); (0, 0) for no text."""
    lengths = [words(sentence) for sentence in sentences(text)]
    if not lengths:
        return 0.0, 0
    return round(sum(lengths) / len(lengths), 1), max(lengths)


def reading_check(text: str) -> Check:
    average, longest = reading_level(text)
    ok = 0 < average <= SENTENCE_AVERAGE_MAX and longest <= SENTENCE_LONGEST_MAX
    if average == 0:
        hint = _("Belum ada isi untuk dinilai.")
    else:
        hint = _("Rata-rata %(avg)s kata per kalimat, terpanjang %(long)s kata.") % {
            "avg": f"{average:.1f}".replace(".", ","),
            "long": longest,
        }
        if not ok:
            hint += " " + _(
                "Pecah kalimat panjang: sasaran rata-rata %(max)s kata atau kurang."
            ) % {"max": SENTENCE_AVERAGE_MAX}
    return Check("reading", _("Mudah dibaca"), ok, hint)


def run(draft: Draft) -> list[Check]:
    return [
        lead_check(draft.lead),
        source_check(draft.source),
        tag_check(draft.tag_count),
        image_check(draft.has_image, draft.image_alt),
        reading_check(draft.body_text),
    ]
