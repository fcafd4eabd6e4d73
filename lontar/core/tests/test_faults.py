"""Tier A faults (issue 19): the database, Redis or file storage failing under a request."""

from __future__ import annotations

import errno
import logging
from unittest import mock

import pytest
from axes.models import AccessFailureLog
from django.core.cache import cache, caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone

from lontar.core import ratelimit
from lontar.core.cache import CacheUnavailable
from lontar.core.faults import StorageUnavailable, store_files
from lontar.core.tests.files import pdf_bytes, png_bytes
from lontar.core.views import server_error
from lontar.news.models import ArticleLike
from lontar.news.tests.helpers import article, news_index
from lontar.ppid.models import InformationRequest
from lontar.ppid.tests.helpers import form_data

pytestmark = pytest.mark.django_db

# Port 1 on the loopback: nothing listens there, so every connection is refused at once.
REDIS_DOWN = {
    "default": {
        "BACKEND": "lontar.core.cache.FailSoftRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


# --- Database unavailable ------------------------------------------------------------------------


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_database_down_gives_a_friendly_503_and_recovers_without_restart(agency_a, caplog, error):
    client = Client()
    assert client.get("/ppid/").status_code == 200

    broken = mock.patch.object(
        CursorWrapper, "execute", side_effect=error("connection refused to 10.0.0.5")
    )
    with broken, caplog.at_level(logging.ERROR, logger="lontar.faults"):
        response = client.get("/ppid/?nama=Maria")

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "Layanan sedang tidak tersedia" in html
    assert "Traceback" not in html and "10.0.0.5" not in html
    logged = " ".join(
        record.getMessage() for record in caplog.records if record.name == "lontar.faults"
    )
    assert error.__name__ in logged and "ppid:index" in logged
    assert "Maria" not in logged and "/ppid/" not in logged

    # The database is back: the very next request is served, by the same process.
    assert client.get("/ppid/").status_code == 200


def test_a_database_error_outside_a_view_is_a_503_too(agency_a):
    request = RequestFactory().get("/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"


def test_other_errors_keep_the_500_page(agency_a):
    request = RequestFactory().get("/")
    try:
        raise RuntimeError("bug")
    except RuntimeError:
        response = server_error(request)
    assert response.status_code == 500


# --- Redis down ----------------------------------------------------------------------------------


@override_settings(CACHES=REDIS_DOWN)
def test_redis_down_pages_still_render(agency_a):
    assert isinstance(caches["default"].get("anything", "fallback"), str)
    response = Client().get("/ppid/")
    assert response.status_code == 200
    assert Client().get("/ppid/permohonan/baru/").status_code == 200


@override_settings(CACHES=REDIS_DOWN)
def test_redis_down_reads_as_an_empty_cache_and_counters_say_so():
    backend = caches["default"]
    assert backend.get("k") is None
    assert backend.get_many(["a", "b"]) == {}
    assert backend.add("k", 1) is False
    backend.set("k", 1)
    backend.delete("k")
    with pytest.raises(CacheUnavailable):
        backend.incr("k")
    with pytest.raises(ValueError):  # the "add, then incr, except ValueError" idiom still works
        backend.decr("k")


@override_settings(CACHES=REDIS_DOWN)
def test_redis_down_citizen_limits_fail_open_and_secret_guards_fail_closed():
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.5")
    assert all(ratelimit.hit_and_check(request, "ask", 1, 3600) for _ in range(3))
    assert ratelimit.hit_and_check(request, "secret", 1, 3600, fail_closed=True) is False
    # Counters read directly guard a secret from everywhere (wrong codes per number).
    assert ratelimit.count(ratelimit.subject_key("ppid-track-number", "1/2026"), 3600) > 10**6
    ratelimit.uncount("whatever")  # never raises


@override_settings(CACHES=REDIS_DOWN)
def test_redis_down_a_citizen_can_still_file_a_request_and_like_a_story(agency_a):
    response = Client().post("/ppid/permohonan/baru/", form_data())
    assert response.status_code == 302
    assert InformationRequest.objects.count() == 1

    page = article(news_index(agency_a), "Berita")
    browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"
    assert Client(HTTP_USER_AGENT=browser).post(f"/berita/suka/{page.pk}/").status_code == 302
    assert ArticleLike.objects.count() == 1


def test_with_the_cache_disk_full_limits_fail_open():
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.6")
    full = OSError(errno.ENOSPC, "No space left on device")
    with mock.patch.object(ratelimit, "_count_or_raise", side_effect=full):
        assert ratelimit.hit_and_check(request, "ask", 1, 3600)
        assert ratelimit.hit_and_check(request, "ask", 1, 3600)


@override_settings(CACHES=REDIS_DOWN, LONTAR_LOGIN_FAILURES_PER_ADDRESS=3)
def test_redis_down_staff_login_throttling_still_refuses(agency_a, agency_admin_a):
    # Axes counts in the database, so an address over its limit stays locked out.
    for n in range(3):
        AccessFailureLog.objects.create(
            ip_address="203.0.113.66",
            username=f"tebakan{n}",
            user_agent="x",
            path_info="/admin/login/",
            attempt_time=timezone.now(),
            locked_out=False,
        )
    agency_admin_a.set_password("benar-sekali-123")
    agency_admin_a.save()
    response = Client(REMOTE_ADDR="203.0.113.66").post(
        "/admin/login/", {"username": agency_admin_a.username, "password": "benar-sekali-123"}
    )
    assert response.status_code == 429


# --- Object storage down, disk full --------------------------------------------------------------


def _storage():
    return InformationRequest._meta.get_field("identity_scan").storage


@pytest.mark.parametrize(
    "error",
    [OSError(errno.ENOSPC, "No space left on device"), OSError(errno.ECONNREFUSED, "refused")],
)
def test_a_failing_store_refuses_the_upload_beside_the_field_and_stores_nothing(agency_a, error):
    with mock.patch.object(_storage(), "_save", side_effect=error):
        response = Client().post(
            "/ppid/permohonan/baru/",
            {**form_data(), "identity_scan": SimpleUploadedFile("ktp.png", png_bytes())},
        )
    assert response.status_code == 503
    html = response.content.decode()
    assert "belum dapat disimpan karena gangguan pada penyimpanan" in html
    assert InformationRequest.objects.count() == 0


def test_a_second_file_failing_removes_the_first(agency_a):
    storage = _storage()
    real_save = storage._save

    def save(name, content):
        if name.startswith("ppid/kuasa/"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_save(name, content)

    request = InformationRequest(agency=agency_a)
    uploads = {
        "identity_scan": SimpleUploadedFile("ktp.png", png_bytes()),
        "proxy_letter": SimpleUploadedFile("kuasa.pdf", pdf_bytes()),
    }
    with mock.patch.object(storage, "_save", side_effect=save):
        with pytest.raises(StorageUnavailable) as refused:
            store_files(request, uploads, lambda upload: upload.name)
    assert set(refused.value.error_dict) == {"proxy_letter"}
    assert not request.identity_scan
    assert not storage.exists("ppid/identitas/ktp.png")
