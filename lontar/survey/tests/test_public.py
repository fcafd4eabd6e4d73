"""What a visitor sees: the open surveys, the questionnaire, the thank-you and the results."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest

from lontar.survey import ikm, ratelimit, services
from lontar.survey.models import SurveyResponse
from lontar.survey.tests.conftest import make_period
from lontar.survey.tests.helpers import all_answers, form_data, submit

pytestmark = pytest.mark.django_db

# Scores in the display order of ikm.ELEMENTS: persyaratan, prosedur, waktu, biaya, produk,
# kompetensi, perilaku, pengaduan, sarana.
MIXED_SCORES = (
    (4, 3, 2, 4, 3, 4, 4, 2, 3),
    (3, 3, 3, 4, 3, 3, 4, 3, 2),
    (4, 4, 3, 4, 4, 4, 3, 3, 3),
)
MIXED = [dict(zip(ikm.ELEMENT_KEYS, scores, strict=True)) for scores in MIXED_SCORES]


def test_index_lists_open_surveys_of_this_site_only(client, period_a, period_b):
    closed = make_period(
        period_a.agency, unit_name="Layanan Kepegawaian", slug="kepegawaian", is_open=False
    )

    body = client.get("/survei/").content.decode()

    assert "Layanan Informasi Publik (PPID)" in body
    assert 'href="/survei/ppid/"' in body
    assert closed.unit.name not in body
    assert period_b.unit.name not in body


def test_questionnaire_labels_each_element_with_the_permen_wording(client, period_a):
    body = client.get("/survei/ppid/").content.decode()

    assert body.count("<fieldset") == len(ikm.ELEMENTS) + 1  # + sex
    for element in ikm.ELEMENTS:
        assert f"{element.name}</legend>" in body
        for option in element.options:
            assert f"> {option}</label>" in body


def test_submission_is_stored_and_thank_you_shown(client, period_a):
    answers = MIXED[0]

    response = client.post("/survei/ppid/", form_data(answers, suggestion="Ruang tunggu sejuk."))

    assert response.status_code == 302
    assert response["Location"] == "/survei/ppid/terima-kasih/"
    stored = SurveyResponse.objects.get()
    assert stored.period == period_a
    assert stored.answers == answers
    assert (stored.sex, stored.age_band, stored.education) == ("L", "21-30", "sma")
    assert stored.suggestion == "Ruang tunggu sejuk."
    thanks = client.get(response["Location"])
    assert "Terima kasih atas penilaian Anda" in thanks.content.decode()


def test_invalid_submission_keeps_answers_and_shows_error_beside_the_field(client, period_a):
    answers = dict(MIXED[0])
    del answers["waktu"]

    response = client.post("/survei/ppid/", form_data(answers, suggestion="Tetap di sini"))

    body = response.content.decode()
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()
    # The message sits inside the unanswered element's own fieldset, tied to it.
    fieldset = re.search(
        r'<fieldset class="question has-error" aria-describedby="id_unsur_waktu_error">'
        r".*?</fieldset>",
        body,
        re.S,
    ).group(0)
    assert "Pilih salah satu jawaban untuk unsur ini." in fieldset
    assert 'id="id_unsur_waktu_error"' in fieldset
    # Nothing typed is lost.
    assert 'value="4" id="id_unsur_persyaratan_3" checked' in body
    assert 'value="2" id="id_unsur_pengaduan_1" checked' in body
    assert "Tetap di sini</textarea>" in body
    assert 'value="Salinan SK"' in body


def test_missing_profile_field_error_is_tied_to_its_control(client, period_a):
    response = client.post("/survei/ppid/", form_data(MIXED[0], education=""))

    body = response.content.decode()
    assert 'id="id_education_error">Bagian ini wajib diisi.</p>' in body
    assert 'aria-describedby="id_education_error"' in body


def test_a_future_service_date_is_refused(client, period_a):
    response = client.post("/survei/ppid/", form_data(MIXED[0], service_date="2999-01-01"))

    assert "Tanggal layanan tidak boleh di masa depan." in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_closed_unit_says_so_and_unknown_unit_is_404(client, period_a):
    period_a.is_open = False
    period_a.save()

    closed = client.get("/survei/ppid/")
    unknown = client.get("/survei/tidak-ada/")

    assert closed.status_code == 404
    assert "Survei untuk layanan ini sedang tidak dibuka." in closed.content.decode()
    assert unknown.status_code == 404


def test_another_agency_unit_is_not_served_on_this_site(client, period_b):
    assert client.get("/survei/perizinan/").status_code == 404
    assert client.get("/survei/perizinan/", HTTP_HOST="dinas-b.localhost").status_code == 200


def test_submissions_are_limited_per_visitor(client, period_a, monkeypatch):
    monkeypatch.setattr(ratelimit, "SUBMISSIONS_PER_WINDOW", 2)
    for _ in range(2):
        assert client.post("/survei/ppid/", form_data(MIXED[0])).status_code == 302

    response = client.post("/survei/ppid/", form_data(MIXED[1], suggestion="Simpan saya"))
    other_visitor = client.post("/survei/ppid/", form_data(MIXED[1]), REMOTE_ADDR="10.0.0.9")

    body = response.content.decode()
    assert response.status_code == 429
    assert "Terlalu banyak jawaban dikirim dari jaringan Anda" in body
    assert "Simpan saya</textarea>" in body
    assert other_visitor.status_code == 302
    assert SurveyResponse.objects.count() == 3


def _independent_index(answers: list[dict[str, int]]) -> Decimal:
    """The Permen's formula, written again here: mean of the nine NRRs x 25, half-up."""
    nrrs = [Fraction(sum(a[key] for a in answers), len(answers)) for key in ikm.ELEMENT_KEYS]
    exact = sum(nrrs) / 9 * 25
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def test_results_show_the_published_index_recomputed_from_stored_answers(
    client, period_a, agency_admin_a
):
    for answers in MIXED:
        submit(period_a, answers)
    period_a.follow_up_plan = "Menambah loket pengaduan daring."
    period_a.save()
    services.publish_period(period_a, by=agency_admin_a)
    stored = list(SurveyResponse.objects.filter(period=period_a).values_list("answers", flat=True))
    expected = _independent_index(stored)

    body = client.get("/survei/hasil/").content.decode()

    assert expected == Decimal("82.41")  # 89 points / 27 answers x 25
    shown = str(expected).replace(".", ",")  # Indonesian writes a decimal comma
    assert f'<dd class="ikm-index">{shown}</dd>' in body
    assert "Baik" in body
    assert "3 dari sampel minimal 80" in body  # population 100 -> 80 (Krejcie-Morgan)
    assert "Menambah loket pengaduan daring." in body
    assert (
        f'role="img" aria-labelledby="chart-{period_a.pk}-title chart-{period_a.pk}-desc"' in body
    )
    assert f'id="chart-{period_a.pk}-title">Nilai rata-rata per unsur' in body
    # Waktu: (2 + 3 + 3) / 3 = 2.67 on the chart and in the table.
    assert '<th scope="row">Waktu penyelesaian</th><td>2,67</td><td>66,67</td>' in body
    # The bar is drawn in percent of its row; SVG numbers are never localised.
    assert '<rect width="66.7"' in body and not re.search(r'<rect width="[0-9]+,', body)


