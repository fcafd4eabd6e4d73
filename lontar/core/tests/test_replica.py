"""The read replica (DATABASE_REPLICA_URL, decision 0022): who reads it, and what happens when
it fails. The alias is added for each test as settings would add it; on PostgreSQL it is a
second, read-only connection to the test database, so a write sent to it would fail."""

from __future__ import annotations

import socket
import types
from contextlib import contextmanager

import pytest
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, connection, connections, router, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lontar.agencies.models import Agency
from lontar.core import replica
from lontar.core.replica import REPLICA, ReplicaRoutingMiddleware, is_public_read

ON_POSTGRES = connection.vendor == "postgresql"
ROUTERS = ["lontar.core.replica.ReplicaRouter"]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def replica_alias(real_ensure_connection, *, reachable: bool = True):
    """A `replica` alias as settings make it: the test database itself (read-only on
    PostgreSQL), or one that cannot be reached."""
    config = {**connections[DEFAULT_DB_ALIAS].settings_dict, "TEST": {"MIRROR": "default"}}
    config["OPTIONS"] = dict(config.get("OPTIONS", {}))
    if ON_POSTGRES:
        config["OPTIONS"]["options"] = "-c default_transaction_read_only=on"
        config["OPTIONS"]["connect_timeout"] = 2
        if not reachable:
            config.update(HOST="127.0.0.1", PORT=_closed_port())
    elif not reachable:
        config["NAME"] = "/nonexistent-lontar-directory/replica.sqlite3"
        config["OPTIONS"] = {}
    connections.settings[REPLICA] = config
    alias = connections[REPLICA]
    # Django's test case refuses connections to aliases a test did not declare (by patching
    # ensure_connection while it runs); an alias added during the test cannot be declared.
    alias.ensure_connection = types.MethodType(real_ensure_connection, alias)
    replica.forget_down()
    try:
        yield
    finally:
        connections[REPLICA].close()
        del connections[REPLICA]
        del connections.settings[REPLICA]
        replica.forget_down()


@pytest.fixture
def with_replica(settings, django_db_blocker):
    settings.DATABASE_ROUTERS = ROUTERS
    with replica_alias(django_db_blocker._real_ensure_connection):
        yield


@pytest.fixture
def with_dead_replica(settings, django_db_blocker):
    settings.DATABASE_ROUTERS = ROUTERS
    with replica_alias(django_db_blocker._real_ensure_connection, reachable=False):
        yield


def _routed(request, view):
    """Run `view` behind the middleware, as the request would be served."""
    return ReplicaRoutingMiddleware(view)(request)


# --- who reads the replica ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("method", "path", "cookies", "headers", "expected"),
    [
        ("get", "/berita/", {}, {}, True),
        ("head", "/", {}, {}, True),
        ("get", "/", {"lontar_bahasa": "en", "csrftoken": "x"}, {}, True),
        ("post", "/berita/", {}, {}, False),
        ("get", "/", {"sessionid": "abc"}, {}, False),  # staff, a citizen tracking a request
        ("get", "/", {"lontar_suka": "v"}, {}, False),  # a visitor who liked something
        ("get", "/admin/pages/", {}, {}, False),
        ("get", "/ppid/permohonan/baru/", {}, {}, False),
        ("get", "/ppid/lacak/", {}, {}, False),
        ("get", "/tanya-jawab/lacak/abc/", {}, {}, False),  # the page right after asking
        ("get", "/healthz/ready", {}, {}, False),
        ("get", "/api/3/action/package_list", {}, {"HTTP_X_API_KEY": "k"}, False),
    ],
)
def test_only_an_anonymous_public_read_may_use_the_replica(
    method, path, cookies, headers, expected, settings
):
    settings.CSRF_COOKIE_NAME = "csrftoken"
    request = getattr(RequestFactory(), method)(path, **headers)
    request.COOKIES.update(cookies)

    assert is_public_read(request) is expected


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("qna:ask", {}),
        ("qna:track", {"token": "abc"}),  # where asking a question lands, without a session
        ("objections:new", {}),
        ("objections:receipt", {}),
        ("objections:track", {}),
        ("ppid:new-request", {}),
        ("ppid:receipt", {}),
        ("ppid:track-detail", {}),
        ("healthz-ready", {}),
    ],
)
def test_the_pages_of_a_citizens_own_submission_read_the_primary(name, kwargs):
    assert not is_public_read(RequestFactory().get(reverse(name, kwargs=kwargs)))


