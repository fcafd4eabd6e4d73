"""Per-visitor limits kept in the cache. A visitor is known only by a keyed hash of the IP.

Behind a reverse proxy set LONTAR_TRUSTED_PROXY_COUNT so the client address is read from
X-Forwarded-For; without it every visitor would share the proxy's address.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from lontar.core.client import client_ip as client_ip  # re-exported: older imports


def visitor_key(request: HttpRequest, scope: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), client_ip(request).encode(), hashlib.sha256)
    return f"lontar:rl:{scope}:{digest.hexdigest()[:32]}"


def is_limited(request: HttpRequest, scope: str, limit: int) -> bool:
    return cache.get(visitor_key(request, scope), 0) >= limit


def hit(request: HttpRequest, scope: str, window_seconds: int) -> None:
    key = visitor_key(request, scope)
    if cache.add(key, 1, window_seconds):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, window_seconds)
