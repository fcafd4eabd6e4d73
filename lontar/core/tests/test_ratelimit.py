"""Rate limits count and decide in one step, per IPv4 address or IPv6 /64."""

from __future__ import annotations

import socket
import threading
import uuid

import pytest
import time_machine
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from lontar.core.ratelimit import hit_and_check, network_of, visitor_key

LIMIT = 20
THREADS = 30


def visitor(ip: str = "203.0.113.9"):
    return RequestFactory().post("/ppid/lacak/", REMOTE_ADDR=ip)


def test_ipv6_addresses_are_counted_per_64_and_mapped_ipv4_as_ipv4():
    assert network_of("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert network_of("2001:db8:1:2:ffff:ffff:ffff:fffe") == "2001:db8:1:2::/64"
    assert network_of("::ffff:198.51.100.4") == "198.51.100.4"
    assert network_of("198.51.100.4") == "198.51.100.4"
    same = visitor_key(visitor("2001:db8:1:2::1"), "s")
    assert same == visitor_key(visitor("2001:db8:1:2:dead:beef:0:1"), "s")
    assert same != visitor_key(visitor("2001:db8:1:3::1"), "s")


def test_one_ipv6_subscriber_cannot_rotate_addresses_past_the_limit():
    cache.clear()
    allowed = [
        hit_and_check(visitor(f"2001:db8:7:7::{n:x}"), "rotate", 5, 3600) for n in range(1, 12)
    ]
    assert allowed.count(True) == 5


def _burst(ip: str, scope: str) -> list[bool]:
    results: list[bool] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def attempt() -> None:
        start.wait()
        ok = hit_and_check(visitor(ip), scope, LIMIT, 3600)
        with lock:
            results.append(ok)

    threads = [threading.Thread(target=attempt) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_thirty_parallel_attempts_get_exactly_the_limit_on_the_local_memory_cache():
    cache.clear()
    results = _burst("192.0.2.30", f"burst-{uuid.uuid4().hex}")
    assert results.count(True) == LIMIT and len(results) == THREADS


def test_thirty_parallel_attempts_get_exactly_the_limit_on_the_file_cache(tmp_path):
    files = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    with override_settings(CACHES=files):
        results = _burst("192.0.2.31", "burst-file")
    assert results.count(True) == LIMIT


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def test_thirty_parallel_attempts_get_exactly_the_limit_on_redis():
    if not _redis_reachable():
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": f"lontar-test-{uuid.uuid4().hex}",
        }
    }
    with override_settings(CACHES=redis):
        results = _burst("192.0.2.32", "burst-redis")
    assert results.count(True) == LIMIT


@pytest.mark.parametrize("backend", ["locmem", "file"])
def test_the_window_ends_an_hour_after_the_first_attempt(backend, tmp_path):
    caches = {
        "locmem": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"window-{uuid.uuid4().hex}",
        },
        "file": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        },
    }
    with (
        override_settings(CACHES={"default": caches[backend]}),
        time_machine.travel("2026-11-30 08:00:00+00:00", tick=False) as clock,
    ):
        assert [hit_and_check(visitor(), "w", 2, 3600) for _ in range(3)] == [True, True, False]
        clock.shift(50 * 60)  # attempts late in the window must not extend it
        assert not hit_and_check(visitor(), "w", 2, 3600)
        clock.shift(11 * 60)
        assert hit_and_check(visitor(), "w", 2, 3600)
