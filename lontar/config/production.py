"""Validators for the settings a production portal cannot run without.

Pure functions: each takes the raw environment value and returns the value the settings module
stores, or raises ImproperlyConfigured with a message that names the variable and says how to
fix it. They run at import of the settings, so a bad deployment never serves its first page.
"""

from __future__ import annotations

import base64
import binascii
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

FERNET_KEY_HELP = (
    'Generate one with: python -c "from cryptography.fernet import Fernet; '
    'print(Fernet.generate_key().decode())" and keep it backed up: losing it loses every '
    "stored NIK."
)
# Back ends that never deliver: a production receipt must reach the citizen, not stdout.
UNDELIVERED_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}


def fernet_key(value: str, name: str = "LONTAR_PII_KEY") -> str:
    """Return `value` if it is a Fernet key: url-safe base64 of exactly 32 bytes."""
    try:
        raw = base64.urlsafe_b64decode(value.encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raw = b""
    if len(value) != 44 or len(raw) != 32:
        raise ImproperlyConfigured(
            f"{name} is not a valid Fernet key (url-safe base64 of 32 bytes, 44 characters). "
            + FERNET_KEY_HELP
        )
    return value


def public_base_url(value: str, name: str = "LONTAR_BASE_URL") -> str:
    """Return the origin (`https://host[:port]`) every absolute link in e-mails starts with."""
    parts = urlsplit(value.strip())
    if (
        parts.scheme not in {"http", "https"}
        or not parts.hostname
        or parts.path not in {"", "/"}
        or parts.query
        or parts.fragment
        or parts.username
        or parts.password
    ):
        raise ImproperlyConfigured(
            f"{name}={value!r} is not an absolute http(s) URL without a path; set it to the "
            f"portal's public address, e.g. {name}=https://bkd.example.go.id"
        )
    return f"{parts.scheme}://{parts.netloc}"


def delivering_email_backend(backend: str) -> str:
    """Refuse e-mail back ends that print or keep messages instead of sending them."""
    if backend in UNDELIVERED_EMAIL_BACKENDS:
        raise ImproperlyConfigured(
            "EMAIL_URL points at a back end that does not deliver mail "
            f"({backend.rsplit('.', 2)[-2]}); receipts would carry citizens' names and tracking "
            "codes to the server log instead. Set it to an SMTP server, e.g. "
            "EMAIL_URL=smtp://user:pass@host:587/?tls=True "
            "(or smtps://, submission://)."
        )
    return backend


def origin_of(url: str | None) -> str:
    """`scheme://host[:port]` of an absolute URL or a bare host name; "" for a path or nothing."""
    if not url or url.startswith("/"):
        return ""
    if "://" not in url:
        url = f"https://{url}"  # S3_CUSTOM_DOMAIN is given as a bare host name
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
