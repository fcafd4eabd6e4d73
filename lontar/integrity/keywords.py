"""The words of judi-online spam and defacement, and how to find them despite obfuscation.

A maintained list (Indonesian and English). Each entry is a phrase, matched case-insensitively
on word boundaries after the text is normalised: Unicode compatibility forms folded (full-width
letters), zero-width characters and soft hyphens removed, and each letter allowed its usual
look-alike digits or signs ("s1ot", "g4cor", "t0gel"). Words inside a phrase may be joined
("slotgacor") or split by spaces, dots, dashes or underscores.

Generic words stay out on purpose: "slot" alone is a time slot ("slot waktu layanan"), "bandar"
alone is a harbour or a city (Bandar Lampung), "jackpot" and "casino" turn up in news. Only
phrases that mean gambling (or a defacer's signature) are listed; `judi` alone is left out because
government news reports on the fight against it ("pemberantasan judi online" still matches
"judi online" and is reviewed by a person: the finding names the page).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

GAMBLING: tuple[str, ...] = (
    # Indonesian slot and lottery vocabulary
    "slot gacor",
    "slot online",
    "slot88",
    "slot demo",
    "situs slot",
    "judi slot",
    "judi online",
    "judi bola",
    "judol",
    "agen slot",
    "agen judi",
    "agen togel",
    "bandar slot",
    "bandar togel",
    "bandar judi",
    "bandar bola",
    "bandar casino",
    "togel",
    "toto gelap",
    "toto macau",
    "gacor",
    "maxwin",
    "deposit pulsa",
    "depo pulsa",
    "deposit dana",
    "rtp live",
    "rtp slot",
    "bocoran rtp",
    "bocoran slot",
    "pola gacor",
    "scatter hitam",
    "mahjong ways",
    "gates of olympus",
    "starlight princess",
    "pragmatic play",
    "sbobet",
    "sabung ayam",
    "domino qq",
    "poker online",
    "casino online",
    "kasino online",
    "link alternatif slot",
    # English
    "online gambling",
    "online casino",
    "online slots",
    "slot site",
)

DEFACEMENT: tuple[str, ...] = (
    "hacked by",
    "defaced by",
    "deface by",
    "hacked and defaced",
    "greetz",
    "security is just an illusion",
    "your security is low",
    "shell uploaded",
)

# Look-alikes an obfuscator puts in place of a letter.
LOOKALIKES: dict[str, str] = {
    "a": "a4@",
    "b": "b8",
    "e": "e3",
    "g": "g9",
    "i": "i1!|l",
    "l": "l1!|i",
    "o": "o0",
    "s": "s5$",
    "t": "t7+",
    "z": "z2",
}

_INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"),
    None,
)
_JOINER = r"[\s._\-]*"
_SNIPPET_RADIUS = 60


@dataclass(frozen=True)
class Match:
    phrase: str  # the listed phrase
    found: str  # the text as written
    snippet: str  # the surrounding text, for a person to judge


def normalise(text: str) -> str:
    """Fold compatibility forms and case, drop invisible characters; offsets may shift."""
    return unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold()


def _letter(char: str) -> str:
    if char == " ":
        return _JOINER
    variants = LOOKALIKES.get(char)
    return f"[{re.escape(variants)}]" if variants else re.escape(char)


def _phrase_pattern(phrase: str) -> str:
    return "".join(_letter(char) for char in phrase)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(phrase, pattern), longest phrase first. Digits may follow a phrase ("togel4d", "gacor88"
    in spam domains), letters may not (another word begins)."""
    phrases = sorted({*GAMBLING, *DEFACEMENT}, key=lambda phrase: (-len(phrase), phrase))
    return tuple(
        (phrase, re.compile(rf"(?<![a-z0-9]){_phrase_pattern(phrase)}(?![a-z])"))
        for phrase in phrases
    )


def find_keywords(text: str) -> list[Match]:
    """Every listed phrase in `text`, once per phrase, with a snippet around its first use.

    A phrase found only inside a longer one ("gacor" in "slot gacor") is not reported again.
    """
    if not text:
        return []
    clean = normalise(text)
    taken: list[tuple[int, int]] = []
    found: list[Match] = []
    for phrase, pattern in _patterns():
        for hit in pattern.finditer(clean):
            if any(start <= hit.start() and hit.end() <= end for start, end in taken):
                continue
            taken.append(hit.span())
            if all(match.phrase != phrase for match in found):
                start, end = max(hit.start() - _SNIPPET_RADIUS, 0), hit.end() + _SNIPPET_RADIUS
                snippet = " ".join(clean[start:end].split())
                found.append(Match(phrase, hit.group(0), snippet))
    return found


def has_keyword(text: str) -> bool:
    if not text:
        return False
    clean = normalise(text)
    return any(pattern.search(clean) for _phrase, pattern in _patterns())
