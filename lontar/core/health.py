"""What /healthz and /healthz/ready report.

`/healthz` is the liveness probe a load balancer calls every few seconds: one `SELECT 1` and
the migration state remembered by this process. Loading the migration graph costs ~50 ms, so
it runs once at startup (in gunicorn's master before the workers are forked, else in
`post_worker_init`, lontar/config/gunicorn.py, or the first probe) and again only on demand
(`/healthz?ulang=1`, at most once per `RECHECK_SECONDS` per process, so the probe cannot be
turned into a way to load the server).

`/healthz/ready` is for operators and readiness checks: every dependency the portal needs,
each with its own verdict — database, schema, cache, media storage, the worker's last sign of
life, the e-mails waiting in the outbox and, when one is configured, the read replica.
"""

from __future__ import annotations

import threading
import time
import uuid
from datetime import timedelta
from typing import Any

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Max
from django.utils import timezone

RECHECK_SECONDS = 10.0
# The worker's shortest job (the outbox) runs every minute; five missed runs is a dead worker.
WORKER_STALE_AFTER = timedelta(minutes=5)

_lock = threading.Lock()
_pending: int | None = None  # pending migrations, as last counted by this process
_checked_at = 0.0


def database_reachable() -> bool:
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return False
    return True


def count_pending_migrations() -> int:
    """Load the migration graph and count what is not applied: the expensive part."""
    global _pending, _checked_at
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    pending = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    with _lock:
        _pending, _checked_at = pending, time.monotonic()
    return pending


def pending_migrations(*, recheck: bool = False) -> int:
    """The remembered count; counted now on the first call or on a recheck not too soon."""
    with _lock:
        known, since = _pending, time.monotonic() - _checked_at
    if known is None or (recheck and since >= RECHECK_SECONDS):
        return count_pending_migrations()
    return known


def migration_state_known() -> bool:
    """Whether this process (or the master it was forked from) has counted already."""
    with _lock:
        return _pending is not None


def forget_migration_state() -> None:
    """For tests: the next probe counts again."""
    global _pending, _checked_at
    with _lock:
        _pending, _checked_at = None, 0.0


def database_status(*, recheck: bool = False) -> dict[str, bool | int]:
    if not database_reachable():
        return {"database": False, "migrations_applied": False, "pending_migrations": -1}
    try:
        pending = pending_migrations(recheck=recheck)
    except Exception:
        return {"database": False, "migrations_applied": False, "pending_migrations": -1}
    return {"database": True, "migrations_applied": not pending, "pending_migrations": pending}


def cache_status() -> dict[str, Any]:
    """A write and a read back; the fail-soft Redis cache reads None when Redis is down."""
    key, value = f"lontar:healthz:{uuid.uuid4().hex}", "ok"
    started = time.perf_counter()
    cache.set(key, value, 10)
    ok = cache.get(key) == value
    cache.delete(key)
    return {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1)}


def storage_status() -> dict[str, Any]:
    """One lookup in the media storage (a HEAD request on S3); a missing key is still an answer."""
    started = time.perf_counter()
    try:
        default_storage.exists("healthz-probe")
    except Exception as error:  # any backend error: network, credentials, bucket
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}


def worker_status() -> dict[str, Any]:
    """The worker's last sign of life: a job finished or a running job's heartbeat."""
    from lontar.core.models import ScheduledJob

    seen = ScheduledJob.objects.aggregate(
        finished=Max("last_finished_at"), beat=Max("heartbeat_at")
    )
    last = max((at for at in seen.values() if at is not None), default=None)
    if last is None:
        return {"ok": False, "last_seen_seconds": None}
    age = (timezone.now() - last).total_seconds()
    return {"ok": age <= WORKER_STALE_AFTER.total_seconds(), "last_seen_seconds": int(age)}


def outbox_status() -> dict[str, Any]:
    from lontar.core.models import OutboxMessage

    pending = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).count()
    failed = OutboxMessage.objects.filter(status=OutboxMessage.Status.FAILED).count()
    return {"pending": pending, "failed": failed}


_REPLICA_LAG = (
    "SELECT CASE WHEN NOT pg_is_in_recovery() THEN NULL "
    "WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
    "ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END"
)


def replica_status() -> dict[str, Any] | None:
    """The read replica, when one is configured: reachable, and how far behind the primary
    (seconds since the last replayed commit while WAL waits to be replayed; 0 when caught up;
    None when it is no standby). Pages do not need it: without it they read the primary."""
    from lontar.core.replica import REPLICA, configured

    if not configured():
        return None
    connection = connections[REPLICA]
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute(_REPLICA_LAG if connection.vendor == "postgresql" else "SELECT NULL")
            (lag,) = cursor.fetchone()
    except Exception as error:  # unreachable, refused, a dropped connection
        return {"ok": False, "error": type(error).__name__}
    return {
        "ok": True,
        "ms": round((time.perf_counter() - started) * 1000, 1),
        "lag_seconds": None if lag is None else round(float(lag), 1),
    }


def readiness() -> tuple[bool, dict[str, Any]]:
    """(ready, report). Not ready: database, schema, cache or storage fails. A stale worker,
    a queue of mail or a replica that does not answer is reported ("degraded") without taking
    the web server out of rotation: pages still answer (from the primary), and the mail waits
    in the outbox until the worker is back."""
    database = database_status()
    report: dict[str, Any] = {**database}
    if not database["database"]:
        return False, {"status": "error", **report}
    report["cache"] = cache_status()
    report["storage"] = storage_status()
    report["worker"] = worker_status()
    report["outbox"] = outbox_status()
    replica = replica_status()
    if replica is not None:
        report["replica"] = replica
    ready = bool(database["migrations_applied"] and report["cache"]["ok"])
    ready = ready and report["storage"]["ok"]
    degraded = not report["worker"]["ok"] or report["outbox"]["failed"] > 0
    degraded = degraded or (replica is not None and not replica["ok"])
    report["status"] = "error" if not ready else ("degraded" if degraded else "ok")
    return ready, {"status": report.pop("status"), **report}
