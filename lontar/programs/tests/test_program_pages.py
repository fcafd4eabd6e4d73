"""What a visitor sees on /program/: the year's programs, a program's indicators and budget,
and the same figures as CSV and XLSX downloads."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from lontar.agencies.tests.factories import UnitFactory
from lontar.programs.tables import programs_table
from lontar.programs.tests.helpers import indicator, program

pytestmark = pytest.mark.django_db


def test_list_shows_the_latest_year_with_budget_progress(
    client, agency_a, django_assert_max_num_queries
):
    old = program(agency_a, year=2024, name="Program Lama")
    current = program(agency_a, year=2025)
    for n in range(3):
        indicator(program(agency_a, name=f"Kegiatan {n}", year=2025))
    indicator(current)

    with django_assert_max_num_queries(8):  # + the serta merta banner, cached once warm
        response = client.get("/program/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Program Pengembangan SDM" in html
    assert old.name not in html
    assert "Rp 1.250.000.000" in html
    assert 'role="img"' in html and "75 persen tercapai" in html


def test_list_filters_by_year_and_unit(client, agency_a):
    unit = UnitFactory(agency=agency_a, name="Bidang Pengembangan")
    program(agency_a, name="Diklat Kepemimpinan", unit=unit)
    program(agency_a, name="Layanan Pensiun")
    program(agency_a, year=2024, name="Program Lama")

    html = client.get(f"/program/?tahun=2025&unit={unit.pk}").content.decode()
    assert "Diklat Kepemimpinan" in html
    assert "Layanan Pensiun" not in html
    assert "Program Lama" in client.get("/program/?tahun=2024").content.decode()


def test_other_agencies_programs_are_not_listed_or_shown(client, agency_a, agency_b):
    other = program(agency_b, name="Program Dinas B")

    assert "Program Dinas B" not in client.get("/program/").content.decode()
    assert client.get(f"/program/{other.pk}/").status_code == 404


def test_program_page_shows_indicators_per_quarter_and_budget(
    client, agency_a, django_assert_max_num_queries
):
    prog = program(agency_a)
    indicator(prog, realised_q3=150)
    indicator(prog, name="Indikator tanpa target", target="0")

    with django_assert_max_num_queries(8):  # + the serta merta banner, cached once warm
        response = client.get(f"/program/{prog.pk}/")

    html = response.content.decode()
    assert "ASN yang mengikuti pelatihan" in html
    assert "Triwulan III" in html
    assert "350 orang" in html  # 90 + 110 + 150 realised of 400
    assert "87,5 persen tercapai" in html
    assert "Belum dapat dihitung" in html
    assert "Rp 937.500.000" in html
    assert "<caption>" in html


def test_exceeded_target_is_said_in_words_with_a_full_bar(client, agency_a):
    prog = program(agency_a, budget_realised=0)
    indicator(prog, target="100", realised_q1=80, realised_q2=70)

    html = client.get(f"/program/{prog.pk}/").content.decode()
    assert "melampaui target" in html
    assert 'width="100"' in html


def test_programs_table_has_one_row_per_indicator(agency_a):
    prog = program(agency_a)
    indicator(prog)
    indicator(prog, name="Dokumen analisis jabatan", target="12")
    program(agency_a, name="Program tanpa indikator")

    columns, rows = programs_table(agency_a, 2025)
    assert "Capaian (%)" in columns
    assert len(rows) == 3
    assert all(len(row) == len(columns) for row in rows)


def test_csv_download(client, agency_a):
    indicator(program(agency_a))

    response = client.get("/program/unduh.csv?tahun=2025")

    assert response["Content-Type"].startswith("text/csv")
    assert "program-" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Tahun"
    assert rows[1][3] == "Program Pengembangan SDM"
    assert rows[1][6] == "1250000000"
    assert rows[1][-1] == "50"


def test_xlsx_download(client, agency_a):
    indicator(program(agency_a))

    response = client.get("/program/unduh.xlsx?tahun=2025")

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][3] == "Program/Kegiatan"
    assert values[1][3] == "Program Pengembangan SDM"
    assert values[1][6] == 1250000000


def test_planning_documents_are_listed_by_year(client, agency_a, django_assert_max_num_queries):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from lontar.programs.models import PlanningDocument

    for year in (2024, 2025):
        file = Document.objects.create(title="LKjIP", file=ContentFile(b"%PDF-1.4", "l.pdf"))
        PlanningDocument.objects.create(
            agency=agency_a, kind="lkjip", year=year, title=f"LKjIP BKD {year}", document=file
        )

    with django_assert_max_num_queries(5):  # + the serta merta banner, cached once warm
        html = client.get("/dokumen-perencanaan/").content.decode()

    assert html.index("LKjIP BKD 2025") < html.index("LKjIP BKD 2024")
    assert "Laporan Kinerja (LKjIP)" in html
