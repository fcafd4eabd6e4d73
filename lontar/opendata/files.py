"""Names of resource files: what the browser is offered, never what the disk is given.

Stored files get a random name (see `models.random_file_name`); the uploader's name is kept only
to be offered back in `Content-Disposition`, after removing what could forge a header, spoof
an extension (right-to-left override) or climb directories.
"""

from __future__ import annotations

import unicodedata

MAX_FILENAME = 150
# Quotes, backslashes and separators have meaning inside the header or on a file system.
_REPLACED = set('"\\/:;*?<>|')


def safe_filename(name: str, *, fallback: str) -> str:
    """The last path part of `name` without control, format or separator characters."""
    text = unicodedata.normalize("NFC", str(name or ""))
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            continue
        kept.append("_" if char in _REPLACED else (" " if category == "Zs" else char))
    text = " ".join("".join(kept).split()).strip(" .")
    if len(text) > MAX_FILENAME:
        stem, dot, extension = text.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            text = stem[: MAX_FILENAME - len(extension) - 1].rstrip(" .") + "." + extension
        else:
            text = text[:MAX_FILENAME]
    return text or fallback
