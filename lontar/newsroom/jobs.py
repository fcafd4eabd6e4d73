"""The newsroom's periodic jobs: prompts from finished work, and the monthly digest."""

from __future__ import annotations

from datetime import timedelta

from lontar.agencies.models import Agency
from lontar.core.schedule import periodic
from lontar.newsroom import digest, services


@periodic(every=timedelta(hours=1))
def find_writing_prompts() -> None:
    for agency in Agency.objects.exclude(site=None):
        services.refresh_and_notify(agency)


@periodic(every=timedelta(hours=12))
def send_monthly_digests() -> None:
    """The digest of the month just ended; the outbox key sends it once per month and reader."""
    for agency in Agency.objects.exclude(site=None):
        today = agency.today()
        last_month = today.replace(day=1) - timedelta(days=1)
        digest.send_digest(agency, last_month.year, last_month.month)
