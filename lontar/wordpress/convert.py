"""A WordPress post body (block editor or classic editor) turned into Lontar's StreamField blocks.

The output uses only the shared vocabulary of `pages/blocks.py`: paragraph (rich text with
lists), heading, image with caption, quote, table and gallery. Embeds from allowed providers
become visible link cards (`embeds.py`: the pages load no third-party frames). Every
element that cannot be carried over is named in `Conversion.problems`; unknown shortcodes stay in
the text, visible, and are counted in `Conversion.shortcodes`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from lxml import etree, html

from lontar.wordpress import embeds, sanitize, shortcodes
from lontar.wordpress.convert_media import (
    ImageRef,
    MediaBlocks,
    MediaLookup,
    NoMedia,
    canonical_media_url,
)
from lontar.wordpress.markup import _id, _plain, _tag, plain_text

__all__ = ["Conversion", "ImageRef", "MediaLookup", "canonical_media_url", "convert", "plain_text"]

HEADING_MAX = 200

_INLINE = frozenset(
    {
        "a", "b", "strong", "i", "em", "u", "span", "font", "sub", "sup", "small", "big",
        "code", "abbr", "mark", "s", "strike", "del", "ins", "br", "cite", "q", "time",
        "label", "img", "iframe", "kbd", "var", "tt", "acronym", "dfn", "bdi", "bdo", "wbr",
    }
)  # fmt: skip
_BOLD = frozenset({"b", "strong"})
_ITALIC = frozenset({"i", "em", "cite", "q", "dfn", "var"})


@dataclass
class Conversion:
    blocks: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    shortcodes: Counter[str] = field(default_factory=Counter)
    text_parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Everything a reader would see, as plain text (for the integrity check and the lead)."""
        return " ".join(part for part in self.text_parts if part)


