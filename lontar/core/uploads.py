"""One gate for every file a person uploads: name, size, content signature, parser, rename.

A file is accepted only when its extension is allowed, the first bytes are what that extension
promises, and the parser for its type reads it. Images are decoded and encoded again, which
drops EXIF (GPS, camera serial) and anything smuggled after or between the pixel data
(HTML/JS polyglots). The stored name is always made here (a UUID); the name the person gave is
kept only as metadata (`CheckedUpload.original_name`) after cleaning.
"""

from __future__ import annotations

import io
import re
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MB = 1024 * 1024
MAX_PIXELS = 40_000_000  # a 40 MP photo is larger than any phone's; beyond it is a pixel flood
MAX_UNZIPPED_BYTES = 200 * MB  # office documents: a bigger inflated size is a zip bomb

# Extension -> kind. An extension outside this table is refused, whatever the content.
EXTENSIONS = {
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".png": "png",
    ".pdf": "pdf",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".odt": "odt",
    ".ods": "ods",
    ".csv": "csv",
}
STORED_EXTENSION = {
    "jpeg": ".jpg",
    "png": ".png",
    "pdf": ".pdf",
    "docx": ".docx",
    "xlsx": ".xlsx",
    "odt": ".odt",
    "ods": ".ods",
    "csv": ".csv",
}
CONTENT_TYPES = {
    "jpeg": "image/jpeg",
    "png": "image/png",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "csv": "text/csv",
}
LABELS = {
    "jpeg": "JPG",
    "png": "PNG",
    "pdf": "PDF",
    "docx": "DOCX",
    "xlsx": "XLSX",
    "odt": "ODT",
    "ods": "ODS",
    "csv": "CSV",
}


@dataclass(frozen=True)
class Policy:
    kinds: frozenset[str]
    max_bytes: int

    def allowed_labels(self) -> str:
        return ", ".join(LABELS[kind] for kind in sorted(self.kinds, key=list(LABELS).index))


# A citizen's KTP scan or proxy letter (request form and the officers' intake of paper ones).
IDENTITY_DOCUMENT = Policy(frozenset({"jpeg", "png", "pdf"}), 5 * MB)
# A specimen signature printed on the written notices (PPID settings).
SIGNATURE_IMAGE = Policy(frozenset({"jpeg", "png"}), 2 * MB)
# What an officer releases to a requester.
RELEASED_DOCUMENT = Policy(
    frozenset({"jpeg", "png", "pdf", "docx", "xlsx", "odt", "ods", "csv"}), 50 * MB
)


class CheckedUpload(ContentFile):
    """The accepted bytes under a server-made name; what the person called it is metadata."""

    def __init__(self, content: bytes, *, kind: str, original_name: str) -> None:
        super().__init__(content, name=f"{uuid.uuid4().hex}{STORED_EXTENSION[kind]}")
        self.kind = kind
        self.original_name = original_name
        self.content_type = CONTENT_TYPES[kind]


def clean_original_name(name: str) -> str:
    """The uploaded name, fit to show as a title: no path, no control or direction marks."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = name.strip(" .") or "berkas"
    return name[:150]


def server_name(upload, default_extension: str = ".bin") -> str:
    """A fresh storage name for an upload that did not come through `check_upload`."""
    if isinstance(upload, CheckedUpload) and upload.name:
        return upload.name
    suffix = ""
    match = re.search(r"(\.[A-Za-z0-9]{1,5})$", str(getattr(upload, "name", "") or ""))
    if match and match.group(1).lower() in EXTENSIONS:
        suffix = match.group(1).lower()
    return f"{uuid.uuid4().hex}{suffix or default_extension}"


def _reject(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def sniff(head: bytes) -> str | None:
    """The kind the first bytes announce (None for plain text and anything unknown)."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return None


def _pixel_flood() -> ValidationError:
    return _reject(
        _("Gambar terlalu besar (lebih dari 40 megapiksel). Perkecil lalu unggah lagi."),
        "pixel_flood",
    )


