"""Small readings of parsed HTML shared by the body converter's modules."""

from __future__ import annotations

import uuid

from lxml import html

from lontar.wordpress import sanitize


def _id() -> str:
    return str(uuid.uuid4())


def _tag(element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


_SPACED = frozenset(
    {"p", "li", "br", "div", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"}
)


def _plain(element) -> str:
    """The text a reader sees, with a space between blocks but none added inside a sentence
    ("<b>daring</b>." stays "daring.")."""
    if not isinstance(element.tag, str) or _tag(element) in sanitize.DROPPED:
        return ""
    parts = [element.text or ""]
    for child in element:
        text = _plain(child)
        parts.append(f" {text} " if _tag(child) in _SPACED else text)
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def plain_text(fragment: str) -> str:
    """The visible text of a rich-text fragment written by the converter."""
    if not fragment.strip():
        return ""
    return _plain(html.fragment_fromstring(fragment, create_parent="div"))
