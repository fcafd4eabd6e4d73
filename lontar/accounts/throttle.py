"""Login throttling on top of django-axes' database handler.

Axes locks a (username, address) pair after AXES_FAILURE_LIMIT failures for AXES_COOLOFF_TIME.
That alone lets one address try four passwords on every account name it can think of, so an
address is also capped at LONTAR_LOGIN_FAILURES_PER_ADDRESS failed logins per hour across all
usernames, counted from axes' failure log. Everything lives in the database: login throttling
keeps working (and keeps refusing) when Redis is down.
"""

from __future__ import annotations

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessFailureLog
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

ADDRESS_WINDOW = timedelta(hours=1)


def address_limit() -> int:
    return getattr(settings, "LONTAR_LOGIN_FAILURES_PER_ADDRESS", 30)


def address_failures(ip_address: str | None, *, now=None) -> int:
    if not ip_address:
        return 0
    since = (now or timezone.now()) - ADDRESS_WINDOW
    return AccessFailureLog.objects.filter(ip_address=ip_address, attempt_time__gte=since).count()


def address_over_limit(ip_address: str | None) -> bool:
    return address_failures(ip_address) >= address_limit()


class LontarAxesHandler(AxesDatabaseHandler):
    def is_locked(self, request, credentials: dict | None = None) -> bool:
        if super().is_locked(request, credentials):
            return True
        return address_over_limit(getattr(request, "axes_ip_address", None))

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs) -> None:
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is None or getattr(request, "axes_locked_out", False):
            return
        if address_over_limit(getattr(request, "axes_ip_address", None)):
            request.axes_locked_out = True
            request.axes_credentials = credentials


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """The same page whatever the username: it must not tell whether the account exists."""
    return render(
        request,
        "accounts/locked_out.html",
        {"cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)},
        status=429,
    )
