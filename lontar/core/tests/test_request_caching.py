"""The per-request memo of the content version and the reused Redis client (issue 14)."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from lontar.core import content_version
from lontar.core.cache import FailSoftRedisCache


def test_the_version_is_read_once_per_request_and_a_bump_inside_it_is_seen(monkeypatch):
    reads = []
    real_get_or_set = cache.get_or_set
    monkeypatch.setattr(
        cache, "get_or_set", lambda *a, **k: reads.append(a[0]) or real_get_or_set(*a, **k)
    )
    seen = []

    def view(request):
        seen.extend([content_version.current(), content_version.current()])
        content_version._increment()  # a publish inside the request
        seen.append(content_version.current())
        return HttpResponse()

    content_version.RequestMemoMiddleware(view)(RequestFactory().get("/"))
    inside_reads = len(reads)
    outside = [content_version.current(), content_version.current()]

    assert seen[0] == seen[1] and seen[2] == seen[0] + 1
    assert inside_reads == 2  # once before the bump, once after it
    assert outside == [seen[2], seen[2]] and len(reads) == 4  # no memo outside a request


def test_the_redis_cache_reuses_one_client_per_connection_pool():
    backend = FailSoftRedisCache(
        "redis://127.0.0.1:6379/14", {"OPTIONS": {"socket_connect_timeout": 1}}
    )
    backend.set("lontar-test-key", "nilai", 5)

    clients = {id(backend._cache.get_client("lontar-test-key")) for _ in range(3)}

    assert backend.get("lontar-test-key") == "nilai"
    assert len(clients) == 1
    backend.delete("lontar-test-key")
