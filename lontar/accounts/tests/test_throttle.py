"""Finding 4: login brute force. The real login form, no force_login."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from lontar.accounts.tests.helpers import PASSWORD, password_login
from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import UserFactory, staff_member

pytestmark = pytest.mark.django_db

LOCKED_TEXT = "Terlalu banyak percobaan masuk"


def signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_thirty_wrong_passwords_lock_the_account_and_the_right_one_is_refused(client, writer):
    statuses = [
        password_login(client, writer.username, f"salah-{i}").status_code for i in range(30)
    ]

    assert statuses[:4] == [200] * 4  # the form again, with its error
    assert set(statuses[4:]) == {429}
    response = password_login(client, writer.username, PASSWORD)
    assert response.status_code == 429
    assert LOCKED_TEXT in response.content.decode()
    assert not signed_in(client)


def test_a_locked_pair_opens_again_after_fifteen_minutes_and_success_resets(client, writer):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for i in range(5):
            password_login(client, writer.username, f"salah-{i}")
        assert password_login(client, writer.username, PASSWORD).status_code == 429

        traveller.shift(timedelta(minutes=14))
        assert password_login(client, writer.username, PASSWORD).status_code == 429

        # The refused attempt above restarted the cool-off: 15 minutes from it.
        traveller.shift(timedelta(minutes=15, seconds=1))
        assert password_login(client, writer.username, PASSWORD).status_code == 302
        assert signed_in(client)

        client.post("/admin/logout/")
        # The success wiped the failures: four new mistakes do not lock.
        for i in range(4):
            assert password_login(client, writer.username, f"lagi-{i}").status_code == 200
        assert password_login(client, writer.username, PASSWORD).status_code == 302


def test_an_address_is_capped_at_thirty_failures_an_hour_across_usernames(client, writer):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        # Three mistakes on each of ten names: no (username, address) pair reaches five.
        for n in range(10):
            for i in range(3):
                assert password_login(client, f"tebakan-{n}", f"salah-{i}").status_code in (
                    200,
                    429,
                )
        refused = password_login(client, writer.username, PASSWORD)
        assert refused.status_code == 429
        assert not signed_in(client)

        # Another address is not affected.
        elsewhere = password_login(client, writer.username, PASSWORD, REMOTE_ADDR="10.9.8.7")
        assert elsewhere.status_code == 302
        client.post("/admin/logout/", REMOTE_ADDR="10.9.8.7")

        traveller.shift(timedelta(hours=1, minutes=1))
        assert password_login(client, writer.username, PASSWORD).status_code == 302


def test_the_thirtieth_failure_from_an_address_is_answered_with_the_lockout(client):
    statuses = []
    for n in range(10):
        for i in range(3):
            statuses.append(password_login(client, f"nama-{n}", f"salah-{i}").status_code)
    assert statuses[:29] == [200] * 29
    assert statuses[29] == 429


def test_the_lockout_page_does_not_tell_whether_the_account_exists(client, writer):
    def lockout_body(username: str, address: str) -> tuple[int, str]:
        for i in range(5):
            response = password_login(client, username, f"salah-{i}", REMOTE_ADDR=address)
        body = response.content.decode()
        body = body.replace(username, "NAMA")
        main = body[body.index("<main") : body.index("</main>")]
        return response.status_code, main

    existing = lockout_body(writer.username, "10.0.0.1")
    missing = lockout_body("tidak-ada-orangnya", "10.0.0.2")
    assert existing == missing
    assert existing[0] == 429
    assert "NAMA" not in existing[1]


def test_lockout_follows_the_same_client_address_as_the_rest_of_the_app(client, writer, settings):
    settings.LONTAR_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.254"}
    for i in range(5):
        password_login(
            client, writer.username, f"salah-{i}", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy
        )
    # A made-up left-most hop does not dodge the lock: the proxy's own entry counts.
    spoofed = password_login(
        client,
        writer.username,
        PASSWORD,
        HTTP_X_FORWARDED_FOR="198.51.100.77, 203.0.113.5",
        **proxy,
    )
    assert spoofed.status_code == 429
    # Another visitor behind the same proxy is a different address.
    other = password_login(
        client, writer.username, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99", **proxy
    )
    assert other.status_code == 302


def test_lockout_holds_with_the_cache_on_a_dead_redis(client, writer, settings):
    # The cache class production uses with REDIS_URL (settings.py): every page reads the cache
    # (content version, page cache), and a dead Redis must not turn them into 500s.
    settings.CACHES = {
        "default": {
            "BACKEND": "lontar.core.cache.FailSoftRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    for i in range(5):
        password_login(client, writer.username, f"salah-{i}")
    response = password_login(client, writer.username, PASSWORD)
    assert response.status_code == 429
    assert LOCKED_TEXT in response.content.decode()


def test_a_ppid_officer_is_throttled_the_same_way(client, agency_a):
    officer = staff_member(agency_a, Role.PPID_OFFICER, username="petugas-kunci")
    for i in range(5):
        password_login(client, officer.username, f"salah-{i}")
    assert password_login(client, officer.username, PASSWORD).status_code == 429


def test_django_admin_is_not_exposed(client, db):
    UserFactory(username="super", is_superuser=True, is_staff=True)
    with pytest.raises(NoReverseMatch):
        reverse("admin:index")
    assert reverse("wagtailadmin_login") == "/admin/login/"
