"""What /healthz reports: can we reach the database, and is its schema up to date."""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


def database_status() -> dict[str, bool | int]:
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return {"database": False, "migrations_applied": False, "pending_migrations": -1}
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return {
        "database": True,
        "migrations_applied": not pending,
        "pending_migrations": len(pending),
    }
