"""WordPress shortcodes and the classic editor's automatic paragraphs, turned into plain HTML.

Known shortcodes become HTML the converter understands: `[caption]` a figure with its caption,
`[gallery ids=…]` and `[embed]…[/embed]` marker elements. Every other shortcode is left in the
text as written — a reader still sees `[contact-form-7 id="5"]` and the report lists it — because
silently dropping it could drop the only trace of a form, a map or a download table.
"""

from __future__ import annotations

import html
import re
from collections import Counter

KNOWN = frozenset({"caption", "wp_caption", "gallery", "embed"})

_CAPTION = re.compile(r"\[(?:wp_)?caption([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.S | re.I)
_CAPTION_IMAGE = re.compile(r"^\s*((?:<a\b[^>]*>)?\s*<img\b[^>]*>\s*(?:</a>)?)(.*)$", re.S | re.I)
_GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.I)
_EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
_ANY = re.compile(r"\[(/?)([A-Za-z][\w-]*)((?:\s[^\[\]]*)?)\]")
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_BLOCK_START = re.compile(
    r"^\s*<(?:p|div|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|blockquote|figure|figcaption|"
    r"pre|hr|iframe|section|article|aside|header|footer|address|dl|dd|dt|form|script|style|"
    r"lontar-|!--)",
    re.I,
)


def attributes(text: str) -> dict[str, str]:
    return {
        match.group(1).lower(): next(g for g in match.groups()[1:] if g is not None)
        for match in _ATTRIBUTE.finditer(text)
    }


def _caption(match: re.Match[str]) -> str:
    inner = match.group(2)
    parts = _CAPTION_IMAGE.match(inner)
    if not parts:
        return inner
    image, caption = parts.group(1), parts.group(2).strip()
    return f'<figure class="lontar-caption">{image}<figcaption>{caption}</figcaption></figure>'


def _gallery(match: re.Match[str]) -> str:
    ids = attributes(match.group(1)).get("ids", "")
    return f'\n\n<lontar-gallery data-ids="{html.escape(ids)}"></lontar-gallery>\n\n'


def _embed(match: re.Match[str]) -> str:
    url = html.unescape(match.group(1).strip())
    return f'\n\n<lontar-embed data-url="{html.escape(url)}"></lontar-embed>\n\n'


def expand(content: str) -> tuple[str, Counter[str]]:
    """The content with known shortcodes expanded, and the unknown ones that remain (counted)."""
    content = _CAPTION.sub(_caption, content)
    content = _GALLERY.sub(_gallery, content)
    content = _EMBED.sub(_embed, content)
    unknown: Counter[str] = Counter()
    for match in _ANY.finditer(content):
        closing, name = match.group(1), match.group(2).lower()
        if not closing and name not in KNOWN:
            unknown[name] += 1
    return content, unknown


def autop(content: str) -> str:
    """WordPress's `wpautop` in short: blank lines separate paragraphs, a newline is a break.

    Classic-editor posts are stored without <p>; WordPress adds them when it shows the post.
    """
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    chunks = re.split(r"\n\s*\n", content)
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        if _BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def is_block_editor(content: str) -> bool:
    return "<!-- wp:" in content
