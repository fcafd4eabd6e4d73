"""NIK at rest: encrypted (Fernet), plus a keyed hash so an officer can find a requester's
earlier requests without decrypting every row.

The key is settings.LONTAR_PII_KEY, read and validated at startup by the settings module (a
Fernet key from the environment; development derives one from SECRET_KEY).
Tracking codes are hashed with their own key, settings.LONTAR_TRACKING_KEY, so rotating
SECRET_KEY invalidates neither NIKs nor tracking codes.
"""

from __future__ import annotations

import hashlib
import hmac

from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _master_key() -> bytes:
    return settings.LONTAR_PII_KEY.encode()


def _fernet() -> Fernet:
    return Fernet(_master_key())


def encrypt_nik(nik: str) -> str:
    return _fernet().encrypt(nik.encode()).decode()


def decrypt_nik(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def nik_lookup_hash(nik: str) -> str:
    # A plain hash of a 16-digit number with known structure is easy to reverse by brute
    # force; keying it with the secret makes the stored value useless without the key.
    return hmac.new(_master_key(), b"nik:" + nik.encode(), hashlib.sha256).hexdigest()


def mask_nik(nik: str) -> str:
    return nik[:4] + "•" * 8 + nik[-4:]


def _tracking_key() -> bytes:
    # Both settings are defined in lontar/config/settings.py, which already refuses to start
    # production without the key; this second guard covers a key emptied at run time.
    configured = settings.LONTAR_TRACKING_KEY
    if configured:
        return configured.encode()
    if settings.DEBUG or settings.TESTING:
        # Codes were hashed with SECRET_KEY before this setting existed; falling back to it
        # keeps the codes of existing demo and test data working.
        return settings.SECRET_KEY.encode()
    raise ImproperlyConfigured(
        'LONTAR_TRACKING_KEY is not set. Generate one with: python -c "import secrets; '
        'print(secrets.token_urlsafe(48))". When upgrading, set it to the current SECRET_KEY '
        "so tracking codes already given to requesters keep working."
    )


def tracking_code_hash(code: str) -> str:
    # Keyed apart from SECRET_KEY: rotating the session/signing key must not void every code.
    return hmac.new(_tracking_key(), b"track:" + code.encode(), hashlib.sha256).hexdigest()
