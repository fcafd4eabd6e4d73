"""Parsing uploaded tables and querying them like CKAN's datastore."""

import io
import json
from datetime import date

import pytest
from openpyxl import Workbook

from lontar.opendata import tabular
from lontar.opendata.tests.helpers import ASN_CSV


def test_csv_rows_are_typed_and_column_types_inferred():
    table = tabular.parse(ASN_CSV.encode(), "CSV")
    assert table.columns == ["kabupaten", "golongan", "jenis_kelamin", "jumlah"]
    assert table.rows[0]["jumlah"] == 120
    assert table.types == {
        "kabupaten": "text",
        "golongan": "text",
        "jenis_kelamin": "text",
        "jumlah": "int",
    }


def test_semicolon_csv_with_bom_and_decimals():
    table = tabular.parse("\ufeffunit;ikm;tanggal\nA;88.5;2025-01-31\n".encode(), "csv")
    assert table.rows == [{"unit": "A", "ikm": 88.5, "tanggal": date(2025, 1, 31)}]
    assert table.types["ikm"] == "numeric"
    assert table.types["tanggal"] == "date"


def test_xlsx_and_json():
    book = Workbook()
    sheet = book.active
    sheet.append(["nama", "jumlah"])
    sheet.append(["A", 3])
    sheet.append([None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    assert tabular.parse(buffer.getvalue(), "XLSX").rows == [{"nama": "A", "jumlah": 3}]
    data = json.dumps([{"a": 1}, {"a": 2, "b": "x"}]).encode()
    table = tabular.parse(data, "JSON")
    assert table.columns == ["a", "b"]
    assert table.rows[1] == {"a": 2, "b": "x"}


def test_query_filters_search_sort_and_paging():
    table = tabular.parse(ASN_CSV.encode(), "CSV")
    columns, rows, total = tabular.query(
        table, filters={"golongan": "III"}, sort="jumlah desc", limit=2, fields=["jumlah"]
    )
    assert columns == ["jumlah"]
    assert rows == [{"jumlah": 135}, {"jumlah": 120}]
    assert total == 3
    _, rows, total = tabular.query(table, q="sumber", offset=1)
    assert total == 2 and rows == [table.rows[4]]
    _, rows, _ = tabular.query(table, filters={"golongan": ["IV"], "jenis_kelamin": "P"})
    assert [r["kabupaten"] for r in rows] == ["Sumber Air"]


def test_query_refuses_unknown_columns():
    table = tabular.parse(ASN_CSV.encode(), "CSV")
    for kwargs in ({"filters": {"x; drop": 1}}, {"fields": ["nope"]}, {"sort": "nope asc"}):
        with pytest.raises(tabular.QueryError):
            tabular.query(table, **kwargs)


@pytest.mark.django_db
def test_resource_upload_must_be_a_readable_table(agency_a):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lontar.opendata.models import Resource
    from lontar.opendata.tests.helpers import make_dataset

    dataset = make_dataset(agency_a)
    good = Resource(dataset=dataset, name="ok", format="CSV")
    good.file = SimpleUploadedFile("asn.csv", ASN_CSV.encode())
    good.full_clean()
    wrong = Resource(dataset=dataset, name="x", format="XLSX")
    wrong.file = SimpleUploadedFile("asn.xlsx", b"not a workbook")
    with pytest.raises(ValidationError):
        wrong.full_clean()
    with pytest.raises(ValidationError):
        Resource(dataset=dataset, name="kosong").full_clean()
    with pytest.raises(ValidationError):
        Resource(dataset=dataset, name="x", generator="tidak-ada").full_clean()
