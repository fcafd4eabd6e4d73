"""How a document is written out: the citation to copy and the JDIHN feed record.

Pure functions over a document and URLs already made absolute; docs/jdihn-api.md documents
the feed record field by field.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from datetime import UTC

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
# Keys member sites commonly add after the national 26, so an aggregator can harvest
# incrementally (`terakhir_diubah`) and tell promulgation from enactment.
EXTRA_KEYS = ("tanggal_penetapan", "lokasi", "terakhir_diubah")
# Aggregators parse these as dates: a record carries a real YYYY-MM-DD or leaves the key out,
# never "" (docs/jdihn-api.md, "Dates").
DATE_KEYS = frozenset({"tanggal_pengundangan", "tanggal_penetapan"})


def _date(value) -> str:
    return value.isoformat() if value else ""


def applicable_promulgation_date(document):
    """The date a catalogue shows as `tanggal_pengundangan`.

    A regulation is promulgated (diundangkan) in the Lembaran/Berita Daerah and that date is
    sent. Decrees (keputusan), monographs, articles and court decisions are never promulgated:
    for them the date that applies is their enactment (penetapan) — a keputusan takes effect
    on it — just as `tahun_pengundangan` falls back to the document's year. None when neither
    date is known; the key is then left out.
    """
    return document.promulgated_on or document.enacted_on


def http_timestamp(value) -> str:
    """ISO 8601 in UTC with a Z, to the second: what harvesters compare."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def jdihn_record(
    document,
    *,
    subjects: Iterable[str],
    detail_url: str,
    download_url: str,
    abstract_url: str,
) -> dict[str, str]:
    """One object of the JDIHN array: every value a string; a date key whose date is unknown
    is left out, every other key is always present. `abstract_url` is sent whenever the
    document has an abstract (an uploaded PDF, or its abstract text served as a PDF)."""
    promulgated = document.promulgated_on
    has_abstract = bool(document.abstract_file or document.abstract.strip())
    record = {
        "idData": str(document.pk),
        "tahun_pengundangan": str(promulgated.year if promulgated else document.year),
        "tanggal_pengundangan": _date(applicable_promulgation_date(document)),
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
        "abstrak": abstract_file_name(document) if has_abstract else "",
        "urlAbstrak": abstract_url if has_abstract else "",
        "urlDetailPeraturan": detail_url,
        "operasi": "4",
        "display": "1",
        "tanggal_penetapan": _date(document.enacted_on),
        "lokasi": document.original_location,
        "terakhir_diubah": http_timestamp(document.updated_at),
    }
    return {
        key: str(record[key] or "")
        for key in (*JDIHN_KEYS, *EXTRA_KEYS)
        if record[key] or key not in DATE_KEYS
    }


def abstract_file_name(document) -> str:
    """The uploaded abstract's file name, or the name the abstract text is served under."""
    if document.abstract_file:
        return posixpath.basename(document.abstract_file.name)
    return f"abstrak-{document.pk}.pdf"


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
