"""The media side of the body converter: images (with captions), galleries and embeds, and
the lookup that answers which imported attachment an `<img>` is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from django.utils.translation import gettext as _

from lontar.wordpress import embeds, sanitize
from lontar.wordpress.markup import _id, _plain, _tag

if TYPE_CHECKING:
    from lontar.wordpress.convert import Conversion

CAPTION_MAX = 300
ALT_MAX = 250
_WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")


@dataclass(frozen=True)
class ImageRef:
    image_id: int
    title: str = ""
    alt: str = ""


class MediaLookup(Protocol):
    def image(self, src: str, wp_id: int | None) -> ImageRef | None: ...

    def image_by_id(self, wp_id: int) -> ImageRef | None: ...

    def link(self, href: str) -> str: ...


class NoMedia:
    """No attachment is known: every image is reported."""

    def image(self, src: str, wp_id: int | None) -> ImageRef | None:
        return None

    def image_by_id(self, wp_id: int) -> ImageRef | None:
        return None

    def link(self, href: str) -> str:
        return href


def canonical_media_url(src: str) -> str:
    """The original upload's address: WordPress's resized copies end in -300x200."""
    src = src.split("?", 1)[0].split("#", 1)[0]
    src = re.sub(r"^https?://", "//", src)
    return _SIZE_SUFFIX.sub("", src)


class MediaBlocks:
    """Mixed into the converter: it provides `media`, `result`, `rich`, `inline`,
    `pulled_links`, `problem`, `block` and `flush_inline`."""

    media: MediaLookup
    result: Conversion
    rich: list[str]
    inline: list[str]
    pulled_links: list[str]

    def problem(self, message: str) -> None:
        raise NotImplementedError

    def block(self, kind: str, value) -> None:
        raise NotImplementedError

    def flush_inline(self) -> None:
        raise NotImplementedError

    def _resolve(self, img) -> ImageRef | None:
        match = _WP_IMAGE_CLASS.search(img.get("class") or "")
        wp_id = int(match.group(1)) if match else None
        return self.media.image(img.get("src") or "", wp_id)

    def _image_value(self, ref: ImageRef, alt: str, caption: str) -> dict:
        alt = (alt or ref.alt or caption or ref.title).strip()[:ALT_MAX]
        if not alt:
            self.problem(_("Gambar tanpa teks alternatif ditandai dekoratif; periksa kembali."))
        return {
            "image": {"image": ref.image_id, "decorative": not alt, "alt_text": alt},
            "caption": caption[:CAPTION_MAX],
            "credit": "",
        }

    def image_block(self, img, caption: str) -> None:
        ref = self._resolve(img)
        self.result.text_parts.extend([img.get("alt") or "", caption])
        if ref is None:
            self.missing_image(img, caption)
            return
        self.block("image", self._image_value(ref, img.get("alt") or "", caption))

    def missing_image(self, img, caption: str) -> None:
        src = sanitize.safe_href(img.get("src"))
        self.problem(
            _("Gambar %(src)s tidak ada di antara lampiran yang diimpor: disimpan sebagai tautan.")
            % {"src": (img.get("src") or "")[:200]}
        )
        label = sanitize.text(caption or img.get("alt") or _("gambar"))
        if src:
            self.inline.append(f'<a href="{sanitize.text(src)}">[{label}]</a>')
        self.flush_inline()

    def gallery(self, images: list, title: str) -> None:
        items = []
        for img in images:
            ref = self._resolve(img)
            if ref is None:
                self.missing_image(img, "")
                continue
            figure = img.getparent()
            while figure is not None and _tag(figure) not in {"figure", "li"}:
                figure = figure.getparent()
            caption_el = figure.find(".//figcaption") if figure is not None else None
            caption = (
                _plain(caption_el)
                if caption_el is not None and caption_el.find(".//img") is None
                else ""
            )
            value = self._image_value(ref, img.get("alt") or "", caption)
            items.append({"type": "item", "value": value, "id": _id()})
        self._gallery_block(items, title)

    def gallery_of_ids(self, ids: str) -> None:
        items = []
        for raw in ids.split(","):
            if not raw.strip().isdigit():
                continue
            ref = self.media.image_by_id(int(raw))
            if ref is None:
                self.problem(_("Gambar galeri #%(id)s tidak diimpor.") % {"id": raw.strip()})
                continue
            items.append({"type": "item", "value": self._image_value(ref, "", ""), "id": _id()})
        if not ids.strip():
            self.problem(_("Galeri tanpa daftar gambar (ids) tidak dapat dipindahkan."))
        self._gallery_block(items, "")

    def _gallery_block(self, items: list[dict], title: str) -> None:
        if items:
            self.block("gallery", {"title": title[:255], "images": items})

    def embed(self, url: str, *, title: str = "", deferred: bool = False) -> None:
        made = embeds.card(url, title)
        if made is None:
            self.problem(
                _("Sematan dari %(url)s dibuang: penyedia tidak diizinkan.")
                % {"url": url.strip()[:200] or "-"}
            )
            return
        card, provider = made
        self.problem(_("Sematan %(name)s dijadikan kartu tautan.") % {"name": provider})
        self.result.text_parts.append(title)
        if deferred:
            self.pulled_links.append(card)
        else:
            self.flush_inline()
            self.rich.append(card)
