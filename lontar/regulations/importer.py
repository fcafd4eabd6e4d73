"""Bulk import of documents from CSV or XLSX, all or nothing.

The first row names the columns (COLUMNS below; docs/domain/jdih.md lists them). Every row is
checked first; one bad row means nothing is imported and the report lists every problem with
its row number (as the spreadsheet shows it: the header is row 1), column and an Indonesian
message. A dry run only checks.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction

from lontar.regulations.models import DocumentRelation, DocumentType, LegalDocument, Subject
from lontar.regulations.services import refresh_statuses

COLUMNS = {
    "tipe_dokumen": "document_type",
    "jenis": "kind",
    "singkatan_jenis": "kind_abbreviation",
    "nomor": "number",
    "tahun": "year",
    "judul": "title",
    "teu_badan": "teu_body",
    "tempat_penetapan": "place_enacted",
    "tanggal_penetapan": "enacted_on",
    "tanggal_pengundangan": "promulgated_on",
    "tanggal_berlaku": "effective_on",
    "sumber": "source",
    "subjek": "subjects",
    "bidang_hukum": "field_of_law",
    "bahasa": "language",
    "penandatangan": "signer",
    "pemrakarsa": "initiating_unit",
    "lokasi": "original_location",
    "abstrak": "abstract",
}
# Relation columns: the documents this row amends / revokes / implements, written as
# "<jenis or singkatan> Nomor <nomor> Tahun <tahun>", several separated by ";". A reference may
# name a document already in the library or another row of the same file.
RELATION_COLUMNS = {"mengubah": "mengubah", "mencabut": "mencabut", "melaksanakan": "melaksanakan"}
REFERENCE = re.compile(r"^(?P<kind>.+?)\s+Nomor\s+(?P<number>\S+)\s+Tahun\s+(?P<year>\d{4})$", re.I)
REQUIRED = ("jenis", "tahun", "judul")
DATE_COLUMNS = ("tanggal_penetapan", "tanggal_pengundangan", "tanggal_berlaku")
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")
MAX_ROWS = 5000
MAX_LENGTHS = {
    column: LegalDocument._meta.get_field(name).max_length
    for column, name in COLUMNS.items()
    if column not in ("subjek", "tahun", *DATE_COLUMNS)
    and getattr(LegalDocument._meta.get_field(name), "max_length", None)
}


class ImportFileError(Exception):
    """The file cannot be read at all (wrong format, no header, too many rows)."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportReport:
    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    imported: int = 0
    dry_run: bool = True

    @property
    def ok(self) -> bool:
        return not self.errors


def _cell(value) -> object:
    if isinstance(value, str):
        return value.strip()
    return "" if value is None else value


def read_rows(name: str, data: bytes) -> list[dict]:
    """The rows of a CSV (UTF-8, comma or semicolon) or XLSX file as {column: value}."""
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
            table = [list(row) for row in sheet.iter_rows(values_only=True)]
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise ImportFileError("Berkas XLSX tidak dapat dibaca.") from exc
    elif name.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFileError("Berkas CSV harus berenkode UTF-8.") from exc
        delimiter = (
            ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
        )
        table = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    else:
        raise ImportFileError("Gunakan berkas .csv atau .xlsx.")
    if not table:
        raise ImportFileError("Berkas kosong.")
    header = [str(_cell(h)).lower().replace(" ", "_") for h in table[0]]
    unknown = [h for h in header if h and h not in COLUMNS and h not in RELATION_COLUMNS]
    if unknown:
        raise ImportFileError(f"Kolom tidak dikenal: {', '.join(unknown)}.")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError(f"Kolom wajib tidak ada: {', '.join(missing)}.")
    rows = []
    for values in table[1:]:
        row = {h: _cell(v) for h, v in zip(header, values, strict=False) if h}
        rows.append(row)
    while rows and not any(rows[-1].values()):
        rows.pop()
    if len(rows) > MAX_ROWS:
        raise ImportFileError(f"Paling banyak {MAX_ROWS} baris sekali impor.")
    return rows


def _parse_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(str(value), fmt).date()  # noqa: DTZ007 (a calendar date)
        except ValueError:
            continue
    raise ValueError


