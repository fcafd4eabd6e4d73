"""Finding 4 / plan §3.3: sessions end when they should; passwords are hashed with Argon2id."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from lontar.accounts.sessions import session_expired
from lontar.accounts.tests.helpers import password_login
from lontar.config import settings as production

pytestmark = pytest.mark.django_db


def test_production_hashes_with_argon2id_and_upgrades_old_hashes(settings, writer):
    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    assert make_password("kata-sandi-panjang-sekali").startswith("argon2$argon2id$")

    writer.password = make_password("kata-sandi-lama-pbkdf2", hasher="pbkdf2_sha256")
    writer.save()
    assert writer.check_password("kata-sandi-lama-pbkdf2")
    writer.refresh_from_db()
    assert writer.password.startswith("argon2$argon2id$")
    assert check_password("kata-sandi-lama-pbkdf2", writer.password)


def test_passwords_need_twelve_characters_and_the_demo_one_passes(settings):
    assert settings.AUTH_PASSWORD_VALIDATORS == production.AUTH_PASSWORD_VALIDATORS
    with pytest.raises(ValidationError):
        validate_password("kuda-laut-9")  # 11
    validate_password("kuda-laut-90")  # 12
    validate_password(settings.LONTAR_DEMO_PASSWORD)


def test_sessions_live_in_the_database_for_at_most_eight_hours():
    assert production.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert production.SESSION_COOKIE_AGE <= 8 * 3600
    assert production.LONTAR_SESSION_IDLE_SECONDS <= 30 * 60


def test_session_lifetime_rule():
    hour = 3600
    assert not session_expired(
        now=10 * hour, login_at=9 * hour, seen_at=10 * hour - 60, idle=1800, absolute=8 * hour
    )
    assert session_expired(
        now=10 * hour, login_at=9 * hour, seen_at=9 * hour, idle=1800, absolute=8 * hour
    )
    assert session_expired(
        now=17 * hour + 1, login_at=9 * hour, seen_at=17 * hour, idle=1800, absolute=8 * hour
    )


def test_the_session_key_changes_at_login(client, writer):
    session = client.session
    session["sebelum"] = True
    session.save()
    before = session.session_key
    password_login(client, writer.username)
    assert client.cookies["sessionid"].value != before
    assert not Session.objects.filter(session_key=before).exists()


def test_deactivating_a_user_ends_their_live_session(client, writer):
    password_login(client, writer.username)
    assert client.get("/admin/").status_code == 200
    writer.is_active = False
    writer.save()
    writer.is_active = True
    writer.save()  # even re-activated at once, the old cookie stays dead
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_logging_out_ends_all_of_the_users_sessions(writer):
    laptop, phone = Client(), Client()
    password_login(laptop, writer.username)
    password_login(phone, writer.username)
    assert phone.get("/admin/").status_code == 200
    laptop.post("/admin/logout/")
    assert phone.get("/admin/")["Location"].startswith("/admin/login/")


def test_an_idle_session_ends_after_thirty_minutes_and_any_after_eight_hours(client, writer):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        password_login(client, writer.username)
        for _ in range(16):  # active every 29 minutes, for 7 h 44 min
            traveller.shift(timedelta(minutes=29))
            assert client.get("/admin/").status_code == 200
        traveller.shift(timedelta(minutes=29))
        assert client.get("/admin/")["Location"].startswith("/admin/login/")

        password_login(client, writer.username)
        traveller.shift(timedelta(minutes=31))
        assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_sign_in_records_older_than_ninety_days_are_pruned(client, writer):
    from axes.models import AccessFailureLog, AccessLog

    from lontar.accounts.jobs import prune_sign_in_records
    from lontar.accounts.models import LoginSession

    with time_machine.travel(timezone.now() - timedelta(days=91), tick=False):
        password_login(client, writer.username, "salah-sekali")
        password_login(client, writer.username)
        client.post("/admin/logout/")
    password_login(client, writer.username)
    assert AccessFailureLog.objects.count() == 1 and AccessLog.objects.count() == 2

    prune_sign_in_records()

    assert AccessFailureLog.objects.count() == 0
    assert AccessLog.objects.count() == 1  # today's sign-in stays
    assert LoginSession.objects.filter(user=writer).count() == 1