def _reencode_image(data: bytes, kind: str) -> bytes:
    try:
        with Image.open(io.BytesIO(data)) as image:
            # Only the header has been read: refuse a flood before decoding a single pixel.
            if image.width * image.height > MAX_PIXELS:
                raise _pixel_flood()
            expected = "JPEG" if kind == "jpeg" else "PNG"
            if image.format != expected:
                raise _reject(_("Isi berkas tidak sesuai dengan ekstensinya."), "mismatch")
            image.load()
            # Turn the photo upright before the orientation tag goes with the rest of EXIF.
            upright = ImageOps.exif_transpose(image)
            output = io.BytesIO()
            if kind == "jpeg":
                if upright.mode not in ("RGB", "L"):
                    upright = upright.convert("RGB")
                upright.save(output, format="JPEG", quality=90, optimize=True)
            else:
                if upright.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
                    upright = upright.convert("RGBA")
                upright.save(output, format="PNG", optimize=True)
            return output.getvalue()
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise _pixel_flood() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise _reject(
            _("Gambar rusak atau tidak lengkap dan tidak dapat dibaca. Unggah ulang berkasnya."),
            "corrupt",
        ) from None


def _check_pdf(data: bytes) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise _reject(_("PDF terkunci kata sandi; unggah PDF tanpa kata sandi."), "encrypted")
        if len(reader.pages) < 1:
            raise _reject(_("PDF tidak berisi halaman."), "corrupt")
    except ValidationError:
        raise
    except (
        PyPdfError,
        OSError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
    ):
        raise _reject(
            _("PDF rusak atau tidak lengkap dan tidak dapat dibaca. Unggah ulang berkasnya."),
            "corrupt",
        ) from None


_OFFICE_MARKERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
_ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def _check_office(data: bytes, kind: str) -> None:
    mismatch = _reject(_("Isi berkas tidak sesuai dengan ekstensinya."), "mismatch")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if sum(entry.file_size for entry in entries) > MAX_UNZIPPED_BYTES:
                raise _reject(_("Isi dokumen terlalu besar setelah dibuka."), "zip_bomb")
            names = {entry.filename for entry in entries}
            if kind in _OFFICE_MARKERS:
                if not {"[Content_Types].xml", _OFFICE_MARKERS[kind]} <= names:
                    raise mismatch
            elif (
                "mimetype" not in names or archive.read("mimetype").strip() != _ODF_MIMETYPES[kind]
            ):
                raise mismatch
    except ValidationError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _reject(_("Dokumen rusak dan tidak dapat dibuka."), "corrupt") from None


def _check_text(data: bytes) -> None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _reject(_("Berkas CSV harus berupa teks UTF-8."), "mismatch") from None
    start = text.lstrip()[:512].lower()
    if "\x00" in text or start.startswith("<") or "<script" in start:
        raise _reject(_("Isi berkas tidak sesuai dengan ekstensinya."), "mismatch")


def check_upload(upload, policy: Policy) -> CheckedUpload:
    """Accept an upload under `policy` or raise ValidationError with an Indonesian message."""
    original = clean_original_name(getattr(upload, "name", ""))
    raw_name = str(getattr(upload, "name", "") or "")
    extension = ""
    match = re.search(r"(\.[^.\\/]*)$", raw_name)
    if match and not raw_name.endswith((" ", ".")):
        extension = match.group(1).lower()
    kind = EXTENSIONS.get(extension)
    if kind is None or kind not in policy.kinds:
        raise _reject(
            _("Jenis berkas tidak diterima. Unggah berkas %(types)s.")
            % {"types": policy.allowed_labels()},
            "extension",
        )
    size = getattr(upload, "size", None)
    if size is not None and size > policy.max_bytes:
        raise _reject(
            _("Ukuran berkas paling besar %(mb)d MB.") % {"mb": policy.max_bytes // MB}, "size"
        )
    upload.seek(0)
    data = upload.read(policy.max_bytes + 1)
    upload.seek(0)
    if len(data) > policy.max_bytes:
        raise _reject(
            _("Ukuran berkas paling besar %(mb)d MB.") % {"mb": policy.max_bytes // MB}, "size"
        )
    if not data:
        raise _reject(_("Berkas kosong."), "empty")
    announced = sniff(data[:16])
    expected: str | None = "zip" if kind in ("docx", "xlsx", "odt", "ods") else kind
    if kind == "csv":
        expected = None
    if announced != expected:
        raise _reject(
            _(
                "Isi berkas tidak sesuai dengan ekstensinya (%(ext)s). Unggah berkas %(label)s "
                "yang asli."
            )
            % {"ext": extension, "label": LABELS[kind]},
            "mismatch",
        )
    if kind in ("jpeg", "png"):
        data = _reencode_image(data, kind)
    elif kind == "pdf":
        _check_pdf(data)
    elif kind == "csv":
        _check_text(data)
    else:
        _check_office(data, kind)
    return CheckedUpload(data, kind=kind, original_name=original)
