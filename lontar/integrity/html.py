"""Reading stored or rendered HTML the way a spammer hopes nobody does: text and links.

`read_html` collects all text (hidden text included: hidden spam is still spam), the text a
visitor sees (for comparing two renderings), and every link with whether it is hidden by an
inline style or the `hidden` attribute. Injected SEO links are hidden this way because the site's
own stylesheet cannot be edited through the CMS; class-based hiding (the skip link) is ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

_SKIPPED = frozenset({"script", "style", "noscript", "template", "head"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_HIDING_STYLE = re.compile(
    r"display\s*:\s*none"
    r"|visibility\s*:\s*hidden"
    r"|opacity\s*:\s*0(?:\.0*)?\s*(?:;|$|!)"
    r"|font-size\s*:\s*(?:0*\.?0+(?:px|pt|em|rem|%)?|[0-2](?:\.\d+)?p[xt]|0?\.[0-2]\d*r?em)\s*(?:;|$|!)"
    r"|(?:left|top|text-indent|margin-left)\s*:\s*-\d{3,}"
    r"|(?:height|width)\s*:\s*0+(?:px)?\s*(?:;|$|!)"
)


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    hidden: bool

    @property
    def host(self) -> str:
        return host_of(self.href) if is_external(self.href) else ""


def host_of(href: str) -> str:
    """The lower-case host of a URL; empty when there is none or the URL is malformed."""
    try:
        return (urlsplit(href.strip()).hostname or "").lower()
    except ValueError:  # "http://[broken" must not stop the scan
        return ""


def is_external(href: str) -> bool:
    try:
        scheme = urlsplit(href.strip()).scheme
    except ValueError:
        return False
    return scheme in {"http", "https"} or href.strip().startswith("//")


def hides(attrs: dict[str, str | None]) -> bool:
    """Whether an element's own attributes hide it from a visitor."""
    if "hidden" in attrs:
        return True
    style = (attrs.get("style") or "").lower()
    return bool(style and _HIDING_STYLE.search(style))


@dataclass
class ReadHtml:
    text: str = ""
    visible_text: str = ""
    links: list[Link] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, hidden, skipped)
        self.text: list[str] = []
        self.visible: list[str] = []
        self.links: list[Link] = []
        self.open_link: tuple[str, bool, list[str]] | None = None

    @property
    def hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    @property
    def skipped(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        hidden = self.hidden or hides(attributes)
        if tag == "a":
            self._close_link()
            self.open_link = (attributes.get("href") or "", hidden, [])
        if tag in _VOID:
            return
        self.stack.append((tag, hidden, self.skipped or tag in _SKIPPED))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":  # <a href=… /> : a link without text; other self-closed tags hold none
            self.handle_starttag(tag, attrs)
            self._close_link()

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._close_link()
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data: str) -> None:
        if self.skipped:
            return
        self.text.append(data)
        if not self.hidden:
            self.visible.append(data)
        if self.open_link is not None:
            self.open_link[2].append(data)

    def _close_link(self) -> None:
        if self.open_link is not None:
            href, hidden, parts = self.open_link
            self.links.append(Link(href.strip(), " ".join("".join(parts).split()), hidden))
            self.open_link = None

    def result(self) -> ReadHtml:
        self._close_link()
        return ReadHtml(
            text=" ".join(" ".join(self.text).split()),
            visible_text=" ".join(" ".join(self.visible).split()),
            links=self.links,
        )


def read_html(html: str) -> ReadHtml:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.result()


def looks_like_html(text: str) -> bool:
    return "<" in text and ">" in text
