"""Formula injection in CSV/XLSX exports: one helper for every export."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lontar.core.exports import safe_cell, safe_row


@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("http://x","y")',
        "@SUM(1+1)",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "=1+1",
        "\t=1+1",
        "\r=1+1",
        "-",
    ],
)
def test_text_a_spreadsheet_would_evaluate_gets_an_apostrophe(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value",
    [
        5,
        -5,
        2.5,
        -2.5,
        Decimal("-1.50"),
        None,
        True,
        "-2.5",
        "+62",
        "-1.500.000",
        "1e5",
        "Ruang tunggu panas",
        "",
        "a=b",
        "3 - 2",
    ],
)
def test_numbers_and_plain_text_are_untouched(value):
    assert safe_cell(value) == value


def test_safe_row_keeps_the_order_and_types():
    assert safe_row(["=A1", 3, "teks", None]) == ["'=A1", 3, "teks", None]


def test_program_tables_export_text_not_formulas():
    import csv
    import io

    from openpyxl import load_workbook

    from lontar.programs.tables import as_csv, as_xlsx

    columns = ["program", "nilai"]
    rows = [['=HYPERLINK("http://x","y")', Decimal("-1.5")], ["@SUM(1+1)", 3]]

    read_csv = list(csv.reader(io.StringIO(as_csv(columns, rows))))
    sheet = load_workbook(io.BytesIO(as_xlsx(columns, rows, "Program"))).active

    assert [r[0] for r in read_csv[1:]] == ['\'=HYPERLINK("http://x","y")', "'@SUM(1+1)"]
    assert [r[1] for r in read_csv[1:]] == ["-1.5", "3"]
    assert [sheet.cell(row=i, column=1).value for i in (2, 3)] == [
        '\'=HYPERLINK("http://x","y")',
        "'@SUM(1+1)",
    ]
    assert [sheet.cell(row=i, column=2).value for i in (2, 3)] == [-1.5, 3]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_open_data_csv_of_a_live_table_exports_text_not_formulas():
    import csv
    import io

    from lontar.opendata.tabular import Table, to_csv

    table = Table(columns=["=nama", "jumlah"], rows=[{"=nama": "@SUM(1+1)", "jumlah": -4}])

    rows = list(csv.reader(io.StringIO(to_csv(table))))

    assert rows == [["'=nama", "jumlah"], ["'@SUM(1+1)", "-4"]]
