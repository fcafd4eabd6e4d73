"""Staff sessions: idle and absolute lifetime, and the second factor before any admin page.

Installed after django_otp's OTPMiddleware, which tells whether this session has passed a TOTP
step (`request.user.is_verified()`).
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from lontar.accounts import sessions
from lontar.accounts.devices import has_confirmed_device
from lontar.accounts.policy import requires_second_factor

# Admin URLs a signed-in user may reach before the second step: signing in and out, resetting a
# forgotten password (it never signs the user in) and the step itself, plus static furniture.
EXEMPT_VIEWS = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "accounts:enrol",
        "accounts:verify",
    }
)


def needs_second_step(user) -> bool:
    """Signed in with the password but not yet with a code, and a code is required.

    Staff in the roles of `policy.ROLES_REQUIRING_SECOND_FACTOR` must have one; anyone else who
    enrolled voluntarily is held to it too, or enrolling would protect nothing.
    """
    if not user.is_authenticated or user.is_verified():
        return False
    return requires_second_factor(user) or has_confirmed_device(user)


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix: str | None = None

    def __call__(self, request: HttpRequest):
        self._enforce_lifetime(request)
        return self.get_response(request)

    @property
    def admin_prefix(self) -> str:
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        return self._admin_prefix

    def _enforce_lifetime(self, request: HttpRequest) -> None:
        session = request.session
        login_at = session.get(sessions.LOGIN_AT_KEY)
        if login_at is None:
            return
        now = int(time.time())
        seen_at = session.get(sessions.SEEN_AT_KEY)
        if sessions.session_expired(
            now=now,
            login_at=login_at,
            seen_at=seen_at,
            idle=sessions.idle_limit(),
            absolute=sessions.absolute_limit(),
        ):
            # Only this session ends; logout() would end the user's other sessions too.
            session.flush()
            request.user = AnonymousUser()
            return
        if seen_at is None or now - seen_at >= sessions.SEEN_RESOLUTION_SECONDS:
            session[sessions.SEEN_AT_KEY] = now

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = request.user
        if not request.path_info.startswith(self.admin_prefix):
            # Outside the admin a half-signed-in user is nobody: private documents, drafts and
            # the userbar must not open with the password alone.
            request.user = SimpleLazyObject(
                lambda: AnonymousUser() if needs_second_step(user) else user
            )
            return None
        match = request.resolver_match
        if match is not None and match.view_name in EXEMPT_VIEWS:
            return None
        if not needs_second_step(user):
            return None
        step = "accounts:verify" if has_confirmed_device(user) else "accounts:enrol"
        next_url = request.get_full_path() if request.method == "GET" else self.admin_prefix
        return HttpResponseRedirect(f"{reverse(step)}?{urlencode({'next': next_url})}")
