"""The demo BKD runs the SKM for two units over three semesters."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from lontar.survey.models import PageFeedback, SurveyPeriod, SurveyResponse

# Each loads the whole demo (a minute on two cores): `make test-extended` runs them; the
# browser tests of `make test` load the same demo and walk its pages.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_survey_has_two_published_semesters_per_unit_and_loads_nothing_twice(client):
    call_command("load_demo")
    counts = (
        SurveyPeriod.objects.count(),
        SurveyResponse.objects.count(),
        PageFeedback.objects.count(),
    )

    call_command("load_demo")

    assert (
        SurveyPeriod.objects.count(),
        SurveyResponse.objects.count(),
        PageFeedback.objects.count(),
    ) == counts
    assert counts[2] > 0
    assert counts[0] == 6
    published = SurveyPeriod.objects.filter(published_at__isnull=False)
    assert published.count() == 4
    for period in published:
        assert period.respondents == period.responses.count()
        assert (
            len(
                {answers["waktu"] for answers in period.responses.values_list("answers", flat=True)}
            )
            > 1
        )
    home = client.get("/").content.decode()
    results = client.get("/survei/hasil/").content.decode()
    survey = client.get("/survei/").content.decode()
    assert '<a href="/survei/">Survei</a>' in home
    assert results.count('class="survey-result"') == 4
    assert "Layanan Kepegawaian" in survey and 'href="/survei/ppid/"' in survey
