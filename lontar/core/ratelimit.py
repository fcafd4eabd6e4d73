"""Per-visitor limits kept in the cache. A visitor is known only by a keyed hash of the IP.

Behind a reverse proxy set LONTAR_TRUSTED_PROXY_COUNT so the client address is read from
X-Forwarded-For; without it every visitor would share the proxy's address.

Counting and deciding are one step (`hit_and_check`): the counter is incremented first and the
caller is refused when the value the cache returns is over the limit. A separate "look, then
count" lets a burst of parallel requests all look before any of them counts.

When the cache cannot be reached (Redis down, the file cache's disk full) a citizen's limit
fails OPEN: a request or a question is worth more than a perfect count, and the forms keep
their other guards (bot check, size limits). A limit that guards a secret fails CLOSED:
`count` on a subject key (wrong codes against one number), or `hit_and_check(...,
fail_closed=True)`. Staff sign-in is throttled by django-axes in the
database (lontar/accounts/throttle.py), so it keeps refusing while Redis is down.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import ipaddress
import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.http import HttpRequest

from lontar.core.cache import CacheUnavailable
from lontar.core.client import client_ip as client_ip  # re-exported: older imports

logger = logging.getLogger("lontar.ratelimit")
# What `count` answers when it cannot count: more than any limit.
UNAVAILABLE = sys.maxsize


class CounterUnavailable(Exception):
    """The counter could not be read or written; the caller decides open or closed."""


def network_of(ip: str) -> str:
    """The unit a limit applies to: one IPv4 address, or one IPv6 /64.

    An IPv6 subscriber usually gets a whole /64, so counting single addresses would give one
    person 2**64 budgets.
    """
    try:
        address = ipaddress.ip_address(ip.strip())
    except ValueError:
        return ip.strip()
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def _digest(value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def visitor_key(request: HttpRequest, scope: str) -> str:
    return f"lontar:rl:{scope}:{_digest(network_of(client_ip(request)))}"


def subject_key(scope: str, subject: str) -> str:
    """A counter for something other than the visitor, e.g. one registration number."""
    return f"lontar:rl:{scope}:{_digest(subject)}"


def _file_cache() -> FileBasedCache | None:
    backend = caches["default"]
    return backend if isinstance(backend, FileBasedCache) else None


@contextmanager
def _file_lock(backend: FileBasedCache) -> Iterator[None]:
    # The lock file sits in the cache's own directory, a private attribute the stubs omit.
    directory: str = backend._dir  # type: ignore[attr-defined]
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, ".ratelimit.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield


def _file_count(backend: FileBasedCache, key: str, delta: int, window_seconds: int) -> int:
    # The file cache's add() and incr() read, then write, and its incr() resets the expiry to
    # the default timeout; so processes sharing it take a lock and keep the window end apart.
    with _file_lock(backend):
        now = time.time()
        value = backend.get(key)
        until = backend.get(f"{key}:until")
        if value is None or until is None or until <= now:
            value, until = 0, now + window_seconds
            backend.set(f"{key}:until", until, window_seconds)
        value = max(0, value + delta)
        backend.set(key, value, max(1, int(until - now) + 1))
        return value


def count(key: str, window_seconds: int) -> int:
    """Add one to the counter and return its new value, in one step.

    With the cache unavailable the answer is over every limit (fail closed): the counters
    callers read directly guard secrets from everywhere at once, e.g. wrong tracking codes
    tried against one registration number. Per-visitor limits go through `hit_and_check`.
    """
    try:
        return _count(key, window_seconds)
    except CounterUnavailable:
        return UNAVAILABLE


def _count(key: str, window_seconds: int) -> int:
    try:
        return _count_or_raise(key, window_seconds)
    except (CacheUnavailable, OSError) as error:
        # The error's class only: the key holds a (keyed) hash of the visitor's address.
        logger.warning("rate-limit counter unavailable: %s", type(error).__name__)
        raise CounterUnavailable from error


def _count_or_raise(key: str, window_seconds: int) -> int:
    backend = _file_cache()
    if backend is not None:
        return _file_count(backend, key, 1, window_seconds)
    # LocMemCache locks add() and incr(); Redis' SET NX and INCR are atomic and keep the TTL.
    if cache.add(key, 1, window_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr(): this is the first hit again
        if cache.add(key, 1, window_seconds):
            return 1
        return cache.incr(key)


def uncount(key: str, window_seconds: int = 3600) -> None:
    """Give back one hit (an attempt that turned out to be legitimate)."""
    backend = _file_cache()
    try:
        if backend is not None:
            _file_count(backend, key, -1, window_seconds)
            return
        cache.decr(key)
    except (ValueError, OSError):  # already expired, or the cache is unavailable
        pass


def hit_and_check(
    request: HttpRequest, scope: str, limit: int, window_seconds: int, *, fail_closed: bool = False
) -> bool:
    """Count this visitor's attempt; True when it is within the limit, False to refuse it.

    With the cache unavailable: True (fail open), or False when `fail_closed`.
    """
    try:
        return _count(visitor_key(request, scope), window_seconds) <= limit
    except CounterUnavailable:
        return not fail_closed


def is_limited(request: HttpRequest, scope: str, limit: int) -> bool:
    """Read-only look at a counter; prefer `hit_and_check`, which cannot be raced."""
    return cache.get(visitor_key(request, scope), 0) >= limit


def hit(request: HttpRequest, scope: str, window_seconds: int) -> None:
    count(visitor_key(request, scope), window_seconds)
