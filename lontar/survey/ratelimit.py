"""A small per-visitor limit on questionnaire submissions, kept in the cache.

The visitor is known only by a keyed hash of the IP address, so no address is stored.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

SUBMISSIONS_PER_WINDOW = 10
WINDOW_SECONDS = 60 * 60


def _key(request: HttpRequest) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[
        :32
    ]
    return f"lontar:survey:submissions:{digest}"


def is_limited(request: HttpRequest) -> bool:
    return cache.get(_key(request), 0) >= SUBMISSIONS_PER_WINDOW


def record_submission(request: HttpRequest) -> None:
    key = _key(request)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, WINDOW_SECONDS)
