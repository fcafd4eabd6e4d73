"""Periodic jobs run by `lontar worker`, so nobody has to remember to run a command by hand.

An app registers a job with `@periodic(every=timedelta(...))`. Each job has a `ScheduledJob`
row. A worker runs a job only after one conditional UPDATE gave it the job's *lease*: the job is
due (`next_run_at` has passed) and nobody else holds an unexpired lease. While the job runs, a
heartbeat thread renews the lease, so a live job is never taken over however long it runs; a
worker that dies mid-job stops renewing, and another worker takes the job over once the lease
lapses (minutes, not a whole period).

The next run is set when the job is claimed, to claim time + `every`: a worker that was down for
a day runs each job once when it returns, not once per missed period. A failure is recorded on
the row (exception type, redacted message, stack frames without local values) and retried with
exponential backoff from `RETRY_FIRST`, never later than a normal period.

Wall-clock jumps: forward, a job simply becomes due (once). Backward, a stored time can lie
further in the future than any live worker could have written (`next_run_at` beyond now +
`every`, a lease beyond now + `LEASE`); such a time is pulled back to that horizon, so a clock
set back by a month delays a job by at most one period (or one lease), never for the month.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import traceback
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from lontar.core.models import ScheduledJob
from lontar.core.personal_data import redact

logger = logging.getLogger("lontar.worker")

# A lease lasts LEASE and is renewed every LEASE / 3 while the job runs, so two renewals may be
# missed (a slow database, a long pause) before anyone else may take the job over.
LEASE = timedelta(minutes=5)
RETRY_FIRST = timedelta(minutes=1)
ERROR_LIMIT = 8000

# One id per worker process: host, process and a random part (two containers may share a pid).
WORKER_ID = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    run: Callable[[], object]


REGISTRY: dict[str, PeriodicJob] = {}


def periodic(
    *, every: timedelta, name: str | None = None
) -> Callable[[Callable[[], object]], Callable[[], object]]:
    def register(function: Callable[[], object]) -> Callable[[], object]:
        job_name = name or f"{function.__module__}.{function.__name__}"
        REGISTRY[job_name] = PeriodicJob(job_name, every, function)
        return function

    return register


def retry_delay(failures: int, every: timedelta) -> timedelta:
    """How long after its `failures`-th failure in a row a job is tried again: 1, 2, 4… minutes."""
    exponent = min(max(failures - 1, 0), 20)
    return min(RETRY_FIRST * (2**exponent), every)


def _pull_back_future_times(job: PeriodicJob, now: datetime, lease: timedelta) -> None:
    """Times further ahead than a live worker could have written mean the clock went back."""
    rows = ScheduledJob.objects.filter(name=job.name)
    rows.filter(next_run_at__gt=now + job.every).update(next_run_at=now + job.every)
    rows.filter(lease_expires_at__gt=now + lease).update(lease_expires_at=now + lease)


def claim_if_due(
    job: PeriodicJob,
    now: datetime | None = None,
    *,
    owner: str = WORKER_ID,
    lease: timedelta = LEASE,
) -> bool:
    """Take the job's lease if it is due and free; True when this caller should run it."""
    now = now or timezone.now()
    ScheduledJob.objects.get_or_create(name=job.name)
    _pull_back_future_times(job, now, lease)
    due = Q(next_run_at__lte=now) | Q(
        # Rows from before leases: due a period after their last start.
        Q(last_started_at__isnull=True) | Q(last_started_at__lte=now - job.every),
        next_run_at__isnull=True,
    )
    free = Q(lease_owner="") | Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lte=now)
    # A lapsed lease means its worker died mid-job: the run never finished, so take it over now
    # rather than wait for the next period.
    abandoned = ~Q(lease_owner="") & Q(lease_expires_at__lte=now)
    claimed = (
        ScheduledJob.objects.filter(Q(due & free) | abandoned, name=job.name).update(
            last_started_at=now,
            next_run_at=now + job.every,
            lease_owner=owner,
            lease_expires_at=now + lease,
            heartbeat_at=now,
        )
        == 1
    )
    return claimed


def renew_lease(
    job: PeriodicJob, *, owner: str = WORKER_ID, lease: timedelta = LEASE, now=None
) -> bool:
    """Heartbeat: extend the lease this owner holds; False if it was lost (taken over)."""
    now = now or timezone.now()
    renewed = ScheduledJob.objects.filter(name=job.name, lease_owner=owner).update(
        lease_expires_at=now + lease, heartbeat_at=now
    )
    if not renewed:
        logger.warning("periodic job %s lost its lease while running", job.name)
    return renewed == 1


@contextmanager
def heartbeat(job: PeriodicJob, *, owner: str, lease: timedelta) -> Iterator[None]:
    """Renew the lease every lease / 3 from a thread of its own while the body runs."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(lease.total_seconds() / 3):
                try:
                    renew_lease(job, owner=owner, lease=lease)
                except Exception:  # a missed beat is retried; the lease has room for two
                    logger.exception("periodic job %s: heartbeat failed", job.name)
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"heartbeat {job.name}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def describe_failure(exc: BaseException) -> str:
    """Exception types, redacted messages and stack frames — never the frames' local values."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__)  # file, line, function, source
        lines = [f'  File "{f.filename}", line {f.lineno}, in {f.name}' for f in frames]
        kind = f"{type(current).__module__}.{type(current).__qualname__}"
        parts.append("\n".join([*lines, f"{kind}: {redact(str(current))}"]))
        current = current.__cause__ or current.__context__
    # Oldest exception first, as Python prints a chain.
    text = "\n\nDuring handling of the above exception, another was raised:\n\n".join(
        reversed(parts)
    )
    return text[-ERROR_LIMIT:]


def record_success(job: PeriodicJob, *, owner: str = WORKER_ID) -> None:
    ScheduledJob.objects.filter(name=job.name, lease_owner=owner).update(
        last_finished_at=timezone.now(),
        lease_owner="",
        lease_expires_at=None,
        failures=0,
        last_error="",
    )


def record_failure(job: PeriodicJob, exc: BaseException, *, owner: str = WORKER_ID) -> None:
    now = timezone.now()
    row = ScheduledJob.objects.filter(name=job.name).values("failures").first()
    failures = (row["failures"] if row else 0) + 1
    ScheduledJob.objects.filter(name=job.name, lease_owner=owner).update(
        last_failed_at=now,
        failures=failures,
        last_error=describe_failure(exc),
        next_run_at=now + retry_delay(failures, job.every),
        lease_owner="",
        lease_expires_at=None,
    )


def run_job(job: PeriodicJob, *, owner: str = WORKER_ID, lease: timedelta = LEASE) -> bool:
    """Run a claimed job under its heartbeat and record how it ended; True if it succeeded."""
    try:
        with heartbeat(job, owner=owner, lease=lease):
            job.run()
    except Exception as exc:  # one failing job must not keep the others from running
        logger.exception("periodic job %s failed", job.name)
        record_failure(job, exc, owner=owner)
        return False
    record_success(job, owner=owner)
    return True


def run_due_jobs(
    now: datetime | None = None, *, owner: str = WORKER_ID, lease: timedelta = LEASE
) -> list[str]:
    """Run every registered job that is due; return the names that ran and succeeded."""
    ran = []
    for job in list(REGISTRY.values()):
        if claim_if_due(job, now, owner=owner, lease=lease) and run_job(
            job, owner=owner, lease=lease
        ):
            ran.append(job.name)
    return ran
