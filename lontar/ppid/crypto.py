"""NIK at rest: encrypted (Fernet), plus a keyed hash so an officer can find a requester's
earlier requests without decrypting every row.

The key is settings.LONTAR_PII_KEY, read and validated at startup by the settings module (a
Fernet key from the environment; development derives one from SECRET_KEY).
"""

from __future__ import annotations

import hashlib
import hmac

from cryptography.fernet import Fernet
from django.conf import settings


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


def tracking_code_hash(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), b"track:" + code.encode(),
                    hashlib.sha256).hexdigest()
