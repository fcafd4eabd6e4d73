"""How a document is written out: the citation to copy and the JDIHN feed record.

Pure functions over a document and URLs already made absolute; docs/jdihn-api.md documents
the feed record field by field.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

# The feed is read by machines: its status words never follow the visitor's language.
FEED_STATUS = {"berlaku": "Berlaku", "diubah": "Diubah", "tidak_berlaku": "Tidak Berlaku"}

JDIHN_KEYS = (
    "idData",
    "tahun_pengundangan",
    "tanggal_pengundangan",
    "jenis",
    "noPeraturan",
    "judul",
    "noPanggil",
    "singkatanJenis",
    "tempatTerbit",
    "penerbit",
    "deskripsiFisik",
    "sumber",
    "subjek",
    "isbn",
    "status",
    "bahasa",
    "bidangHukum",
    "teuBadan",
    "nomorIndukBuku",
    "fileDownload",
    "urlDownload",
    "abstrak",
    "urlAbstrak",
    "urlDetailPeraturan",
    "operasi",
    "display",
)


def _date(value) -> str:
    return value.isoformat() if value else ""


def jdihn_record(
    document,
    *,
    subjects: Iterable[str],
    detail_url: str,
    download_url: str,
    abstract_url: str,
) -> dict[str, str]:
    """One object of the JDIHN array: every key present, every value a string."""
    promulgated = document.promulgated_on
    record = {
        "idData": str(document.pk),
        "tahun_pengundangan": str(promulgated.year if promulgated else document.year),
        "tanggal_pengundangan": _date(promulgated),
        "jenis": document.kind,
        "noPeraturan": document.number,
        "judul": document.title,
        "noPanggil": document.call_number,
        "singkatanJenis": document.kind_abbreviation,
        "tempatTerbit": document.place_enacted,
        "penerbit": document.publisher,
        "deskripsiFisik": document.physical_description,
        "sumber": document.source,
        "subjek": ", ".join(subjects),
        "isbn": document.isbn,
        "status": FEED_STATUS.get(document.status, ""),
        "bahasa": document.language,
        "bidangHukum": document.field_of_law,
        "teuBadan": document.teu_body,
        "nomorIndukBuku": document.index_number,
        "fileDownload": posixpath.basename(document.file.name) if document.file else "",
        "urlDownload": download_url if document.file else "",
        "abstrak": (
            posixpath.basename(document.abstract_file.name) if document.abstract_file else ""
        ),
        "urlAbstrak": abstract_url if document.abstract_file else "",
        "urlDetailPeraturan": detail_url,
        "operasi": "4",
        "display": "1",
    }
    return {key: str(record[key] or "") for key in JDIHN_KEYS}


def citation(document, *, url: str) -> str:
    """A plain citation: body, title with number and year, source, where to read it."""
    parts = []
    if document.teu_body:
        parts.append(f"{document.teu_body}.")
    parts.append(f"{document.full_name}.")
    if document.source:
        parts.append(f"{document.source}.")
    parts.append(url)
    return " ".join(parts)
