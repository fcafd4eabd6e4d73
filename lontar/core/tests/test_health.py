import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from lontar.core import health
from lontar.core.models import OutboxMessage, ScheduledJob


@pytest.fixture(autouse=True)
def _fresh_migration_state():
    health.forget_migration_state()
    yield
    health.forget_migration_state()


@pytest.mark.django_db
def test_healthz_reports_database_and_migrations_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": True,
        "migrations_applied": True,
        "pending_migrations": 0,
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_probe_after_the_first_costs_one_query_and_no_migration_graph(
    client, django_assert_num_queries, monkeypatch
):
    client.get("/healthz")
    loads = []
    monkeypatch.setattr(health, "count_pending_migrations", lambda: loads.append(1) or 0)

    with django_assert_num_queries(1):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert loads == []


@pytest.mark.django_db
def test_healthz_fails_when_a_migration_is_not_applied_once_rechecked(client, monkeypatch):
    assert client.get("/healthz").status_code == 200
    # The whole app, not only its first migration: a plan counts from the applied leaf.
    MigrationRecorder(connection).migration_qs.filter(app="pages").delete()
    monkeypatch.setattr(health, "RECHECK_SECONDS", 0.0)

    remembered = client.get("/healthz")
    rechecked = client.get("/healthz?ulang=1")

    assert remembered.status_code == 200  # the probe trusts what it counted at startup
    assert rechecked.status_code == 503
    assert rechecked.json()["migrations_applied"] is False
    assert rechecked.json()["pending_migrations"] >= 1


@pytest.mark.django_db
def test_a_recheck_right_after_another_does_not_load_the_graph_again(client, monkeypatch):
    client.get("/healthz?ulang=1")
    loads = []
    monkeypatch.setattr(health, "count_pending_migrations", lambda: loads.append(1) or 0)

    client.get("/healthz?ulang=1")

    assert loads == []


@pytest.mark.django_db
def test_ready_reports_each_dependency(client):
    ScheduledJob.objects.create(name="core.deliver_outbox", last_finished_at=timezone.now())
    OutboxMessage.objects.create(key="a", status=OutboxMessage.Status.PENDING)
    OutboxMessage.objects.create(key="b", status=OutboxMessage.Status.SENT)

    response = client.get("/healthz/ready")

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok"
    assert report["database"] is True and report["migrations_applied"] is True
    assert report["cache"]["ok"] is True
    assert report["storage"]["ok"] is True
    assert report["worker"]["ok"] is True
    assert report["outbox"] == {"pending": 1, "failed": 0}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_ready_says_degraded_when_the_worker_has_not_been_seen(client):
    ScheduledJob.objects.create(
        name="core.deliver_outbox", last_finished_at=timezone.now() - timezone.timedelta(hours=1)
    )

    response = client.get("/healthz/ready")

    assert response.status_code == 200  # pages still answer; the mail waits
    assert response.json()["status"] == "degraded"
    assert response.json()["worker"] == {"ok": False, "last_seen_seconds": 3600}


@pytest.mark.django_db
def test_ready_fails_when_the_cache_loses_what_it_was_given(client, settings):
    # A Redis that is down reads as an empty cache (FailSoftRedisCache): the same as this.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    response = client.get("/healthz/ready")

    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["cache"]["ok"] is False
