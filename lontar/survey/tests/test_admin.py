"""Agency admins manage and publish their own agency's SKM periods, never another's."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from lontar.survey import services
from lontar.survey.models import SurveyPeriod, SurveyUnit
from lontar.survey.tests.helpers import all_answers, submit

pytestmark = pytest.mark.django_db

PERIODS = "wagtailsnippets_survey_surveyperiod"
UNITS = "wagtailsnippets_survey_surveyunit"


def publish_url(period) -> str:
    return reverse("survey_publish_period", args=[period.pk])


def test_agency_admin_lists_own_periods_only(client, period_a, period_b, agency_admin_b):
    client.force_login(agency_admin_b)

    response = client.get(reverse(f"{PERIODS}:list"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Layanan Perizinan" in body
    assert "Layanan Informasi Publik (PPID)" not in body
    assert publish_url(period_b) in body


def test_agency_admin_of_b_cannot_open_agency_a_period_or_unit(client, period_a, agency_admin_b):
    client.force_login(agency_admin_b)

    edit = client.get(reverse(f"{PERIODS}:edit", args=[period_a.pk]))
    unit = client.get(reverse(f"{UNITS}:edit", args=[period_a.unit_id]))

    assert edit.status_code == 404  # another agency's record is not confirmed to exist
    assert unit.status_code == 404


def test_agency_admin_of_b_cannot_publish_agency_a_period(client, period_a, agency_admin_b):
    submit(period_a, all_answers(4))
    client.force_login(agency_admin_b)

    page = client.get(publish_url(period_a))
    post = client.post(publish_url(period_a))

    assert page.status_code == 404
    assert post.status_code == 404
    period_a.refresh_from_db()
    assert not period_a.is_published


def test_an_editor_cannot_publish_a_period(client, period_a, editor):
    submit(period_a, all_answers(4))
    client.force_login(editor)

    response = client.post(publish_url(period_a))

    assert response.status_code in (302, 403)
    period_a.refresh_from_db()
    assert not period_a.is_published


def test_agency_admin_previews_then_publishes_own_period(client, period_a, agency_admin_a):
    submit(period_a, all_answers(4))
    submit(period_a, all_answers(3))
    client.force_login(agency_admin_a)

    preview = client.get(publish_url(period_a))
    published = client.post(publish_url(period_a), follow=True)

    assert "IKM 87,50" in preview.content.decode()
    assert "Terbitkan hasil" in preview.content.decode()
    assert published.status_code == 200
    assert "diterbitkan: IKM 87.50 (B, Baik)" in published.content.decode()
    period_a.refresh_from_db()
    assert period_a.index == Decimal("87.50")
    assert period_a.published_by == agency_admin_a


def test_publishing_an_empty_period_shows_the_reason(client, period_a, agency_admin_a):
    client.force_login(agency_admin_a)

    response = client.post(publish_url(period_a))

    assert "Belum ada jawaban survei" in response.content.decode()
    period_a.refresh_from_db()
    assert not period_a.is_published


def test_agency_admin_creates_a_period_for_own_unit_only(
    client, agency_a, agency_b, period_b, agency_admin_a
):
    own_unit = SurveyUnit.objects.create(agency=agency_a, name="Layanan Kepegawaian")
    client.force_login(agency_admin_a)
    data = {
        "agency": agency_a.pk,
        "name": "Semester I 2026",
        "kind": "semester",
        "starts_on": "2026-01-01",
        "ends_on": "2026-06-30",
        "is_open": "on",
        "population": "250",
        "follow_up_plan": "",
    }

    foreign = client.post(reverse(f"{PERIODS}:add"), {**data, "unit": period_b.unit_id})
    own = client.post(reverse(f"{PERIODS}:add"), {**data, "unit": own_unit.pk})

    assert foreign.status_code == 200  # the form refuses a unit of another agency
    assert own.status_code == 302
    created = SurveyPeriod.objects.get(name="Semester I 2026")
    assert created.unit == own_unit
    assert created.agency == agency_a


def test_a_published_period_keeps_its_unit_and_dates_but_takes_a_follow_up_plan(
    client, agency_a, period_a, agency_admin_a
):
    submit(period_a, all_answers(4))
    services.publish_period(period_a, by=agency_admin_a)
    other_unit = SurveyUnit.objects.create(agency=agency_a, name="Layanan Kepegawaian")
    client.force_login(agency_admin_a)

    response = client.post(
        reverse(f"{PERIODS}:edit", args=[period_a.pk]),
        {
            "agency": agency_a.pk,
            "unit": other_unit.pk,
            "name": "Diganti",
            "kind": "tahun",
            "starts_on": "2020-01-01",
            "ends_on": "2020-12-31",
            "population": "5",
            "follow_up_plan": "Menambah loket.",
        },
    )

    assert response.status_code == 302
    period_a.refresh_from_db()
    assert period_a.unit != other_unit and period_a.name == "Triwulan I"
    assert period_a.population == 100
    assert period_a.follow_up_plan == "Menambah loket."
    assert period_a.index == Decimal("100.00")