class _Converter(MediaBlocks):
    def __init__(self, media: MediaLookup) -> None:
        self.media = media
        self.result = Conversion()
        self.rich: list[str] = []  # rich-text fragments waiting to become one paragraph block
        self.inline: list[str] = []  # inline HTML waiting to become one <p>
        self.pulled: list = []  # images met inside a paragraph, placed after it

    # --- output -----------------------------------------------------------------------------
    def problem(self, message: str) -> None:
        if message not in self.result.problems:
            self.result.problems.append(message)

    def flush_inline(self) -> None:
        fragment = "".join(self.inline).strip()
        self.inline = []
        if re.sub(r"<br/>|\s|&nbsp;|\xa0", "", fragment):
            self.rich.append(f"<p>{fragment}</p>")

    def flush(self) -> None:
        self.flush_inline()
        if self.rich:
            self.block("paragraph", "".join(self.rich))
            self.rich = []
        pulled, self.pulled = self.pulled, []
        for image in pulled:
            self.image_block(image, "")

    def block(self, kind: str, value) -> None:
        if kind != "paragraph":
            self.flush()
        self.result.blocks.append({"type": kind, "value": value, "id": _id()})

    # --- inline -----------------------------------------------------------------------------
    def inline_html(self, element, *, in_link: bool = False) -> str:
        out = [sanitize.text(element.text or "")]
        for child in element:
            out.append(self.inline_element(child, in_link=in_link))
            out.append(sanitize.text(child.tail or ""))
        return "".join(out)

    def inline_element(self, element, *, in_link: bool = False) -> str:
        tag = _tag(element)
        if not tag:
            return ""
        if tag in sanitize.DROPPED:
            self.problem(
                _("Elemen <%(tag)s> dibuang (tidak aman atau tidak didukung).") % {"tag": tag}
            )
            return ""
        if tag == "br":
            return "<br/>"
        if tag == "img":
            self.pulled.append(element)
            return ""
        if tag == "iframe":
            self.embed(element.get("src") or "", title=element.get("title") or "", deferred=True)
            return ""
        inner = self.inline_html(element, in_link=in_link or tag == "a")
        self.result.text_parts.append(_plain(element) if tag == "a" else "")
        if tag in _BOLD:
            return f"<b>{inner}</b>" if inner.strip() else inner
        if tag in _ITALIC:
            return f"<i>{inner}</i>" if inner.strip() else inner
        if tag == "a" and not in_link:
            href = sanitize.safe_href(element.get("href"))
            if href and inner.strip():
                href = self.media.link(href)
                return f'<a href="{sanitize.text(href)}">{inner}</a>'
            if element.get("href") and not href:
                self.problem(_("Tautan dengan alamat tidak aman dibuang: hanya teksnya disimpan."))
        if tag in {"ul", "ol", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}:
            return f"<br/>{inner}<br/>"
        return inner

    # --- blocks -----------------------------------------------------------------------------
    def walk(self, container) -> None:
        if container.text and container.text.strip():
            self.inline.append(sanitize.text(container.text))
            self.result.text_parts.append(container.text.strip())
        for child in container:
            self.element(child)
            if child.tail and child.tail.strip():
                self.inline.append(sanitize.text(child.tail))
                self.result.text_parts.append(child.tail.strip())
        self.flush_inline()

    def element(self, element) -> None:
        tag = _tag(element)
        if not tag:
            return  # comments (Gutenberg's block delimiters), processing instructions
        if tag in sanitize.DROPPED:
            self.problem(
                _("Elemen <%(tag)s> dibuang (tidak aman atau tidak didukung).") % {"tag": tag}
            )
            return
        if tag == "lontar-gallery":
            self.gallery_of_ids(element.get("data-ids") or "")
        elif tag == "lontar-embed":
            self.embed(element.get("data-url") or "")
        elif tag == "iframe":
            self.embed(element.get("src") or "", title=element.get("title") or "")
        elif tag == "img":
            self.flush_inline()
            self.pulled.append(element)
        elif tag in _INLINE:
            self.inline.append(self.inline_element(element))
            self.result.text_parts.append(_plain(element) if tag != "a" else "")
        elif tag == "p" and len(element) == 0 and embeds.bare_url(element.text or ""):
            self.embed(embeds.bare_url(element.text or "") or "")
        elif tag == "p":
            self.flush_inline()
            self.inline.append(self.inline_html(element))
            self.result.text_parts.append(_plain(element))
            self.flush_inline()
            if self.pulled:
                self.flush()
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.heading(element, "h2" if tag in {"h1", "h2"} else "h3")
        elif tag in {"ul", "ol"}:
            self.flush_inline()
            self.rich.append(self.list_html(element))
            self.result.text_parts.append(_plain(element))
            if self.pulled:
                self.flush()
        elif tag == "blockquote":
            self.quote(element)
        elif tag == "table":
            self.table(element, "")
        elif tag == "figure":
            self.figure(element)
        elif tag == "hr":
            self.flush_inline()
            self.rich.append("<hr/>")
        elif tag == "pre":
            self.flush_inline()
            self.inline.append(sanitize.text(_plain(element)))
            self.result.text_parts.append(_plain(element))
            self.flush_inline()
        else:  # div, section, article, dl, center, address …: their content, not their box
            self.flush_inline()
            self.walk(element)

    def list_html(self, element) -> str:
        tag = "ol" if _tag(element) == "ol" else "ul"
        items = []
        for child in element:
            if _tag(child) != "li":
                continue
            parts = [sanitize.text(child.text or "")]
            for sub in child:
                if _tag(sub) in {"ul", "ol"}:
                    parts.append(self.list_html(sub))
                else:
                    parts.append(self.inline_element(sub))
                parts.append(sanitize.text(sub.tail or ""))
            items.append(f"<li>{''.join(parts).strip()}</li>")
        return f"<{tag}>{''.join(items)}</{tag}>" if items else ""

    def heading(self, element, level: str) -> None:
        text = _plain(element)
        if not text:
            return
        self.result.text_parts.append(text)
        if len(text) > HEADING_MAX:
            self.problem(
                _("Subjudul lebih dari %(n)s karakter dijadikan paragraf.") % {"n": HEADING_MAX}
            )
            self.flush_inline()
            self.rich.append(f"<p><b>{sanitize.text(text)}</b></p>")
            return
        self.block("heading", {"text": text, "level": level})

    def quote(self, element) -> None:
        attribution = ""
        paragraphs = []
        for child in element:
            if _tag(child) in {"cite", "footer"}:
                attribution = _plain(child)
            else:
                paragraphs.append(_plain(child))
        if element.text and element.text.strip():
            paragraphs.insert(0, " ".join(element.text.split()))
        for child in element:
            if child.tail and child.tail.strip():
                paragraphs.append(" ".join(child.tail.split()))
        text = "\n\n".join(p for p in paragraphs if p)
        if not text:
            return
        self.result.text_parts.extend([text, attribution])
        self.block("quote", {"quote": text, "attribution": attribution[:255]})

    def table(self, element, caption: str) -> None:
        rows: list[list[str]] = []
        header = False
        for row in element.iter("tr"):
            cells = [c for c in row if _tag(c) in {"td", "th"}]
            if not rows and cells and all(_tag(c) == "th" for c in cells):
                header = True
            if not rows and row.getparent() is not None and _tag(row.getparent()) == "thead":
                header = True
            rows.append([_plain(cell) for cell in cells])
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        self.result.text_parts.extend(cell for row in rows for cell in row)
        self.block(
            "table",
            {
                "data": rows,
                "first_row_is_table_header": header,
                "first_col_is_header": False,
                "table_caption": caption[:255],
                "cell": [],
                "mergeCells": [],
            },
        )

    def figure(self, element) -> None:
        classes = element.get("class") or ""
        caption_el = next((c for c in element if _tag(c) == "figcaption"), None)
        caption = _plain(caption_el) if caption_el is not None else ""
        images = list(element.iter("img"))
        if "wp-block-gallery" in classes or len(images) > 1:
            self.gallery(images, caption)
        elif element.find(".//table") is not None:
            self.table(element.find(".//table"), caption)
        elif "wp-block-embed" in classes or element.find(".//iframe") is not None:
            wrapper = element.find(".//div")
            url = _plain(wrapper) if wrapper is not None else ""
            iframe = element.find(".//iframe")
            if iframe is not None:
                url = url or iframe.get("src") or ""
                caption = caption or iframe.get("title") or ""
            self.embed(url, title=caption)
        elif element.find(".//blockquote") is not None:
            self.quote(element.find(".//blockquote"))
        elif images:
            self.image_block(images[0], caption)
        else:
            self.walk(element)

    pulled_links: list[str]


def convert(content: str, media: MediaLookup | None = None) -> Conversion:
    """The blocks of one post body; never raises on broken markup."""
    converter = _Converter(media or NoMedia())
    converter.pulled_links = []
    expanded, unknown = shortcodes.expand(content or "")
    converter.result.shortcodes = unknown
    for name in sorted(unknown):
        converter.problem(
            _("Kode pendek [%(name)s] tidak dikenal: dibiarkan tampil sebagai teks.")
            % {"name": name}
        )
    if not shortcodes.is_block_editor(expanded):
        expanded = shortcodes.autop(expanded)
    if expanded.strip():
        try:
            root = html.fragment_fromstring(expanded, create_parent="div")
        except (etree.ParserError, ValueError):
            converter.problem(_("Isi tidak dapat dibaca sebagai HTML; disimpan sebagai teks."))
            root = html.fragment_fromstring(
                f"<p>{sanitize.text(expanded)}</p>", create_parent="div"
            )
        converter.walk(root)
    converter.flush()
    converter.rich.extend(converter.pulled_links)
    converter.flush()
    return converter.result
