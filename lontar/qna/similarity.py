"""Which published questions are similar: same category first, then the most shared words."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Common Indonesian function words that say nothing about the topic.
STOPWORDS = frozenset(
    "yang dan di ke dari untuk dengan apakah apa bagaimana saya kami kita ini itu ada atau "
    "pada dalam akan sudah bisa dapat tidak jika kalau bila mohon tolong terima kasih adalah "
    "sebagai oleh karena juga masih belum harus berapa kapan siapa mana agar bapak ibu".split()
)
_WORD = re.compile(r"[^\W\d_]{3,}")


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in STOPWORDS)


def rank_similar(
    target_text: str,
    target_category: str,
    candidates: Iterable[tuple[int, str, str]],
    limit: int = 5,
) -> list[int]:
    """Ids of the most similar candidates (id, category, text); none sharing nothing."""
    target = words(target_text)
    scored = []
    for pk, category, text in candidates:
        shared = len(target & words(text))
        same_category = category == target_category
        if shared or same_category:
            scored.append((shared + (2 if same_category else 0), shared, pk))
    scored.sort(key=lambda row: (-row[0], -row[1], -row[2]))
    return [pk for _score, _shared, pk in scored[:limit]]
