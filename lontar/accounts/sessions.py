"""Staff sessions: one place that ends them, and the idle and absolute lifetimes.

Django keeps sessions in the database (SESSION_ENGINE "db"), which keeps working when Redis is
down. A deactivated user is already refused by the auth backend on the next request; the rows
are deleted as well so a stolen cookie is worthless even if the account is re-activated.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.contrib.sessions.models import Session
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from lontar.accounts.models import LoginSession

LOGIN_AT_KEY = "lontar_login_at"
SEEN_AT_KEY = "lontar_seen_at"
# Writing the session on every admin request would cost a database write each time; a minute's
# precision is plenty for a 30-minute idle limit.
SEEN_RESOLUTION_SECONDS = 60


def end_all_sessions(user) -> int:
    keys = list(LoginSession.objects.filter(user=user).values_list("session_key", flat=True))
    deleted, _ = Session.objects.filter(session_key__in=keys).delete()
    LoginSession.objects.filter(user=user).delete()
    return deleted


def session_expired(
    *, now: float, login_at: float | None, seen_at: float | None, idle: int, absolute: int
) -> bool:
    """True when a signed-in session has been idle too long or lived too long since login."""
    if login_at is not None and now - login_at > absolute:
        return True
    return seen_at is not None and now - seen_at > idle


def idle_limit() -> int:
    return getattr(settings, "LONTAR_SESSION_IDLE_SECONDS", 30 * 60)


def absolute_limit() -> int:
    return settings.SESSION_COOKIE_AGE


@receiver(user_logged_in)
def _remember_session(sender, request, user, **kwargs) -> None:
    session = getattr(request, "session", None)
    if session is None:
        return
    now = int(time.time())
    session[LOGIN_AT_KEY] = now
    session[SEEN_AT_KEY] = now
    if session.session_key is None:
        session.save()
    LoginSession.objects.get_or_create(session_key=session.session_key, defaults={"user": user})


@receiver(user_logged_out)
def _end_sessions_on_logout(sender, request, user, **kwargs) -> None:
    if user is not None:
        end_all_sessions(user)


@receiver(post_save, sender=get_user_model())
def _end_sessions_on_deactivation(sender, instance, **kwargs) -> None:
    if not instance.is_active:
        end_all_sessions(instance)


@receiver(pre_delete, sender=get_user_model())
def _end_sessions_on_delete(sender, instance, **kwargs) -> None:
    end_all_sessions(instance)
