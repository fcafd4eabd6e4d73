"""Sign-in records are personal data (usernames, addresses): kept 90 days, then deleted."""

from __future__ import annotations

from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.sessions.models import Session

from lontar.accounts.models import LoginSession
from lontar.core.schedule import periodic

SIGN_IN_LOG_RETENTION_DAYS = 90


@periodic(every=timedelta(days=1))
def prune_sign_in_records() -> None:
    AxesProxyHandler.reset_logs(age_days=SIGN_IN_LOG_RETENTION_DAYS)
    AxesProxyHandler.reset_failure_logs(age_days=SIGN_IN_LOG_RETENTION_DAYS)
    # Sessions that expired or were flushed leave their LoginSession row behind.
    LoginSession.objects.exclude(session_key__in=Session.objects.values("session_key")).delete()
