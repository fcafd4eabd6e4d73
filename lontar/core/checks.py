"""Deployment checks Django's `check --deploy` does not make (`lontar check --deploy`).

Registered with the `deploy` flag, so they run only under `--deploy`; the production settings
pass all of them (lontar/config/tests/test_settings.py runs the command with
`--fail-level WARNING`). Each check reads settings values only.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

HSTS_MIN_SECONDS = 365 * 24 * 3600
SESSION_MAX_SECONDS = 8 * 3600
ARGON2_HASHER = "django.contrib.auth.hashers.Argon2PasswordHasher"
CSP_MIDDLEWARE = "lontar.core.headers.ContentSecurityPolicyMiddleware"
# Directives every public page's policy must carry, with the one value each must have.
CSP_REQUIRED = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
UNSAFE_SCRIPT_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"}
# Referrer policies that send nothing, or nothing but to the portal itself.
STRICT_REFERRER_POLICIES = {"same-origin", "no-referrer"}


@register(Tags.security, deploy=True)
def check_hsts(app_configs=None, **kwargs) -> list[Warning]:
    issues = []
    if settings.SECURE_HSTS_SECONDS < HSTS_MIN_SECONDS:
        issues.append(
            Warning(
                f"SECURE_HSTS_SECONDS is below one year ({HSTS_MIN_SECONDS}).",
                hint="Set LONTAR_HSTS_SECONDS=31536000 (the default with LONTAR_HTTPS=1).",
                id="lontar.W001",
            )
        )
    if not settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
        issues.append(
            Warning(
                "HSTS does not include subdomains.",
                hint="Set LONTAR_HSTS_INCLUDE_SUBDOMAINS=1 (the default with LONTAR_HTTPS=1).",
                id="lontar.W002",
            )
        )
    if not settings.SECURE_HSTS_PRELOAD:
        issues.append(
            Warning(
                "HSTS does not allow preloading.",
                hint="Set LONTAR_HSTS_PRELOAD=1 (the default with LONTAR_HTTPS=1).",
                id="lontar.W003",
            )
        )
    return issues


@register(Tags.security, deploy=True)
def check_framing(app_configs=None, **kwargs) -> list[Warning]:
    if settings.X_FRAME_OPTIONS != "DENY":
        return [
            Warning(
                f"X_FRAME_OPTIONS is {settings.X_FRAME_OPTIONS!r}; pages may be framed by the "
                "portal itself.",
                hint="Set X_FRAME_OPTIONS = 'DENY'; Wagtail's preview views allow same-origin "
                "framing on their own responses.",
                id="lontar.W004",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_cookies(app_configs=None, **kwargs) -> list[Warning]:
    issues = []
    for cookie in ("SESSION", "CSRF", "LANGUAGE"):
        wanted = {
            f"{cookie}_COOKIE_SECURE": True,
            f"{cookie}_COOKIE_HTTPONLY": True,
        }
        wrong = [name for name, value in wanted.items() if getattr(settings, name) is not value]
        if getattr(settings, f"{cookie}_COOKIE_SAMESITE") not in {"Lax", "Strict"}:
            wrong.append(f"{cookie}_COOKIE_SAMESITE")
        if wrong:
            issues.append(
                Warning(
                    f"The {cookie.lower()} cookie is not Secure, HttpOnly and SameSite=Lax: "
                    + ", ".join(wrong)
                    + ".",
                    hint="Set LONTAR_HTTPS=1 behind TLS; the settings module sets the rest.",
                    id="lontar.W005",
                )
            )
    return issues


@register(Tags.security, deploy=True)
def check_password_hasher(app_configs=None, **kwargs) -> list[Warning]:
    hashers = list(settings.PASSWORD_HASHERS)
    if not hashers or hashers[0] != ARGON2_HASHER:
        return [
            Warning(
                "New passwords are not hashed with Argon2.",
                hint=f"Put {ARGON2_HASHER!r} first in PASSWORD_HASHERS (argon2-cffi is required).",
                id="lontar.W006",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_session_age(app_configs=None, **kwargs) -> list[Warning]:
    if settings.SESSION_COOKIE_AGE > SESSION_MAX_SECONDS:
        return [
            Warning(
                f"SESSION_COOKIE_AGE is {settings.SESSION_COOKIE_AGE} s; a staff session must end "
                "within 8 hours.",
                hint=f"Set SESSION_COOKIE_AGE to at most {SESSION_MAX_SECONDS}.",
                id="lontar.W007",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_debug(app_configs=None, **kwargs) -> list[Error]:
    if settings.DEBUG:
        return [
            Error(
                "DEBUG is on: error pages show settings, code and what citizens typed.",
                hint="Unset LONTAR_DEBUG (or set LONTAR_DEBUG=0) in production.",
                id="lontar.E008",
            )
        ]
    return []


def _csp_problems(directives: dict) -> list[str]:
    problems = []
    for name, value in CSP_REQUIRED.items():
        if list(directives.get(name) or []) != [value]:
            problems.append(f"{name} must be {value}")
    script = set(directives.get("script-src") or directives.get("default-src") or [])
    if script & UNSAFE_SCRIPT_SOURCES:
        problems.append("script-src allows " + ", ".join(sorted(script & UNSAFE_SCRIPT_SOURCES)))
    return problems


@register(Tags.security, deploy=True)
def check_content_security_policy(app_configs=None, **kwargs) -> list[Warning]:
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    directives = policy.get("DIRECTIVES") or {}
    problems = []
    if CSP_MIDDLEWARE not in settings.MIDDLEWARE:
        problems.append(f"{CSP_MIDDLEWARE} is not in MIDDLEWARE")
    if not directives:
        problems.append("CONTENT_SECURITY_POLICY has no DIRECTIVES")
    else:
        problems += _csp_problems(directives)
    if problems:
        return [
            Warning(
                "The public pages' Content-Security-Policy is missing or weak: "
                + "; ".join(problems)
                + ".",
                hint="Keep CONTENT_SECURITY_POLICY as lontar/config/settings.py sets it and move "
                "scripts into static files instead of allowing inline script.",
                id="lontar.W009",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_referrer_policy(app_configs=None, **kwargs) -> list[Warning]:
    policy = settings.SECURE_REFERRER_POLICY
    values = {policy} if isinstance(policy, str) else set(policy or [])
    values = {value.strip() for item in values for value in item.split(",")}
    if not values or not values <= STRICT_REFERRER_POLICIES:
        return [
            Warning(
                f"SECURE_REFERRER_POLICY is {policy!r}; other sites would learn which page a "
                "visitor came from.",
                hint="Set SECURE_REFERRER_POLICY = 'same-origin'.",
                id="lontar.W010",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_no_store(app_configs=None, **kwargs) -> list[Warning]:
    prefixes = set(getattr(settings, "LONTAR_NO_STORE_PATH_PREFIXES", ()))
    missing = {"/ppid/permohonan/", "/ppid/lacak/", "/admin/"} - prefixes
    if missing or "lontar.core.headers.NoStoreMiddleware" not in settings.MIDDLEWARE:
        return [
            Warning(
                "Request, receipt, tracking or admin pages may be cached: "
                + (", ".join(sorted(missing)) or "NoStoreMiddleware is not installed")
                + ".",
                hint="Keep LONTAR_NO_STORE_PATH_PREFIXES and "
                "lontar.core.headers.NoStoreMiddleware.",
                id="lontar.W011",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_base_url(app_configs=None, **kwargs) -> list[Warning]:
    if settings.SESSION_COOKIE_SECURE and not settings.WAGTAILADMIN_BASE_URL.startswith("https://"):
        return [
            Warning(
                f"LONTAR_BASE_URL is {settings.WAGTAILADMIN_BASE_URL!r}: links in e-mails would "
                "send citizens to the portal over plain HTTP.",
                hint="Set LONTAR_BASE_URL=https://your.portal.host",
                id="lontar.W012",
            )
        ]
    return []
