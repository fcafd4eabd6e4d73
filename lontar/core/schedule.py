"""Periodic jobs run by `lontar worker`, so nobody has to remember to run a command by hand.

An app registers a job with `@periodic(every=timedelta(...))`. The worker asks each job's row
whether it is due with one conditional UPDATE, so two workers never both run the same job.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from lontar.core.models import ScheduledJob

logger = logging.getLogger("lontar.worker")


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    run: Callable[[], object]


REGISTRY: dict[str, PeriodicJob] = {}


def periodic(*, every: timedelta, name: str | None = None):
    def register(function: Callable[[], object]) -> Callable[[], object]:
        job_name = name or f"{function.__module__}.{function.__name__}"
        REGISTRY[job_name] = PeriodicJob(job_name, every, function)
        return function

    return register


def claim_if_due(job: PeriodicJob, now=None) -> bool:
    """Mark the job as started now if it is due; True when this caller should run it."""
    now = now or timezone.now()
    ScheduledJob.objects.get_or_create(name=job.name)
    claimed = ScheduledJob.objects.filter(
        Q(last_started_at__isnull=True) | Q(last_started_at__lte=now - job.every),
        name=job.name,
    ).update(last_started_at=now)
    return claimed == 1


def run_due_jobs(now=None) -> list[str]:
    """Run every registered job that is due; return the names that ran."""
    ran = []
    for job in list(REGISTRY.values()):
        if not claim_if_due(job, now):
            continue
        try:
            job.run()
        except Exception:  # one failing job must not keep the others from running
            logger.exception("periodic job %s failed", job.name)
            continue
        ScheduledJob.objects.filter(name=job.name).update(last_finished_at=timezone.now())
        ran.append(job.name)
    return ran
