"""A double click or a retried POST of the request form files one request, not two."""

from __future__ import annotations

import re
import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from lontar.core import idempotency
from lontar.core.models import SubmissionKey
from lontar.ppid.models import InformationRequest
from lontar.ppid.tests.helpers import form_data

pytestmark = pytest.mark.django_db

URL = "/ppid/permohonan/baru/"


def shown_key(client) -> str:
    """The key the form carries when a citizen opens it."""
    body = client.get(URL).content.decode()
    return re.search(r'name="submission_key" value="([^"]+)"', body).group(1)


def test_the_form_carries_a_fresh_key_each_time_it_is_shown(client, agency_a):
    assert shown_key(client) != shown_key(client)


def test_sending_the_same_form_twice_files_one_request_with_one_receipt(
    client, agency_a, django_capture_on_commit_callbacks
):
    data = form_data(submission_key=shown_key(client))

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(URL, data)
        second = client.post(URL, data)

    stored = InformationRequest.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == "/ppid/permohonan/terkirim/"
    assert len(mail.outbox) == 1 and stored.number in mail.outbox[0].subject
    receipt = client.get(second["Location"]).content.decode()
    assert stored.number in receipt
    assert SubmissionKey.objects.get().object_id == str(stored.pk)


def test_a_retry_after_the_receipt_was_seen_shows_the_same_receipt(client, agency_a):
    data = form_data(submission_key=shown_key(client))
    client.post(URL, data)
    client.get("/ppid/permohonan/terkirim/")

    again = client.post(URL, data, follow=True)

    stored = InformationRequest.objects.get()
    assert stored.number in again.content.decode()


def test_another_browser_with_the_same_key_learns_only_that_it_was_received(agency_a):
    citizen, stranger = Client(), Client()
    data = form_data(submission_key=shown_key(citizen))
    citizen.post(URL, data)

    response = stranger.post(URL, data)

    stored = InformationRequest.objects.get()
    body = response.content.decode()
    assert response.status_code == 200
    assert "Permohonan sudah diterima" in body and "/ppid/lacak/" in body
    assert stored.number not in body and "Maria" not in body
    # The receipt link leads the stranger to the empty tracking form, never to the number.
    assert stranger.get("/ppid/permohonan/terkirim/")["Location"] == "/ppid/lacak/"


def test_different_forms_file_different_requests(client, agency_a):
    client.post(URL, form_data(submission_key=shown_key(client)))
    client.post(URL, form_data(submission_key=shown_key(client)))
    assert InformationRequest.objects.count() == 2


def test_a_repeat_does_not_use_up_the_hourly_allowance(client, agency_a):
    data = form_data(submission_key=shown_key(client))
    for _ in range(8):
        assert client.post(URL, data).status_code == 302
    fresh = client.post(URL, form_data(submission_key=shown_key(client)))
    assert fresh.status_code == 302 and InformationRequest.objects.count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="racing writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_racing_double_click_files_one_request_and_both_answers_show_the_receipt(agency_a):
    from django.db import close_old_connections

    browser = Client()
    data = form_data(submission_key=shown_key(browser))
    cookies = browser.cookies
    answers, errors = [], []
    start = threading.Barrier(4)

    def click():
        twin = Client()
        twin.cookies = cookies  # the same browser: the same session
        try:
            start.wait()
            answers.append(twin.post(URL, data))
        except Exception as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert InformationRequest.objects.count() == 1
    assert SubmissionKey.objects.count() == 1
    assert [a.status_code for a in answers] == [302] * 4
    assert {a["Location"] for a in answers} == {"/ppid/permohonan/terkirim/"}
    stored = InformationRequest.objects.get()
    assert stored.number in browser.get("/ppid/permohonan/terkirim/").content.decode()


class _WorkerKilled(BaseException):
    """The process dies: no middleware runs, nothing after this point happens."""


def test_a_worker_killed_after_the_commit_still_hands_the_retry_its_receipt(
    client, agency_a, monkeypatch
):
    # The crash loop found this: the request committed, the process died before the session
    # middleware saved the receipt, and the browser's retry got only "already received".
    data = form_data(submission_key=shown_key(client))

    real_submit_once = idempotency.submit_once

    def commit_then_die(*args, **kwargs):
        real_submit_once(*args, **kwargs)
        raise _WorkerKilled  # right after the commit, before anything else the view does

    with monkeypatch.context() as patch:
        patch.setattr(idempotency, "submit_once", commit_then_die)
        with pytest.raises(_WorkerKilled):
            client.post(URL, data)

    retry = client.post(URL, data, follow=True)

    stored = InformationRequest.objects.get()
    assert stored.number in retry.content.decode()
