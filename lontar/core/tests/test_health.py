import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder


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
def test_healthz_fails_when_a_migration_is_not_applied(client):
    MigrationRecorder(connection).migration_qs.filter(app="pages", name="0001_initial").delete()

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["migrations_applied"] is False
    assert response.json()["pending_migrations"] >= 1
