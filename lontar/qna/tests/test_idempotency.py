"""A double click or a retried POST of the question form asks one question, not two."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from lontar.qna.models import Question
from lontar.qna.tests.test_public import ASK_URL, _form_data

pytestmark = pytest.mark.django_db


def shown_key(client) -> str:
    body = client.get(ASK_URL).content.decode()
    return re.search(r'name="submission_key" value="([^"]+)"', body).group(1)


def test_sending_the_same_question_twice_stores_it_once_and_answers_the_same(
    client, agency_a, django_capture_on_commit_callbacks
):
    data = _form_data(submission_key=shown_key(client))

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(ASK_URL, data)
        second = client.post(ASK_URL, data)

    question = Question.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert second["Location"].startswith(question.tracking_url())
    assert len(mail.outbox) == 1


def test_two_forms_ask_two_questions(client, agency_a):
    client.post(ASK_URL, _form_data(submission_key=shown_key(client)))
    client.post(ASK_URL, _form_data(submission_key=shown_key(client)))
    assert Question.objects.count() == 2
