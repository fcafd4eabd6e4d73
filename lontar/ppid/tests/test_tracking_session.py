"""The tracking code is shown once and never kept; a tracking grant lasts half an hour; codes
are guessed neither from many addresses at one number nor with a rotated SECRET_KEY."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta
from urllib.parse import urlencode

import pytest
import time_machine
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings
from django.utils import timezone

from lontar.ppid import crypto
from lontar.ppid.models import InformationRequest
from lontar.ppid.selectors import track_request
from lontar.ppid.tests.helpers import form_data, make_request
from lontar.ppid.views import TRACKING_FAILURES_PER_NUMBER

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()


def _session_text(client) -> str:
    return repr(dict(client.session.items()))


def test_code_is_shown_once_then_gone_from_the_session(client, agency_a):
    response = client.post("/ppid/permohonan/baru/", form_data(), follow=True)
    code = response.context["code"]
    assert code and code in response.content.decode()

    assert code not in _session_text(client)
    again = client.get("/ppid/permohonan/terkirim/")
    assert again.status_code == 200 and code not in again.content.decode()
    stored = InformationRequest.objects.get()
    assert stored.number in again.content.decode()
    assert track_request(stored.number, code) == stored  # the code itself still works


def test_tracking_grant_expires_after_half_an_hour(client, agency_a):
    request, code = make_request(agency_a)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        response = client.post("/ppid/lacak/", {"number": request.number, "code": code})
        assert response.status_code == 302
        assert client.get("/ppid/lacak/permohonan/").status_code == 200

        clock.shift(timedelta(minutes=29))
        assert client.get("/ppid/lacak/permohonan/").status_code == 200

        clock.shift(timedelta(minutes=2))
        # Back to the tracking form with the number filled in; the code is asked again.
        later = client.get("/ppid/lacak/permohonan/")
        assert later.status_code == 302
        assert later["Location"] == f"/ppid/lacak/?{urlencode({'nomor': request.number})}"
        form = client.get(later["Location"]).content.decode()
        assert f'value="{request.number}"' in form and code not in form
        assert client.get("/ppid/lacak/berkas/pemberitahuan/")["Location"].startswith(
            "/ppid/lacak/"
        )
        assert client.session["ppid_tracked"] == {"id": request.pk}  # no time: no access


def test_receipt_of_a_new_request_expires_too(client, agency_a):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client.post("/ppid/permohonan/baru/", form_data())
        clock.shift(timedelta(minutes=31))
        number = InformationRequest.objects.get().number
        expected = f"/ppid/lacak/?{urlencode({'nomor': number})}"
        assert client.get("/ppid/permohonan/terkirim/")["Location"] == expected
        assert client.get("/ppid/permohonan/terkirim/tanda-terima.pdf")["Location"] == expected
        assert client.get("/ppid/lacak/permohonan/").status_code == 302


def test_receipt_link_in_another_browser_leads_to_the_empty_tracking_form(client, agency_a):
    client.post("/ppid/permohonan/baru/", form_data())
    other = Client()
    response = other.get("/ppid/permohonan/terkirim/")
    assert response.status_code == 302 and response["Location"] == "/ppid/lacak/"
    assert other.get("/ppid/lacak/permohonan/")["Location"] == "/ppid/lacak/"


def test_the_receipt_states_the_extension_and_what_comes_after(client, agency_a):
    body = client.post("/ppid/permohonan/baru/", form_data(), follow=True).content.decode()
    assert "7 hari kerja" in body and "keberatan" in body and "Komisi Informasi" in body
    stored = InformationRequest.objects.get()
    assert f"/ppid/lacak/?nomor={stored.number}" in body.replace("&amp;", "&")


def test_wrong_codes_from_many_addresses_lock_the_number_not_the_site(client, agency_a):
    request, code = make_request(agency_a)
    other, other_code = make_request(agency_a)
    for n in range(TRACKING_FAILURES_PER_NUMBER):
        response = client.post(
            "/ppid/lacak/",
            {"number": request.number, "code": f"BAD{n:05d}"},
            REMOTE_ADDR=f"198.51.100.{n + 1}",
        )
        assert "tidak cocok" in response.content.decode()

    # The right code from yet another address is refused too: the guesses were spent.
    locked = client.post(
        "/ppid/lacak/", {"number": request.number, "code": code}, REMOTE_ADDR="192.0.2.200"
    )
    assert locked.status_code == 200 and "untuk nomor ini" in locked.content.decode()
    assert "ppid_tracked" not in client.session
    # Another request's number is not affected.
    fine = client.post(
        "/ppid/lacak/", {"number": other.number, "code": other_code}, REMOTE_ADDR="192.0.2.201"
    )
    assert fine.status_code == 302


def test_the_right_code_does_not_use_up_the_numbers_budget(client, agency_a):
    request, code = make_request(agency_a)
    for n in range(TRACKING_FAILURES_PER_NUMBER + 5):
        response = client.post(
            "/ppid/lacak/",
            {"number": request.number, "code": code},
            REMOTE_ADDR=f"198.51.100.{n + 1}",
        )
        assert response.status_code == 302


def test_codes_keep_working_when_secret_key_rotates(agency_a):
    with override_settings(LONTAR_TRACKING_KEY="kunci-lacak-produksi"):
        request, code = make_request(agency_a)
        with override_settings(SECRET_KEY="kunci-rahasia-baru-setelah-rotasi"):
            assert track_request(request.number, code) == request


def test_without_a_tracking_key_tests_and_debug_use_the_old_derivation(settings):
    settings.LONTAR_TRACKING_KEY = ""
    old = hmac.new(settings.SECRET_KEY.encode(), b"track:ABCD1234", hashlib.sha256).hexdigest()
    assert crypto.tracking_code_hash("ABCD1234") == old
    settings.LONTAR_TRACKING_KEY = "kunci-lacak"
    assert crypto.tracking_code_hash("ABCD1234") != old


def test_production_refuses_to_hash_without_a_tracking_key(settings):
    settings.LONTAR_TRACKING_KEY = ""
    settings.DEBUG = False
    settings.TESTING = False
    with pytest.raises(ImproperlyConfigured, match="LONTAR_TRACKING_KEY"):
        crypto.tracking_code_hash("ABCD1234")
