"""A citizen's suggestion never becomes a spreadsheet formula in the open-data exports."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from lontar.survey import services
from lontar.survey.tests.helpers import all_answers, submit

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("http://x","y")'
SUM = "@SUM(1+1)"


@pytest.fixture
def published(period_a, agency_admin_a):
    submit(period_a, all_answers(4), suggestion=LINK)
    submit(period_a, all_answers(3), suggestion=SUM)
    submit(period_a, all_answers(3), suggestion="-2+3", service_received="+cmd|' /C calc'!A0")
    period_a.follow_up_plan = LINK
    period_a.save()
    return services.publish_period(period_a, by=agency_admin_a)


def test_suggestions_export_prefixes_formula_text(client, published):
    response = client.get(f"/survei/hasil/{published.pk}/jawaban.csv")

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    suggestions = {row["saran"] for row in rows}
    assert {"'" + LINK, "'" + SUM, "'-2+3"} <= suggestions
    assert "'+cmd|' /C calc'!A0" in {row["jenis_layanan"] for row in rows}
    assert not any(value.startswith(("=", "@", "+")) for row in rows for value in row.values())


def test_xlsx_report_holds_staff_text_as_text_not_formula(client, published):
    response = client.get(f"/survei/hasil/{published.pk}/laporan.xlsx")

    workbook = load_workbook(io.BytesIO(response.content))
    cell = workbook["Tindak lanjut"]["A2"]
    assert cell.value == "'" + LINK and cell.data_type == "s"
    formulas = [
        c.coordinate for ws in workbook for row in ws.iter_rows() for c in row if c.data_type == "f"
    ]
    assert formulas == []
