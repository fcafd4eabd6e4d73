"""Highlighted snippets for search results, with a light Indonesian stemmer.

The search backend finds the records (on PostgreSQL with the `indonesian` configuration); this
module only picks the passage to show and marks the words that match. Matching is by a rough
root: common prefixes (me-, pe-, di-, ber-, ter-, ke-, se- and their nasal forms) and suffixes
(-kan, -an, -i, -nya, -lah, -kah) are stripped, so "pelayanan" marks "layanan" and "melayani".
"""

from __future__ import annotations

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

_WORD = re.compile(r"\w+", re.UNICODE)
_PARTICLES = ("lah", "kah", "tah", "pun")
_POSSESSIVES = ("nya", "ku", "mu")
_SUFFIXES = ("kan", "an", "i")
_PREFIXES = (
    "meng",
    "meny",
    "mem",
    "men",
    "me",
    "peng",
    "peny",
    "pem",
    "pen",
    "pe",
    "ber",
    "be",
    "ter",
    "te",
    "di",
    "ke",
    "se",
    "per",
)


def stem(word: str) -> str:
    """A rough Indonesian root (good enough to highlight, not to index)."""
    word = word.lower()
    for group in (_PARTICLES, _POSSESSIVES, _SUFFIXES):
        for suffix in group:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            rest = word[len(prefix) :]
            # meny-/peny- replace an "s" (menyusun → susun); other nasals keep the root letter.
            return "s" + rest if prefix in ("meny", "peny") else rest
    return word


def query_roots(query: str) -> set[str]:
    return {stem(word) for word in _WORD.findall(query) if len(word) > 1}


def _matches(word: str, roots: set[str]) -> bool:
    lowered = word.lower()
    root = stem(lowered)
    return any(root == r or lowered.startswith(r) or r in root for r in roots if len(r) >= 3)


def snippet(text: str, query: str, *, words: int = 36) -> SafeString:
    """About `words` words of `text` around the first match, matches wrapped in <mark>."""
    plain = " ".join(strip_tags(text).split())
    tokens = plain.split(" ")
    roots = query_roots(query)
    hits = [i for i, token in enumerate(tokens) if roots and _matches(_bare(token), roots)]
    start = max(0, (hits[0] if hits else 0) - words // 3)
    window = tokens[start : start + words]
    hit_set = {i - start for i in hits}
    out = []
    for i, token in enumerate(window):
        out.append(f"<mark>{escape(token)}</mark>" if i in hit_set else escape(token))
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + words < len(tokens) else ""
    return mark_safe(prefix + " ".join(out) + suffix)  # every token escaped above


def _bare(token: str) -> str:
    match = _WORD.search(token)
    return match.group(0) if match else ""
