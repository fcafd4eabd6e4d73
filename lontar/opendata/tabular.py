"""Pure tabular helpers: parse CSV/XLSX/JSON into columns and typed rows, infer column types,
and query rows the way CKAN's datastore_search does (filters, q, sort, paging) — in Python,
over already parsed rows, so no text from a request ever reaches SQL."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from lontar.core.exports import safe_row

Row = dict[str, object]


@dataclass
class Table:
    columns: list[str]
    rows: list[Row] = field(default_factory=list)

    @property
    def types(self) -> dict[str, str]:
        return {name: infer_type(row.get(name) for row in self.rows) for name in self.columns}


def _coerce(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, bool | int | float | date):
        return value
    text = str(value).strip()
    if text == "":
        return None
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def infer_type(values: Iterable[object]) -> str:
    """CKAN datastore type names: int, numeric, date or text."""
    kinds = {type(value) for value in values if value is not None}
    if not kinds:
        return "text"
    if kinds <= {int}:
        return "int"
    if kinds <= {int, float}:
        return "numeric"
    if kinds <= {date}:
        return "date"
    return "text"


def from_records(columns: Sequence[str], records: Iterable[Sequence[object]]) -> Table:
    rows = [
        {name: _coerce(value) for name, value in zip(columns, record, strict=False)}
        for record in records
    ]
    return Table(columns=list(columns), rows=rows)


def parse_csv(data: bytes) -> Table:
    text = data.decode("utf-8-sig")
    dialect = csv.excel
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        pass
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, [])
    columns = [name.strip() for name in header]
    return from_records(columns, (record for record in reader if any(record)))


def parse_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    records = sheet.iter_rows(values_only=True)
    header = next(records, ())
    columns = [str(name).strip() for name in header if name is not None]
    width = len(columns)
    return from_records(
        columns,
        (record[:width] for record in records if any(v is not None for v in record)),
    )


def parse_json(data: bytes) -> Table:
    payload = json.loads(data.decode("utf-8"))
    if isinstance(payload, dict):
        payload = payload.get("records") or payload.get("data") or []
    columns: list[str] = []
    for item in payload:
        for key in item:
            if key not in columns:
                columns.append(key)
    return from_records(columns, ([item.get(name) for name in columns] for item in payload))


PARSERS = {"CSV": parse_csv, "XLSX": parse_xlsx, "JSON": parse_json}


def parse(data: bytes, fmt: str) -> Table:
    return PARSERS[fmt.upper()](data)


def to_csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(safe_row(table.columns))
    for row in table.rows:
        writer.writerow(
            safe_row("" if row.get(name) is None else row.get(name) for name in table.columns)
        )
    return buffer.getvalue()


def jsonable(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


class QueryError(ValueError):
    """A datastore query names a column that does not exist, or is malformed."""


def _matches(row: Row, filters: dict[str, object]) -> bool:
    for name, wanted in filters.items():
        options = wanted if isinstance(wanted, list) else [wanted]
        if str(jsonable(row.get(name))) not in {str(option) for option in options}:
            return False
    return True


def _sort_key(name: str):
    def key(row: Row):
        value = row.get(name)
        return (value is None, str(type(value).__name__), value if value is not None else 0)

    return key


def query(
    table: Table,
    *,
    filters: dict[str, object] | None = None,
    q: str = "",
    fields: list[str] | None = None,
    sort: str = "",
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[str], list[Row], int]:
    """(columns, rows of the page, total matching) like CKAN's datastore_search."""
    filters = filters or {}
    for name in list(filters) + list(fields or []):
        if name not in table.columns:
            raise QueryError(f"Kolom tidak dikenal: {name}")
    rows = [row for row in table.rows if _matches(row, filters)]
    if q:
        needle = q.lower()
        rows = [
            r for r in rows if any(needle in str(v).lower() for v in r.values() if v is not None)
        ]
    for part in reversed([p.strip() for p in sort.split(",") if p.strip()]):
        name, _, direction = part.partition(" ")
        if name not in table.columns:
            raise QueryError(f"Kolom tidak dikenal: {name}")
        rows.sort(key=_sort_key(name), reverse=direction.strip().lower() == "desc")
    columns = list(fields) if fields else list(table.columns)
    page = [{name: row.get(name) for name in columns} for row in rows[offset : offset + limit]]
    return columns, page, len(rows)
