"""Every deployment choice is an environment variable; bad values stop the process at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from lontar.config.env import env_bool, env_int, env_list, env_str
from lontar.config.production import fernet_key, origin_of, public_base_url

ROOT = Path(__file__).resolve().parents[3]


def _settings_in_subprocess(env: dict[str, str], expr: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LONTAR_", "DATABASE_"))}
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_URL", "DJANGO_SETTINGS_MODULE", "REDIS_URL"):
        clean.pop(name, None)
    clean.update(env)
    code = f"from lontar.config import settings as s; print({expr})"
    return subprocess.run(
        [sys.executable, "-c", code], env=clean, cwd=ROOT, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = _settings_in_subprocess(
        {"ALLOWED_HOSTS": "bkd.example.go.id", "LONTAR_VAR_DIR": str(tmp_path)}, "s.DEBUG"
    )

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_development_generates_a_secret_key_once_and_keeps_it(tmp_path):
    env = {"LONTAR_DEBUG": "1", "LONTAR_VAR_DIR": str(tmp_path)}

    first = _settings_in_subprocess(env, "s.SECRET_KEY")
    second = _settings_in_subprocess(env, "s.SECRET_KEY")

    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert len(first.stdout.strip()) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_database_url_selects_postgresql(tmp_path):
    result = _settings_in_subprocess(
        {
            "LONTAR_DEBUG": "1",
            "LONTAR_VAR_DIR": str(tmp_path),
            "DATABASE_URL": "postgres://lontar:rahasia@db.internal:5432/lontar",
        },
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST']",
    )

    assert "postgresql" in result.stdout and "db.internal" in result.stdout


def test_redis_url_switches_the_cache_to_redis(tmp_path):
    result = _settings_in_subprocess(
        {
            "LONTAR_DEBUG": "1",
            "LONTAR_VAR_DIR": str(tmp_path),
            "REDIS_URL": "redis://127.0.0.1:6379/3",
        },
        "s.CACHES['default']['BACKEND']",
    )

    # Django's Redis cache, made fail-soft: Redis down reads as an empty cache (issue 19).
    assert result.stdout.strip() == "lontar.core.cache.FailSoftRedisCache"


def test_s3_bucket_switches_media_to_object_storage_and_keeps_private_files_private(tmp_path):
    result = _settings_in_subprocess(
        {
            "LONTAR_DEBUG": "1",
            "LONTAR_VAR_DIR": str(tmp_path),
            "S3_BUCKET": "media-bkd",
            "S3_ENDPOINT_URL": "https://s3.example.go.id",
        },
        "s.STORAGES['default']['BACKEND'], s.STORAGES['private']['OPTIONS']['default_acl']",
    )

    assert "storages.backends.s3.S3Storage" in result.stdout
    assert result.stdout.split()[-1] == "private"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"LONTAR_DEBUG": "maybe"}, "LONTAR_DEBUG='maybe' is not a boolean"),
        ({"LONTAR_DEBUG": "1", "TIME_ZONE": "Asia/Bandung"}, "is not a known time zone"),
        ({"LONTAR_DEBUG": "1", "DATABASE_URL": "mysqlx://nope"}, "DATABASE_URL is malformed"),
        ({"LONTAR_DEBUG": "1", "DATABASE_CONN_MAX_AGE": "lama"}, "is not a whole number"),
        ({"LONTAR_DEBUG": "1", "EMAIL_URL": "pigeon://x"}, "EMAIL_URL is malformed"),
        ({"SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS is empty"),
    ],
)
def test_malformed_values_fail_loudly_at_startup(tmp_path, env, message):
    result = _settings_in_subprocess({"LONTAR_VAR_DIR": str(tmp_path), **env}, "s.DEBUG")

    assert result.returncode != 0
    assert message in result.stderr


PRIMARY = "postgres://lontar:rahasia@db.internal:5432/lontar"


@pytest.mark.parametrize(
    ("replica_url", "message"),
    [
        ("replika.internal", "DATABASE_REPLICA_URL is malformed"),
        ("postgres://lontar@replica:port/lontar", "DATABASE_REPLICA_URL is malformed"),
        ("mysql://lontar@replica/lontar", "names a PostgreSQL standby"),
        ("postgres://lontar@replica.internal:5432/", "names a PostgreSQL standby"),
    ],
)
def test_production_refuses_to_start_with_a_malformed_replica_url(tmp_path, replica_url, message):
    env = _production(tmp_path, DATABASE_URL=PRIMARY, DATABASE_REPLICA_URL=replica_url)

    result = _settings_in_subprocess(env, "s.DATABASES")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_a_replica_needs_postgresql_as_the_primary_too(tmp_path):
    env = _production(tmp_path, DATABASE_REPLICA_URL="postgres://lontar@replica.internal/lontar")

    result = _settings_in_subprocess(env, "s.DATABASES")

    assert result.returncode != 0
    assert "needs DATABASE_URL on PostgreSQL too" in result.stderr


def test_a_replica_url_adds_a_replica_alias_with_the_primarys_connection_options(tmp_path):
    env = _production(
        tmp_path,
        DATABASE_URL=PRIMARY,
        DATABASE_REPLICA_URL="postgres://lontar:rahasia@replica.internal:5433/lontar",
    )
    expr = (
        "sorted(s.DATABASES), s.DATABASES['replica']['HOST'], s.DATABASES['replica']['PORT'], "
        "s.DATABASES['replica']['CONN_MAX_AGE'] == s.DATABASES['default']['CONN_MAX_AGE'] == 60, "
        "s.DATABASES['replica']['CONN_HEALTH_CHECKS'], s.DATABASES['replica']['TEST'], "
        "s.DATABASES['replica']['OPTIONS'], s.DATABASE_ROUTERS"
    )

    result = _settings_in_subprocess(env, expr)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "['default', 'replica'] replica.internal 5433 True True {'MIRROR': 'default'} "
        "{'connect_timeout': 2} ['lontar.core.replica.ReplicaRouter']"
    )


def test_without_a_replica_url_there_is_one_database_and_no_router(tmp_path):
    result = _settings_in_subprocess(
        _production(tmp_path, DATABASE_URL=PRIMARY),
        "sorted(s.DATABASES), getattr(s, 'DATABASE_ROUTERS', [])",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['default'] []"


def test_env_helpers_read_lists_booleans_numbers_and_secret_files(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("dari-berkas\n")
    monkeypatch.setenv("X_LIST", "a.go.id, b.go.id,,")
    monkeypatch.setenv("X_BOOL", "yes")
    monkeypatch.setenv("X_INT", "42")
    monkeypatch.setenv("X_SECRET_FILE", str(secret))

    assert env_list("X_LIST") == ["a.go.id", "b.go.id"]
    assert env_bool("X_BOOL") is True
    assert env_int("X_INT", 0) == 42
    assert env_str("X_SECRET") == "dari-berkas"


# --- Production refuses unsafe defaults (finding 7) ---------------------------------------------
PII_KEY = Fernet.generate_key().decode()


def _production(tmp_path, **overrides: str | None) -> dict[str, str]:
    """A complete production environment; an override of None leaves that variable out."""
    env = {
        "SECRET_KEY": "p9Vq-3xLr7Tz_Kd2Wm8Ns4Yb6Hc1Jf5Ga0Qe" * 2,
        "ALLOWED_HOSTS": "bkd.example.go.id",
        "LONTAR_VAR_DIR": str(tmp_path),
        "EMAIL_URL": "smtp://ppid:rahasia@mail.example.go.id:587/?tls=True",
        "LONTAR_BASE_URL": "https://bkd.example.go.id",
        "LONTAR_PII_KEY": PII_KEY,
        "LONTAR_TRACKING_KEY": "Zr4-tracking-key-of-the-production-test-9Lm2Qx7Vb",
    }
    env.update(overrides)
    return {name: value for name, value in env.items() if value is not None}


def test_complete_production_environment_starts_with_safe_settings(tmp_path):
    result = _settings_in_subprocess(
        _production(tmp_path),
        "s.DEBUG, s.EMAIL_BACKEND, s.OUTBOX_EMAIL_BACKEND, s.WAGTAILADMIN_BASE_URL, "
        "s.LONTAR_PII_KEY == "
        f"{PII_KEY!r}, s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SECURE_HSTS_SECONDS, "
        "s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, s.X_FRAME_OPTIONS",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "False lontar.core.outbox.OutboxBackend django.core.mail.backends.smtp.EmailBackend "
        "https://bkd.example.go.id True "
        "__Host-lontar_sesi __Host-lontar_csrf 31536000 True True DENY"
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"EMAIL_URL": None}, "EMAIL_URL is not set"),
        ({"EMAIL_URL": ""}, "EMAIL_URL is not set"),
        ({"EMAIL_URL": "console:"}, "EMAIL_URL points at a back end that does not deliver"),
        ({"EMAIL_URL": "memory:"}, "EMAIL_URL points at a back end that does not deliver"),
        ({"EMAIL_URL": "file:///var/mail/lontar"}, "EMAIL_URL points at a back end that does not"),
        ({"LONTAR_BASE_URL": None}, "LONTAR_BASE_URL is not set"),
        ({"LONTAR_BASE_URL": "bkd.example.go.id"}, "is not an absolute http(s) URL"),
        ({"LONTAR_BASE_URL": "https://bkd.example.go.id/ppid"}, "is not an absolute http(s) URL"),
        ({"LONTAR_BASE_URL": "ftp://bkd.example.go.id"}, "is not an absolute http(s) URL"),
        ({"LONTAR_PII_KEY": None}, "LONTAR_PII_KEY is not set"),
        ({"LONTAR_PII_KEY": "rahasia-sekali"}, "LONTAR_PII_KEY is not a valid Fernet key"),
        # Valid base64, but of 16 bytes: an AES-128 key is not a Fernet key.
        ({"LONTAR_PII_KEY": "MDEyMzQ1Njc4OWFiY2RlZg=="}, "LONTAR_PII_KEY is not a valid Fernet"),
        ({"LONTAR_PII_KEY": PII_KEY[:-2] + "!="}, "LONTAR_PII_KEY is not a valid Fernet key"),
        ({"LONTAR_TRACKING_KEY": None}, "LONTAR_TRACKING_KEY is not set"),
    ],
)
def test_production_refuses_to_start_with_a_missing_or_malformed_variable(
    tmp_path, overrides, message
):
    result = _settings_in_subprocess(_production(tmp_path, **overrides), "s.DEBUG")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr
    assert "e.g." in result.stderr or "Generate one with" in result.stderr  # says how to fix it


def test_development_needs_none_of_the_production_variables(tmp_path):
    result = _settings_in_subprocess(
        {"LONTAR_DEBUG": "1", "LONTAR_VAR_DIR": str(tmp_path)},
        "s.OUTBOX_EMAIL_BACKEND, s.WAGTAILADMIN_BASE_URL, len(s.LONTAR_PII_KEY)",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.mail.backends.console.EmailBackend",
        "http://127.0.0.1:8000",
        "44",
    ]


def test_check_deploy_reports_nothing_for_a_complete_production_environment(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("LONTAR_", "DATABASE_", "DJANGO_")) and k != "EMAIL_URL"
    }
    env.update(_production(tmp_path))
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://bkd.example.go.id", "https://bkd.example.go.id"),
        ("https://bkd.example.go.id/", "https://bkd.example.go.id"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
    ],
)
def test_public_base_url_keeps_the_origin(value, expected):
    assert public_base_url(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "https://",
        "//bkd.example.go.id",
        "https://bkd.example.go.id/?a=1",
        "https://bkd.example.go.id/#x",
        "https://admin:pw@bkd.example.go.id",
        "javascript:alert(1)",
    ],
)
def test_public_base_url_refuses_anything_but_an_origin(value):
    with pytest.raises(ImproperlyConfigured, match="LONTAR_BASE_URL"):
        public_base_url(value)


def test_fernet_key_accepts_generated_keys_only():
    assert fernet_key(PII_KEY) == PII_KEY
    with pytest.raises(ImproperlyConfigured, match="not a valid Fernet key"):
        fernet_key(PII_KEY.rstrip("="))


def test_media_origins_come_from_absolute_urls_and_bare_hosts_only():
    assert origin_of("/media/") == ""
    assert origin_of("https://cdn.example.go.id/media/") == "https://cdn.example.go.id"
    assert origin_of("media.example.go.id") == "https://media.example.go.id"


def test_nik_encryption_uses_the_key_from_settings():
    from lontar.ppid.crypto import decrypt_nik, encrypt_nik

    other = Fernet.generate_key().decode()
    with override_settings(LONTAR_PII_KEY=PII_KEY):
        token = encrypt_nik("5371044107900001")
        assert decrypt_nik(token) == "5371044107900001"
    assert Fernet(PII_KEY.encode()).decrypt(token.encode()) == b"5371044107900001"
    with override_settings(LONTAR_PII_KEY=other), pytest.raises(InvalidToken):
        decrypt_nik(token)
