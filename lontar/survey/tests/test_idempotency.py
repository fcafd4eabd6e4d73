"""A double click or a retried POST stores one survey response and one page feedback."""

from __future__ import annotations

import re

import pytest

from lontar.survey.models import PageFeedback, SurveyInvitation, SurveyResponse
from lontar.survey.tests.helpers import all_answers, form_data
from lontar.survey.tests.test_invitations import local, token_of
from lontar.survey.tests.test_page_feedback import feedback_url, profile_page

pytestmark = pytest.mark.django_db

KEY = re.compile(r'name="submission_key" value="([^"]+)"')


def shown_key(client, url: str) -> str:
    return KEY.search(client.get(url).content.decode()).group(1)


def test_sending_the_questionnaire_twice_stores_one_response(client, period_a):
    data = form_data(all_answers(4), submission_key=shown_key(client, "/survei/ppid/"))

    first = client.post("/survei/ppid/", data)
    second = client.post("/survei/ppid/", data)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == "/survei/ppid/terima-kasih/"
    assert SurveyResponse.objects.count() == 1


def test_a_retried_invitation_response_is_thanked_not_refused(client, period_a):
    from lontar.survey import services

    url = local(services.invite_after_service(period_a.agency, "ppid", "permohonan:7"))
    data = form_data(all_answers(3), undangan=token_of(url), submission_key=shown_key(client, url))

    first = client.post(url, data)
    second = client.post(url, data)

    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert SurveyResponse.objects.count() == 1 and SurveyInvitation.objects.get().is_used


def test_two_questionnaires_store_two_responses(client, period_a):
    for _ in range(2):
        key = shown_key(client, "/survei/ppid/")
        client.post("/survei/ppid/", form_data(all_answers(4), submission_key=key))
    assert SurveyResponse.objects.count() == 2


def test_page_feedback_sent_twice_is_counted_once(client, agency_a):
    page = profile_page(agency_a)
    key = shown_key(client, "/profil/")

    first = client.post(feedback_url(page), {"helpful": "ya", "submission_key": key})
    second = client.post(feedback_url(page), {"helpful": "ya", "submission_key": key})

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert PageFeedback.objects.count() == 1
    # A fresh key (the page shown again) is a new answer.
    client.post(
        feedback_url(page), {"helpful": "tidak", "submission_key": shown_key(client, "/profil/")}
    )
    assert PageFeedback.objects.count() == 2


def test_a_refused_feedback_keeps_its_key_for_the_corrected_send(client, agency_a):
    page = profile_page(agency_a)
    key = shown_key(client, "/profil/")

    refused = client.post(feedback_url(page), {"comment": "x", "submission_key": key})

    assert refused.status_code == 400
    assert f'value="{key}"' in refused.content.decode()
