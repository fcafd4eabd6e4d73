"""Attachments: finding each file (a local copy of wp-content/uploads, or the old site), passing
it through Lontar's upload gate and storing it as a Wagtail image or document of the agency."""

from __future__ import annotations

import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from lontar.core import uploads
from lontar.wordpress.wxr import Item

FETCH_TIMEOUT = 20
IMAGE_KINDS = frozenset({"jpeg", "png"})
IMAGES = uploads.Policy(IMAGE_KINDS, 15 * uploads.MB)
DOCUMENTS = uploads.Policy(frozenset({"pdf", "docx", "xlsx", "odt", "ods", "csv"}), 50 * uploads.MB)


class MediaUnavailable(Exception):
    """The attachment's file could not be read or was refused; the message says why."""


@dataclass(frozen=True)
class Source:
    media_dir: Path | None = None
    fetch: bool = False

    @property
    def available(self) -> bool:
        return self.media_dir is not None or self.fetch


def extension_kind(item: Item) -> str | None:
    """'image', 'document', or None when Lontar takes no file of this type."""
    name = relative_path(item) or urlsplit(item.attachment_url).path
    suffix = Path(name).suffix.lower()
    kind = uploads.EXTENSIONS.get(suffix)
    if kind is None:
        return None
    return "image" if kind in IMAGE_KINDS else "document"


def relative_path(item: Item) -> str:
    """The file's path under wp-content/uploads ("2021/11/foto.jpg")."""
    attached = item.meta.get("_wp_attached_file", "").strip().lstrip("/")
    if attached:
        return attached
    path = unquote(urlsplit(item.attachment_url).path)
    marker = "/uploads/"
    return path.split(marker, 1)[1] if marker in path else path.rsplit("/", 1)[-1]


def read_file(item: Item, source: Source) -> tuple[str, bytes]:
    """(file name, bytes) of the attachment, or MediaUnavailable."""
    relative = relative_path(item)
    name = Path(relative).name or f"lampiran-{item.wp_id}"
    if source.media_dir is not None:
        base = source.media_dir.resolve()
        candidate = (base / relative).resolve()
        # The path comes from the export: it must not climb out of the given folder.
        if not candidate.is_relative_to(base) or not candidate.is_file():
            raise MediaUnavailable(
                _("berkas %(path)s tidak ada di folder media") % {"path": relative[:200]}
            )
        return name, candidate.read_bytes()
    url = item.attachment_url
    if not url.lower().startswith(("https://", "http://")):
        raise MediaUnavailable(_("alamat lampiran tidak dapat diunduh"))
    try:
        with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT) as response:
            data = response.read(DOCUMENTS.max_bytes + 1)
    except OSError as exc:
        raise MediaUnavailable(
            _("gagal diunduh (%(error)s)") % {"error": type(exc).__name__}
        ) from exc
    return name, data


def store(item: Item, kind: str, name: str, data: bytes, collection, alt: str):
    """A Wagtail image or document in the agency's collection, through the upload gate."""
    return store_file(kind, name, data, collection, title=item.title, alt=alt)


def store_file(kind: str, name: str, data: bytes, collection, *, title: str, alt: str = ""):
    """The same for any file: an export's media, an attachment."""
    upload = SimpleUploadedFile(name, data)
    try:
        checked = uploads.check_upload(upload, IMAGES if kind == "image" else DOCUMENTS)
    except ValidationError as exc:
        raise MediaUnavailable("; ".join(exc.messages)) from exc
    title = (title or checked.original_name)[:255]
    if kind == "image":
        image = get_image_model()(
            title=title, file=checked, collection=collection, description=alt[:255]
        )
        image.file_size = len(checked)
        image._set_image_file_metadata()
        image.save()
        return image
    document = get_document_model()(title=title, file=checked, collection=collection)
    document.file_size = len(checked)
    document.save()
    return document


def file_url(obj) -> str:
    """Where the stored file answers now (documents through /dokumen/, images their original)."""
    if hasattr(obj, "get_rendition"):
        return obj.file.url
    return obj.url


def is_image(obj) -> bool:
    return hasattr(obj, "get_rendition")
