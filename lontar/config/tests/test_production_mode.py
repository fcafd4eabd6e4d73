"""Production mode (`make serve`): persistent connections, Redis sessions, hashed static files
with far-future caching, media on a real S3 API server, and gunicorn's settings."""

from __future__ import annotations

import socket
import subprocess
import sys

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client

from lontar.config.tests.test_settings import ROOT, _production, _settings_in_subprocess


def test_production_keeps_database_connections_and_checks_them(tmp_path):
    result = _settings_in_subprocess(
        _production(tmp_path, DATABASE_URL="postgres://lontar:x@db.internal:5432/lontar"),
        "s.DATABASES['default']['CONN_MAX_AGE'], s.DATABASES['default']['CONN_HEALTH_CHECKS']",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["60", "True"]


def test_development_opens_a_connection_per_request(tmp_path):
    result = _settings_in_subprocess(
        {"LONTAR_DEBUG": "1", "LONTAR_VAR_DIR": str(tmp_path)},
        "s.DATABASES['default']['CONN_MAX_AGE']",
    )

    assert result.stdout.strip() == "0"


def test_sessions_stay_in_the_database_with_redis_too(tmp_path):
    # A cached copy of a session would outlive the row that logging out or deactivation deletes.
    with_redis = _settings_in_subprocess(
        _production(tmp_path, REDIS_URL="redis://127.0.0.1:6379/3"), "s.SESSION_ENGINE"
    )
    without = _settings_in_subprocess(_production(tmp_path, REDIS_URL=None), "s.SESSION_ENGINE")

    assert with_redis.stdout.strip() == "django.contrib.sessions.backends.db"
    assert without.stdout.strip() == "django.contrib.sessions.backends.db"


def test_gunicorn_takes_workers_and_threads_from_the_environment(tmp_path):
    code = (
        "import lontar.config.gunicorn as g; "
        "print(g.workers, g.threads, g.worker_class, g.bind, g.accesslog, g.preload_app)"
    )
    env = {**_production(tmp_path), "WEB_CONCURRENCY": "3", "WEB_THREADS": "8"}
    env["WEB_BIND"] = "0.0.0.0:9000"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "8", "gthread", "0.0.0.0:9000", "None", "True"]


@pytest.mark.django_db
def test_static_files_are_hashed_compressed_and_cached_for_a_year(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--no-input", verbosity=0)
    from django.templatetags.static import static

    url = static("css/lontar.css")
    client = Client()  # a new handler: WhiteNoise scans the new STATIC_ROOT

    response = client.get(url, headers={"accept-encoding": "gzip, br"})
    page = client.get("/healthz")

    assert url != "/static/css/lontar.css" and url.endswith(".css")  # content hash in the name
    assert response.status_code == 200
    assert response["Content-Encoding"] in {"gzip", "br"}
    assert "immutable" in response["Cache-Control"]
    assert "max-age=315360000" in response["Cache-Control"]
    assert page.status_code == 200


# --- Media on a real S3 API server ------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def s3_server(monkeypatch):
    """moto's S3 server on a loopback port: real HTTP, real signatures, real bucket policy."""
    from moto.server import ThreadedMotoServer

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "lontar-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "lontar-test-secret")
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    s3 = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="lontar-test",
        aws_secret_access_key="lontar-test-secret",
    )
    s3.create_bucket(Bucket="media-bkd")
    yield endpoint, s3, server
    server.stop()


def _s3_storages(endpoint: str) -> dict:
    options = {
        "bucket_name": "media-bkd",
        "endpoint_url": endpoint,
        "region_name": "us-east-1",
        "access_key": "lontar-test",
        "secret_key": "lontar-test-secret",
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**options, "location": "media", "default_acl": "public-read"},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **options,
                "location": "private",
                "default_acl": "private",
                "querystring_auth": True,
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.mark.django_db
def test_media_and_private_files_go_to_s3_with_the_right_access(settings, s3_server):
    import requests
    from django.core.files.storage import default_storage, storages

    endpoint, s3, _ = s3_server
    settings.STORAGES = _s3_storages(endpoint)

    public_name = default_storage.save("foto/kantor.txt", ContentFile(b"gedung BKD"))
    private_name = storages["private"].save("ktp/scan.txt", ContentFile(b"KTP warga"))
    again = default_storage.save("foto/kantor.txt", ContentFile(b"foto lain"))

    keys = {obj["Key"] for obj in s3.list_objects_v2(Bucket="media-bkd")["Contents"]}
    assert f"media/{public_name}" in keys and f"private/{private_name}" in keys
    assert again != public_name  # never overwrites an earlier upload
    public_acl = s3.get_object_acl(Bucket="media-bkd", Key=f"media/{public_name}")
    private_acl = s3.get_object_acl(Bucket="media-bkd", Key=f"private/{private_name}")
    assert any(g["Grantee"].get("URI", "").endswith("AllUsers") for g in public_acl["Grants"])
    assert not any(g["Grantee"].get("URI", "").endswith("AllUsers") for g in private_acl["Grants"])
    signed = storages["private"].url(private_name)
    assert "Signature=" in signed or "X-Amz-Signature=" in signed
    assert requests.get(signed, timeout=5).content == b"KTP warga"
    assert default_storage.open(public_name).read() == b"gedung BKD"


@pytest.mark.django_db
def test_ready_checks_the_s3_storage_and_fails_when_it_is_gone(client, settings, s3_server):
    endpoint, _, server = s3_server
    settings.STORAGES = _s3_storages(endpoint)

    up = client.get("/healthz/ready")
    server.stop()
    down = client.get("/healthz/ready")

    assert up.status_code == 200 and up.json()["storage"]["ok"] is True
    assert down.status_code == 503 and down.json()["storage"]["ok"] is False