def test_without_a_replica_the_middleware_removes_itself_and_nothing_is_routed(settings):
    assert REPLICA not in settings.DATABASES
    assert settings.DATABASE_ROUTERS == []
    with pytest.raises(MiddlewareNotUsed):
        ReplicaRoutingMiddleware(lambda request: HttpResponse())


# The tests that route run outside a test transaction: reads inside a transaction on the
# primary stay on the primary (the last of them).
@pytest.mark.django_db(transaction=True)
def test_an_anonymous_read_goes_to_the_replica_and_the_rest_to_the_primary(with_replica):
    seen: list[str] = []

    def view(request):
        seen.append(router.db_for_read(Agency))
        return HttpResponse()

    _routed(RequestFactory().get("/berita/"), view)
    _routed(RequestFactory().post("/berita/"), view)
    _routed(RequestFactory().get("/admin/"), view)
    seen.append(router.db_for_read(Agency))  # outside a request: the worker, a command

    assert seen == [REPLICA, DEFAULT_DB_ALIAS, DEFAULT_DB_ALIAS, DEFAULT_DB_ALIAS]
    assert router.db_for_write(Agency) == DEFAULT_DB_ALIAS


@pytest.mark.django_db(transaction=True)
def test_once_a_request_has_written_it_reads_the_primary(with_replica):
    from lontar.core.models import ScheduledJob

    seen: list[str] = []

    def view(request):
        seen.append(router.db_for_read(Agency))
        # Django asks where to write without writing (a related object on an unsaved one).
        seen.append(router.db_for_write(Agency))
        seen.append(router.db_for_read(Agency))
        ScheduledJob.objects.create(name=f"job-{len(seen)}")
        seen.append(router.db_for_read(Agency))  # read-your-writes
        return HttpResponse()

    _routed(RequestFactory().get("/berita/"), view)
    _routed(RequestFactory().get("/berita/"), view)  # the next request starts afresh

    assert seen == [REPLICA, DEFAULT_DB_ALIAS, REPLICA, DEFAULT_DB_ALIAS] * 2


@pytest.mark.django_db(transaction=True)
def test_a_write_in_raw_sql_counts_too(with_replica):
    seen: list[str] = []

    def view(request):
        seen.append(router.db_for_read(Agency))
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT count(*) FROM core_scheduledjob")  # a read changes nothing
            seen.append(router.db_for_read(Agency))
            cursor.execute("DELETE FROM core_scheduledjob WHERE name = 'none'")
        seen.append(router.db_for_read(Agency))
        return HttpResponse()

    _routed(RequestFactory().get("/berita/"), view)

    assert seen == [REPLICA, REPLICA, DEFAULT_DB_ALIAS]


@pytest.mark.parametrize(
    ("sql", "read"),
    [
        ("SELECT 1", True),
        ("  select * from x", True),
        ("WITH q AS (SELECT 1) SELECT * FROM q", True),
        ("WITH d AS (DELETE FROM x RETURNING id) SELECT * FROM d", False),
        ("INSERT INTO x VALUES (1)", False),
        ("UPDATE x SET a = 1", False),
        ("SAVEPOINT s1", True),
        ("BEGIN IMMEDIATE", True),
        ("CREATE TABLE x (a int)", False),
    ],
)
def test_what_counts_as_a_write(sql, read):
    assert replica.is_read(sql) is read


@pytest.mark.django_db(transaction=True)
def test_reads_inside_a_transaction_on_the_primary_stay_there(with_replica):
    seen: list[str] = []

    def view(request):
        with transaction.atomic():
            seen.append(router.db_for_read(Agency))
        seen.append(router.db_for_read(Agency))
        return HttpResponse()

    _routed(RequestFactory().get("/berita/"), view)

    assert seen == [DEFAULT_DB_ALIAS, REPLICA]


# --- when the replica fails ----------------------------------------------------------------------
@pytest.mark.django_db(transaction=True)
def test_public_pages_answer_from_the_primary_when_the_replica_cannot_be_reached(
    agency_a, with_dead_replica, caplog
):
    client = Client()
    with CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as primary:
        first = client.get("/")
        second = client.get("/profil/")

    assert first.status_code == 200 and second.status_code == 200
    assert len(primary) > 0
    assert replica.replica_is_down()  # the next requests do not try it for a while
    assert "read replica unusable" in caplog.text


