"""The downloadable report (PDF, XLSX) and the anonymised answers (CSV) of a published period."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from fractions import Fraction

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from lontar.survey import ikm, reports, services
from lontar.survey.privacy import scrub_free_text
from lontar.survey.tests.helpers import all_answers, submit

pytestmark = pytest.mark.django_db

SCORES = (
    (4, 3, 2, 4, 3, 4, 4, 2, 3),
    (3, 3, 3, 4, 3, 3, 4, 3, 2),
    (4, 4, 3, 4, 4, 4, 3, 3, 3),
)
ANSWERS = [dict(zip(ikm.ELEMENT_KEYS, scores, strict=True)) for scores in SCORES]
PLAN = "Menambah loket pengaduan daring."


@pytest.fixture
def published(period_a, agency_admin_a):
    submit(period_a, ANSWERS[0], sex="L", suggestion="Hubungi saya di budi@example.com")
    submit(period_a, ANSWERS[1], suggestion="NIK 3201 0101 9001 0001, HP 0812-3456-7890.")
    submit(period_a, ANSWERS[2], suggestion='=HYPERLINK("x")')
    period_a.follow_up_plan = PLAN
    period_a.save()
    return services.publish_period(period_a, by=agency_admin_a)


def comma(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def urls(period) -> dict[str, str]:
    base = f"/survei/hasil/{period.pk}/"
    return {"pdf": base + "laporan.pdf", "xlsx": base + "laporan.xlsx", "csv": base + "jawaban.csv"}


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    # Words only, single-spaced: table cells wrap long names over lines.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_results_page_links_each_published_period_downloads(client, published):
    body = client.get("/survei/hasil/").content.decode()

    for url in urls(published).values():
        assert f'href="{url}"' in body


def test_pdf_report_states_the_published_figures(client, published):
    response = client.get(urls(published)["pdf"])

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="skm-ppid-triwulan-i.pdf"' in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert published.index == Decimal("82.41")
    assert comma(published.index) in text
    assert "Baik" in text and published.agency.name in text
    for key, nrr in published.published_element_scores.items():
        element = ikm.ELEMENTS_BY_KEY[key]
        assert element.name in text
        assert comma(ikm.round_nrr(nrr)) in text
        assert comma(ikm.round_nrr(nrr * 25)) in text
    assert "Waktu penyelesaian 2,67 66,67" in text
    assert "Sampel minimal (Krejcie dan Morgan) 80" in text
    assert "Perempuan" in text and "Profil responden" in text
    assert PLAN in text


def test_pdf_falls_back_to_core_fonts_without_dejavu(published, tmp_path):
    from lontar.survey.selectors import published_result

    result = published_result(published.agency, published.pk)
    content = reports.render_pdf(result, font_dir=tmp_path)  # no font files there

    text = pdf_text(content)
    assert "DejaVu" not in content.decode("latin-1")
    assert comma(published.index) in text
    assert "NRR (1-4)" in text  # the en dash, unknown to Latin-1, became a hyphen
    assert PLAN in text


def test_xlsx_report_holds_the_published_numbers_as_numbers(client, published):
    response = client.get(urls(published)["xlsx"])

    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    summary = {row[0]: row[1] for row in workbook["Ringkasan"].iter_rows(values_only=True)}
    assert Decimal(str(summary["Nilai IKM"])) == published.index
    assert summary["Mutu pelayanan"] == "B"
    assert summary["Jumlah responden"] == 3
    assert summary["Sampel minimal (Krejcie dan Morgan)"] == 80
    elements = list(workbook["Unsur"].iter_rows(values_only=True))
    scores = published.published_element_scores
    assert len(elements) == 1 + len(scores)
    by_name = {row[0]: row for row in elements[1:]}
    for key, nrr in scores.items():
        row = by_name[ikm.ELEMENTS_BY_KEY[key].name]
        assert Decimal(str(row[1])) == ikm.round_nrr(nrr)
        assert Decimal(str(row[2])) == ikm.round_nrr(nrr * 25)
    profile = list(workbook["Profil responden"].iter_rows(values_only=True))
    assert ("Jenis kelamin", "Laki-laki", 1, 33.33) in profile
    assert workbook["Tindak lanjut"]["A2"].value == PLAN


def test_csv_recomputes_to_the_published_index_and_hides_personal_data(client, published):
    response = client.get(urls(published)["csv"])

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == published.respondents
    answers = [{key: int(row[key]) for key in ikm.ELEMENT_KEYS} for row in rows]
    assert answers == ANSWERS
    # Recomputed here without the module under test: mean of the NRRs x 25.
    nrrs = [Fraction(sum(a[key] for a in answers), len(answers)) for key in ikm.ELEMENT_KEYS]
    exact = sum(nrrs) / len(nrrs) * 25
    assert round(float(exact), 2) == float(published.index)
    assert [row["jenis_kelamin"] for row in rows] == ["L", "P", "P"]
    assert rows[0]["tanggal_layanan"] == published.responses.first().service_date.isoformat()
    suggestions = [row["saran"] for row in rows]
    assert suggestions[0] == "Hubungi saya di [SUREL]"
    assert "3201" not in suggestions[1] and "0812" not in suggestions[1]
    assert suggestions[1].startswith("NIK [")
    assert suggestions[2].startswith("'=")  # never a live formula in a spreadsheet
    assert "nomor" in rows[0] and rows[0]["nomor"] == "1"


def test_csv_leaves_out_responses_that_arrived_after_publishing(client, published):
    published.is_open = True
    published.save()
    submit(published, all_answers(1))

    rows = list(csv.DictReader(io.StringIO(client.get(urls(published)["csv"]).content.decode())))

    assert len(rows) == published.respondents == 3


def test_unpublished_or_foreign_periods_have_no_downloads(client, period_a, period_b, agency_b):
    submit(period_b, all_answers(3))
    services.publish_period(period_b, by=None)

    for url in urls(period_a).values():  # not published
        assert client.get(url).status_code == 404
    for url in urls(period_b).values():  # another agency's, asked on this site
        assert client.get(url).status_code == 404
        assert client.get(url, HTTP_HOST="dinas-b.localhost").status_code == 200


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Terima kasih", "Terima kasih"),
        ("Telepon 081234567890 ya", "Telepon [TELEPON] ya"),
        ("rekening 123.456.789.0", "rekening [ANGKA]"),
        ("Antrean\n\ntiga jam", "Antrean tiga jam"),
        ("Loket 3 buka jam 8", "Loket 3 buka jam 8"),
    ],
)
def test_scrub_free_text(text, expected):
    assert scrub_free_text(text) == expected


def test_a_published_report_is_built_once_and_rebuilt_when_its_plan_changes(
    client, published, monkeypatch
):
    builds = []
    real = reports.render_pdf

    def counting(result):
        builds.append(result.period.pk)
        return real(result)

    monkeypatch.setattr(reports, "render_pdf", counting)
    first, second, third = (client.get(urls(published)["pdf"]) for _ in range(3))

    assert [r.status_code for r in (first, second, third)] == [200, 200, 200]
    assert first.content == second.content == third.content
    assert len(builds) == 1

    published.follow_up_plan = "Membuka loket sore hari."
    published.save()
    changed = client.get(urls(published)["pdf"])
    assert len(builds) == 2
    assert "Membuka loket sore hari." in pdf_text(changed.content)


def test_report_downloads_are_limited_per_visitor(client, published, monkeypatch):
    from lontar.survey import views

    monkeypatch.setattr(views, "REPORT_DOWNLOADS_PER_HOUR", 3)
    answers = [client.get(urls(published)[kind]).status_code for kind in ("pdf", "xlsx", "csv")]
    refused = client.get(urls(published)["pdf"])

    assert answers == [200, 200, 200]
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert "Terlalu banyak unduhan" in refused.content.decode()