def test_results_ignore_unpublished_periods_and_other_agencies(
    client, period_a, period_b, agency_admin_b
):
    submit(period_a, all_answers(3))
    submit(period_b, all_answers(2))
    services.publish_period(period_b, by=agency_admin_b)

    body = client.get("/survei/hasil/").content.decode()

    assert "Belum ada hasil survei yang diterbitkan." in body
    assert "Layanan Perizinan" not in body


def test_results_page_query_count_is_bounded(
    client, agency_a, agency_admin_a, django_assert_max_num_queries
):
    for number in range(4):
        period = make_period(
            agency_a,
            unit_name=f"Layanan {number % 2}",
            slug=f"layanan-{number % 2}",
            name=f"Periode {number}",
        )
        submit(period, all_answers(3))
        services.publish_period(period, by=agency_admin_a)
    client.get("/survei/hasil/")  # warm the navigation cache, as in production

    with django_assert_max_num_queries(6):
        response = client.get("/survei/hasil/")

    assert response.status_code == 200
    assert response.content.decode().count('class="survey-result"') == 4


def test_results_show_respondent_profile_and_trend_over_periods(client, agency_a, agency_admin_a):
    older = make_period(agency_a, name="Semester I", kind="semester")
    newer = make_period(agency_a, name="Semester II", kind="semester")
    newer.starts_on = older.starts_on + timedelta(days=1)
    newer.save()
    submit(older, all_answers(2), sex="L")
    submit(older, all_answers(3), sex="P")
    submit(older, all_answers(3), sex="P")
    submit(newer, all_answers(4))
    services.publish_period(older, by=agency_admin_a)
    services.publish_period(newer, by=agency_admin_a)

    body = client.get("/survei/hasil/").content.decode()

    assert "Profil responden" in body
    assert '<th scope="row">Perempuan</th><td>2</td><td>66,67</td>' in body
    assert "Tren IKM" in body
    trend = body[body.index("Tren IKM") : body.index('class="survey-result"')]
    # Oldest period first; each index in the trend's data table.
    assert trend.index("Semester I</th><td>66,67") < trend.index("Semester II</th><td>100,00")
