"""Every deployment choice is an environment variable; bad values stop the process at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lontar.config.env import env_bool, env_int, env_list, env_str

ROOT = Path(__file__).resolve().parents[3]


def _settings_in_subprocess(env: dict[str, str], expr: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LONTAR_", "DATABASE_"))}
    clean.pop("SECRET_KEY", None)
    clean.pop("ALLOWED_HOSTS", None)
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
        {"LONTAR_DEBUG": "1", "LONTAR_VAR_DIR": str(tmp_path), "REDIS_URL": "redis://127.0.0.1:6379/3"},
        "s.CACHES['default']['BACKEND']",
    )

    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


def test_s3_bucket_switches_media_to_object_storage_and_keeps_private_files_private(tmp_path):
    result = _settings_in_subprocess(
        {"LONTAR_DEBUG": "1", "LONTAR_VAR_DIR": str(tmp_path), "S3_BUCKET": "media-bkd",
         "S3_ENDPOINT_URL": "https://s3.example.go.id"},
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
