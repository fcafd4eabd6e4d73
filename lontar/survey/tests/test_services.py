"""Storing responses and freezing a published result."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lontar.survey import ikm, services
from lontar.survey.models import SurveyResponse
from lontar.survey.tests.helpers import all_answers, submit

pytestmark = pytest.mark.django_db


def test_submit_response_stores_answers_by_element_key(period_a):
    response = submit(period_a, all_answers(3), suggestion="  Antrean lebih singkat.  ")

    stored = SurveyResponse.objects.get(pk=response.pk)
    assert stored.answers == all_answers(3)
    assert stored.suggestion == "Antrean lebih singkat."


def test_submit_response_refuses_a_missing_element(period_a):
    answers = all_answers(4)
    del answers["pengaduan"]

    with pytest.raises(services.MissingAnswers) as error:
        submit(period_a, answers)

    assert error.value.missing == ("pengaduan",)
    assert "Penanganan pengaduan" in str(error.value)
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize("bad", [0, 5, "3", True])
def test_submit_response_refuses_a_score_outside_one_to_four(period_a, bad):
    with pytest.raises(ikm.InvalidResponse):
        submit(period_a, {**all_answers(3), "waktu": bad})

    assert not SurveyResponse.objects.exists()


def test_submit_response_refuses_an_unknown_element(period_a):
    with pytest.raises(ikm.InvalidResponse):
        submit(period_a, {**all_answers(3), "maklumat": 4})


def test_a_closed_period_accepts_no_response(period_a):
    period_a.is_open = False
    period_a.save()

    with pytest.raises(services.SurveyClosed):
        submit(period_a, all_answers(3))


def test_publish_freezes_the_index_and_closes_the_period(period_a, agency_admin_a):
    submit(period_a, all_answers(4))
    submit(period_a, all_answers(3))

    services.publish_period(period_a, by=agency_admin_a)

    period_a.refresh_from_db()
    assert period_a.index == Decimal("87.50")
    assert (period_a.grade, period_a.label) == ("B", "Baik")
    assert period_a.respondents == 2
    assert period_a.formula_version == ikm.FORMULA_VERSION
    assert period_a.published_element_scores["waktu"] == Decimal("3.5")
    assert period_a.published_by == agency_admin_a
    assert not period_a.is_open


def test_a_later_response_does_not_change_a_published_result(period_a, agency_admin_a):
    submit(period_a, all_answers(4))
    services.publish_period(period_a, by=agency_admin_a)
    period_a.is_open = True  # reopened by an admin after publishing
    period_a.save()

    submit(period_a, all_answers(1))

    period_a.refresh_from_db()
    assert period_a.index == Decimal("100.00")
    assert period_a.respondents == 1
    assert period_a.responses.count() == 2


def test_a_published_result_cannot_be_published_again(period_a, agency_admin_a):
    submit(period_a, all_answers(4))
    services.publish_period(period_a, by=agency_admin_a)

    with pytest.raises(services.AlreadyPublished):
        services.publish_period(period_a, by=agency_admin_a)


def test_publishing_without_responses_is_refused(period_a, agency_admin_a):
    with pytest.raises(ikm.NoResponses):
        services.publish_period(period_a, by=agency_admin_a)

    period_a.refresh_from_db()
    assert not period_a.is_published
