"""Behind the reverse proxy every citizen has their own survey budget (finding 9)."""

from __future__ import annotations

import pytest

from lontar.survey import ratelimit
from lontar.survey.models import SurveyResponse
from lontar.survey.tests.helpers import all_answers, form_data

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def _post(client, forwarded: str):
    return client.post(
        "/survei/ppid/",
        form_data(all_answers(4)),
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_two_citizens_behind_the_proxy_have_separate_budgets(
    client, period_a, settings, monkeypatch
):
    settings.LONTAR_TRUSTED_PROXY_COUNT = 1
    monkeypatch.setattr(ratelimit, "SUBMISSIONS_PER_WINDOW", 1)

    first = _post(client, "203.0.113.5")
    first_again = _post(client, "203.0.113.5")
    second = _post(client, "203.0.113.6")

    assert (first.status_code, first_again.status_code, second.status_code) == (302, 429, 302)
    assert SurveyResponse.objects.count() == 2


def test_without_a_trusted_proxy_a_forged_header_does_not_buy_a_new_budget(
    client, period_a, settings, monkeypatch
):
    settings.LONTAR_TRUSTED_PROXY_COUNT = 0
    monkeypatch.setattr(ratelimit, "SUBMISSIONS_PER_WINDOW", 1)

    assert _post(client, "203.0.113.5").status_code == 302
    assert _post(client, "198.51.100.77").status_code == 429
    assert SurveyResponse.objects.count() == 1


def test_junk_forwarded_header_counts_as_the_proxy_and_never_fails(
    client, period_a, settings, monkeypatch
):
    settings.LONTAR_TRUSTED_PROXY_COUNT = 1
    monkeypatch.setattr(ratelimit, "SUBMISSIONS_PER_WINDOW", 1)

    assert _post(client, "junk").status_code == 302
    assert _post(client, "more junk, <x>").status_code == 429
