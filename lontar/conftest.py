"""Personas shared by every app's tests (after healthchecks' Alice, Bob and Charlie)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import UserFactory, agency_with_site, staff_member

# CI runs two workers on two cores beside PostgreSQL: timing health checks and per-example
# deadlines measure the machine's load, not the code, so property tests judge results only.
hypothesis_settings.register_profile(
    "lontar", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("lontar")


@pytest.fixture
def agency_a(db):
    """The BKD of the tests: the default site."""
    return agency_with_site(hostname="localhost", default=True, short_name="BKD-A")


@pytest.fixture
def agency_b(db):
    return agency_with_site(hostname="dinas-b.localhost", short_name="DINAS-B")


@pytest.fixture
def citizen(db):
    return UserFactory(username="warga")


@pytest.fixture
def writer(agency_a):
    return staff_member(agency_a, Role.WRITER, username="penulis-a")


@pytest.fixture
def editor(agency_a):
    return staff_member(agency_a, Role.EDITOR, username="editor-a")


@pytest.fixture
def ppid_officer_a(agency_a):
    return staff_member(agency_a, Role.PPID_OFFICER, username="ppid-a")


@pytest.fixture
def ppid_officer_b(agency_b):
    return staff_member(agency_b, Role.PPID_OFFICER, username="ppid-b")


@pytest.fixture
def agency_admin_a(agency_a):
    return staff_member(agency_a, Role.AGENCY_ADMIN, username="admin-a")


@pytest.fixture
def agency_admin_b(agency_b):
    return staff_member(agency_b, Role.AGENCY_ADMIN, username="admin-b")


@pytest.fixture
def editor_b(agency_b):
    return staff_member(agency_b, Role.EDITOR, username="editor-b")


@pytest.fixture
def platform_admin(agency_a):
    return staff_member(agency_a, Role.PLATFORM_ADMIN, username="admin-platform")


# --- Browser tests ------------------------------------------------------------------------------
# Playwright drives Debian's chromium (never a downloaded browser). Where it is missing the
# browser tests are skipped with the reason, except when LONTAR_REQUIRE_BROWSER=1 (CI).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def _chromium():
    import os
    import shutil

    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        if os.environ.get("LONTAR_REQUIRE_BROWSER") == "1":
            pytest.fail("Debian's chromium is required here: apt-get install chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
    # test itself between browser steps are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(_chromium, live_server):
    context = _chromium.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _force_login_passes_second_factor(monkeypatch):
    """`client.force_login(user)` also completes the TOTP step for users who need one.

    force_login is already a test's way round authentication (no password is checked); the
    second factor is part of the same authentication, so it is skipped the same way: a confirmed
    TOTP device is created and the session is marked as verified with it, which is what
    django_otp.login() stores after a real code. Tests of the real sign-in flow post to the
    login form instead (lontar/accounts/tests/). Without this, every admin test of a PPID
    officer or admin would have to enrol a device first.
    """
    from django.test.client import ClientMixin

    original = ClientMixin.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        from lontar.accounts.policy import requires_second_factor

        if requires_second_factor(user):
            from django_otp import DEVICE_ID_SESSION_KEY
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device is None:
                device = TOTPDevice.objects.create(user=user, name="uji", confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(ClientMixin, "force_login", force_login)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the portal's default language, whatever a test before it activated
    in this thread (a form validated outside a request speaks the active language)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and cached menus must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