@pytest.mark.django_db
def test_ready_reports_a_dead_replica_as_degraded_not_down(client, with_dead_replica):
    response = client.get("/healthz/ready")

    assert response.status_code == 200  # pages still answer, from the primary
    assert response.json()["status"] == "degraded"
    assert response.json()["replica"]["ok"] is False


@pytest.mark.django_db
def test_ready_reports_a_working_replica(client, with_replica):
    from lontar.core.models import ScheduledJob

    ScheduledJob.objects.create(name="core.deliver_outbox", last_finished_at=_now())

    response = client.get("/healthz/ready")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["replica"]["ok"] is True
    assert response.json()["replica"]["lag_seconds"] is None  # not a standby: never behind


@pytest.mark.django_db
def test_ready_says_nothing_of_a_replica_when_none_is_configured(client):
    assert "replica" not in client.get("/healthz/ready").json()


def _now():
    from django.utils import timezone

    return timezone.now()


# --- on PostgreSQL: two real connections, the replica's read-only ----------------------------
pg_only = pytest.mark.skipif(not ON_POSTGRES, reason="a second connection needs PostgreSQL")


@pg_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_public_page_is_read_from_the_replica_and_a_form_post_from_the_primary(
    agency_a, with_replica
):
    client = Client()
    with (
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_primary,
    ):
        page = client.get("/profil/")
    assert page.status_code == 200 and b"Profil" in page.content
    assert any("wagtailcore_page" in q["sql"] for q in on_replica.captured_queries)
    assert not [q for q in on_primary.captured_queries if "wagtailcore_page" in q["sql"]]

    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        posted = client.post(
            "/i18n/setlang/", {"language": "en", "next": "/"}, HTTP_SEC_FETCH_SITE="same-origin"
        )
    assert posted.status_code == 302 and len(on_replica) == 0
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        client.get("/profil/")  # with the language cookie only: still anonymous
    assert len(on_replica) > 0


@pg_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_staff_read_the_primary(agency_a, editor, with_replica):
    client = Client()
    client.force_login(editor)
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        page = client.get("/profil/")

    assert page.status_code == 200
    assert len(on_replica) == 0


@pg_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_public_get_that_counts_a_reading_writes_on_the_primary(agency_a, with_replica):
    from lontar.news.tests.helpers import article, news_index
    from lontar.newsroom.models import ArticleViewDay

    page = article(news_index(agency_a), "Layanan daring")
    browser = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        response = Client().get(f"/berita/dibaca/{page.pk}.gif", HTTP_USER_AGENT=browser)

    # The replica's connection is read-only: a write sent there would have failed.
    assert response.status_code == 200
    assert ArticleViewDay.objects.get(article=page).views == 1
    assert any("wagtailcore_page" in q["sql"] for q in on_replica.captured_queries)
    assert not any("UPDATE" in q["sql"] for q in on_replica.captured_queries)


@pg_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_replica_lost_during_a_request_is_answered_from_the_primary(agency_a, with_replica):
    lost = []

    def lose_the_replica_under_the_page(execute, sql, params, many, context):
        # After the replica was judged and the site found: the view's first read fails.
        if not lost and "pg_is_in_recovery" not in sql and "wagtailcore_site" not in sql:
            pid = connections[REPLICA].connection.info.backend_pid
            with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            lost.append(sql)
        return execute(sql, params, many, context)

    with connections[REPLICA].execute_wrapper(lose_the_replica_under_the_page):
        response = Client().get("/profil/")

    assert lost  # the replica did fail under the page
    assert response.status_code == 200 and b"Profil" in response.content
    assert replica.replica_is_down()


@pg_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_content_change_remembers_where_the_primary_was(agency_a, with_replica):
    from django.core.cache import cache

    cache.delete(replica.POSITION_KEY)
    page = agency_a.site.root_page.get_children().first().specific
    page.title = "Profil baru"
    page.save_revision().publish()

    position = cache.get(replica.POSITION_KEY)
    assert position and "/" in position
    assert replica.replica_ready()  # the alias is the primary itself: never behind


def test_positions_compare_as_numbers():
    assert replica._position_number("1/0") > replica._position_number("0/FFFFFFFF")
    assert replica._position_number("0/3000148") == 0x3000148