def clean_row(row: dict, row_number: int) -> tuple[dict, list[RowError]]:
    """Model field values for one row, and what is wrong with it."""
    errors: list[RowError] = []
    values: dict = {}

    def error(column: str, message: str) -> None:
        errors.append(RowError(row_number, column, message))

    for column in REQUIRED:
        if row.get(column) in ("", None):
            error(column, "Wajib diisi.")
    for column, limit in MAX_LENGTHS.items():
        text = str(row.get(column, "") or "")
        if len(text) > limit:
            error(column, f"Terlalu panjang (paling banyak {limit} karakter).")
        elif column in row:
            values[COLUMNS[column]] = text
    document_type = str(row.get("tipe_dokumen") or DocumentType.REGULATION).lower()
    if document_type not in DocumentType.values:
        error("tipe_dokumen", f"Harus salah satu dari: {', '.join(DocumentType.values)}.")
    values["document_type"] = document_type
    raw_year = row.get("tahun")
    if raw_year not in ("", None):
        try:
            year = int(float(raw_year)) if isinstance(raw_year, float) else int(str(raw_year))
        except ValueError:
            error("tahun", "Tahun harus berupa angka, mis. 2021.")
        else:
            if not 1945 <= year <= 2100:
                error("tahun", "Tahun harus antara 1945 dan 2100.")
            values["year"] = year
    for column in DATE_COLUMNS:
        raw = row.get(column)
        if raw in ("", None):
            continue
        try:
            values[COLUMNS[column]] = _parse_date(raw)
        except ValueError:
            error(column, "Tanggal tidak dikenali; gunakan TTTT-BB-HH, mis. 2021-03-15.")
    enacted, promulgated = values.get("enacted_on"), values.get("promulgated_on")
    if enacted and promulgated and promulgated < enacted:
        error("tanggal_pengundangan", "Tanggal pengundangan tidak boleh sebelum penetapan.")
    values["subjects"] = [s.strip() for s in str(row.get("subjek") or "").split(";") if s.strip()]
    if any(len(s) > 150 for s in values["subjects"]):
        error("subjek", "Setiap subjek paling banyak 150 karakter.")
    if not values.get("language"):
        values["language"] = "Indonesia"
    values["relations"] = []
    for column, kind in RELATION_COLUMNS.items():
        for reference in (r.strip() for r in str(row.get(column) or "").split(";")):
            if not reference:
                continue
            match = REFERENCE.match(reference)
            if match is None:
                error(
                    column,
                    f'Rujukan "{reference}" tidak dikenali; tulis mis. '
                    '"Pergub Nomor 5 Tahun 2021".',
                )
                continue
            target = (match["kind"].lower(), match["number"], int(match["year"]))
            values["relations"].append((column, kind, reference, target))
    return values, errors


def _identity(values: dict) -> tuple:
    return (values.get("kind", "").lower(), values.get("number", ""), values.get("year"))


def _aliases(kind: str, abbreviation: str, number: str, year) -> list[tuple]:
    names = {kind.lower(), (abbreviation or "").lower()} - {""}
    return [(name, number, year) for name in names]


def check_rows(agency, rows: list[dict]) -> tuple[list[dict], list[RowError]]:
    """Clean every row; a document already in the library or twice in the file is an error,
    and so is a relation to a document found neither in the library nor in the file."""
    library = LegalDocument.objects.filter(agency=agency).exclude(number="")
    existing = {
        (kind.lower(), number, year)
        for kind, number, year in library.values_list("kind", "number", "year")
    }
    known = {
        alias
        for row in library.values_list("kind", "kind_abbreviation", "number", "year")
        for alias in _aliases(*row)
    }
    for row in rows:
        if row.get("jenis") and row.get("nomor"):
            year = str(row.get("tahun") or "").split(".")[0]
            if year.isdigit():
                known.update(
                    _aliases(
                        str(row["jenis"]),
                        str(row.get("singkatan_jenis") or ""),
                        str(row["nomor"]),
                        int(year),
                    )
                )
    seen: dict[tuple, int] = {}
    cleaned, errors = [], []
    for index, row in enumerate(rows, start=2):
        values, row_errors = clean_row(row, index)
        identity = _identity(values)
        if values.get("number") and not row_errors:
            if identity in existing:
                row_errors.append(RowError(index, "nomor", "Dokumen ini sudah ada di pustaka."))
            elif identity in seen:
                row_errors.append(
                    RowError(index, "nomor", f"Sama dengan baris {seen[identity]} pada berkas ini.")
                )
            seen.setdefault(identity, index)
        for column, _kind, reference, target in values["relations"]:
            if target not in known:
                row_errors.append(
                    RowError(index, column, f'Dokumen "{reference}" tidak ditemukan.')
                )
            elif target in _aliases(
                values.get("kind", ""),
                values.get("kind_abbreviation", ""),
                values.get("number", ""),
                values.get("year"),
            ):
                row_errors.append(RowError(index, column, "Dokumen tak dapat merujuk dirinya."))
        cleaned.append(values)
        errors.extend(row_errors)
    return cleaned, errors


def import_documents(agency, rows: list[dict], *, dry_run: bool) -> ImportReport:
    """Check all rows; unless a dry run and only when every row is good, import them all."""
    cleaned, errors = check_rows(agency, rows)
    report = ImportReport(rows=len(rows), errors=errors, dry_run=dry_run)
    if errors or dry_run:
        return report
    with transaction.atomic():
        subjects = {s.name.lower(): s for s in Subject.objects.filter(agency=agency)}
        created = []
        for values in cleaned:
            names = values.pop("subjects")
            relations = values.pop("relations")
            document = LegalDocument.objects.create(agency=agency, **values)
            created.append((document, relations))
            chosen = []
            for name in names:
                if name.lower() not in subjects:
                    subjects[name.lower()] = Subject.objects.create(agency=agency, name=name)
                chosen.append(subjects[name.lower()])
            document.subjects.set(chosen)
        _create_relations(agency, created)
        refresh_statuses(agency)
    report.imported = len(cleaned)
    return report


def _create_relations(agency, created: list[tuple[LegalDocument, list]]) -> None:
    by_alias = {}
    for document in LegalDocument.objects.filter(agency=agency).exclude(number=""):
        for alias in _aliases(
            document.kind, document.kind_abbreviation, document.number, document.year
        ):
            by_alias[alias] = document
    for document, relations in created:
        for _column, kind, _reference, target in relations:
            DocumentRelation.objects.get_or_create(
                source=document, kind=kind, target=by_alias[target]
            )
