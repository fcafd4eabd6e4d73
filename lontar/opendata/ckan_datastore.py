"""`datastore_search` as CKAN's DataStore answers it: an `_id` per row, `include_total`,
`records_format` (objects, lists, csv, tsv) and `_links` to this page's start and the next one."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlencode

from django.urls import reverse

from lontar.core.exports import safe_row
from lontar.opendata import selectors, tabular
from lontar.opendata.ckan_dicts import Context
from lontar.opendata.ckan_params import (
    MAX_OFFSET,
    boolean,
    integer,
    invalid,
    json_value,
    string_list,
    text,
)
from lontar.opendata.ckan_records import find_resource

RECORD_FORMATS = ("objects", "lists", "csv", "tsv")
DEFAULT_LIMIT = 100
MAX_LIMIT = 32000
# The parameters a `_links` URL carries on (CKAN links the same search, another offset).
LINKED = ("resource_id", "q", "filters", "fields", "sort", "limit", "records_format", "distinct")


def _numbered(table: tabular.Table) -> tabular.Table:
    """The table with CKAN's `_id` column: the row's number, from 1, in the table's order."""
    rows = [{"_id": number, **row} for number, row in enumerate(table.rows, start=1)]
    return tabular.Table(columns=["_id", *table.columns], rows=rows)


def _fields(params: dict) -> list[str] | None:
    fields = params.get("fields") or None
    if isinstance(fields, str):
        return [f.strip() for f in text(params, "fields", 2000).split(",") if f.strip()]
    if fields is not None:
        return string_list(fields, "fields")
    return None


def _link(params: dict, resource_id: str, offset: int | None) -> str:
    query: dict[str, str] = {}
    for name in LINKED:
        value = params.get(name)
        if value in (None, ""):
            continue
        query[name] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    query["resource_id"] = resource_id
    if offset:
        query["offset"] = str(offset)
    path = reverse("opendata:ckan-action", args=["datastore_search"])
    return f"{path}?{urlencode(sorted(query.items()))}"


def _delimited(columns: list[str], rows: list[dict], delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    for row in rows:
        writer.writerow(safe_row("" if row.get(c) is None else row.get(c) for c in columns))
    return buffer.getvalue()


def datastore_search(params: dict, ctx: Context) -> dict:
    """Search a resource's rows: filters, q, fields, sort, limit, offset, include_total,
    records_format (objects, lists, csv, tsv)."""
    resource = find_resource(params.get("resource_id") or params.get("id"), ctx)
    table = _numbered(selectors.table_of(resource))
    filters = json_value(params.get("filters") or {}, "filters")
    if not isinstance(filters, dict):
        raise invalid("filters", "Harus berupa objek")
    records_format = text(params, "records_format", 20) or "objects"
    if records_format not in RECORD_FORMATS:
        raise invalid("records_format", "Harus salah satu dari: " + ", ".join(RECORD_FORMATS))
    limit = integer(params, "limit", DEFAULT_LIMIT, MAX_LIMIT)
    offset = integer(params, "offset", 0, MAX_OFFSET)
    try:
        columns, rows, total = tabular.query(
            table,
            filters=filters,
            q=text(params, "q", 200),
            fields=_fields(params),
            sort=text(params, "sort", 200) or "_id",
            limit=limit,
            offset=offset,
        )
    except tabular.QueryError as error:
        raise invalid("filters", str(error)) from error
    types = table.types
    records: object
    if records_format == "lists":
        records = [[tabular.jsonable(row.get(c)) for c in columns] for row in rows]
    elif records_format in ("csv", "tsv"):
        records = _delimited(columns, rows, "," if records_format == "csv" else "\t")
    else:
        records = [{k: tabular.jsonable(v) for k, v in row.items()} for row in rows]
    resource_id = str(resource.uuid)
    result: dict = {
        "resource_id": resource_id,
        "fields": [{"id": name, "type": types.get(name, "text")} for name in columns],
        "records": records,
        "records_format": records_format,
        "limit": limit,
        "offset": offset,
        "_links": {
            "start": _link(params, resource_id, None),
            "next": _link(params, resource_id, offset + limit),
        },
    }
    if boolean(params, "include_total", True):
        result["total"] = total
        result["total_was_estimated"] = False
    return result
