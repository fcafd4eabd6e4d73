"""Lontar's own `check --deploy` checks: each names the weak setting it finds."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.checks import run_checks
from django.test import override_settings

# What the production settings module gives with LONTAR_HTTPS=1 (the test run has it off), plus
# the hasher and session lifetime the Authentication section sets.
PRODUCTION = {
    "DEBUG": False,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "LANGUAGE_COOKIE_SECURE": True,
    "PASSWORD_HASHERS": [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ],
    "SESSION_COOKIE_AGE": 8 * 3600,
    "WAGTAILADMIN_BASE_URL": "https://bkd.example.go.id",
}


def lontar_issue_ids(**overrides) -> set[str]:
    with override_settings(**{**PRODUCTION, **overrides}):
        issues = run_checks(include_deployment_checks=True, tags=["security"])
    return {issue.id for issue in issues if issue.id.startswith("lontar.")}


def _csp(**changes):
    directives = {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], **changes}
    return {"DIRECTIVES": {k: v for k, v in directives.items() if v is not None}}


def test_production_settings_pass_every_lontar_check():
    assert lontar_issue_ids() == set()


@pytest.mark.parametrize(
    ("overrides", "issue"),
    [
        ({"SECURE_HSTS_SECONDS": 3600}, "lontar.W001"),
        ({"SECURE_HSTS_INCLUDE_SUBDOMAINS": False}, "lontar.W002"),
        ({"SECURE_HSTS_PRELOAD": False}, "lontar.W003"),
        ({"X_FRAME_OPTIONS": "SAMEORIGIN"}, "lontar.W004"),
        ({"SESSION_COOKIE_SECURE": False}, "lontar.W005"),
        ({"CSRF_COOKIE_HTTPONLY": False}, "lontar.W005"),
        ({"LANGUAGE_COOKIE_SECURE": False}, "lontar.W005"),
        ({"LANGUAGE_COOKIE_SAMESITE": None}, "lontar.W005"),
        ({"SESSION_COOKIE_SAMESITE": "None"}, "lontar.W005"),
        ({"PASSWORD_HASHERS": ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]}, "lontar.W006"),
        ({"SESSION_COOKIE_AGE": 14 * 24 * 3600}, "lontar.W007"),
        ({"DEBUG": True}, "lontar.E008"),
        ({"CONTENT_SECURITY_POLICY": None}, "lontar.W009"),
        (
            {"CONTENT_SECURITY_POLICY": _csp(**{"script-src": ["'self'", "'unsafe-inline'"]})},
            "lontar.W009",
        ),
        (
            {"CONTENT_SECURITY_POLICY": _csp(**{"script-src": None, "default-src": ["*"]})},
            "lontar.W009",
        ),
        ({"CONTENT_SECURITY_POLICY": _csp(**{"frame-ancestors": ["'self'"]})}, "lontar.W009"),
        ({"CONTENT_SECURITY_POLICY": _csp(**{"object-src": None})}, "lontar.W009"),
        ({"SECURE_REFERRER_POLICY": "strict-origin-when-cross-origin"}, "lontar.W010"),
        ({"SECURE_REFERRER_POLICY": "unsafe-url"}, "lontar.W010"),
        ({"LONTAR_NO_STORE_PATH_PREFIXES": ("/admin/",)}, "lontar.W011"),
        ({"WAGTAILADMIN_BASE_URL": "http://bkd.example.go.id"}, "lontar.W012"),
    ],
)
def test_a_weak_setting_is_reported_by_its_check(overrides, issue):
    assert issue in lontar_issue_ids(**overrides)


def test_a_missing_csp_or_no_store_middleware_is_reported():
    middleware = [
        name for name in settings.MIDDLEWARE if not name.startswith("lontar.core.headers.")
    ]

    assert {"lontar.W009", "lontar.W011"} <= lontar_issue_ids(MIDDLEWARE=middleware)


def test_checks_run_only_for_deployment():
    with override_settings(**{**PRODUCTION, "DEBUG": True}):
        issues = run_checks(include_deployment_checks=False)

    assert not [issue for issue in issues if issue.id.startswith("lontar.")]
