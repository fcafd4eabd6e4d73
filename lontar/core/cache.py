"""A Redis cache that keeps the site up when Redis is down (issue 19).

Django's RedisCache raises on every call when the server is unreachable, so a Redis outage
would turn every page that reads a menu into a 500. Nothing Lontar keeps in the cache is the
only copy (sessions, login throttling and the task queue live in the database), so this
backend treats an unreachable Redis as an empty cache that forgets what it is told:

- reads return the default, writes and deletes do nothing;
- `add` answers False and `incr`/`decr` raise `CacheUnavailable`, a ValueError, so every
  "add, then incr, except ValueError" counter in the code falls back to its first-hit branch:
  citizens' rate limits fail open. Code that must fail closed catches `CacheUnavailable`.

Each failure is logged once per call with the error's class only (no keys: keys can carry
hashed addresses, and values can carry anything).
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("lontar.cache")

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class CacheUnavailable(ValueError):
    """The cache could not be reached; a counter cannot count."""


def _failed(operation: str, error: BaseException) -> None:
    logger.warning("cache unavailable during %s: %s", operation, type(error).__name__)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django builds a new `redis.Redis` for every cache call, and its constructor copies a
    table of ~170 response callbacks: about 0.1 ms of pure Python per call, a dozen calls per
    page. A client only wraps its connection pool and is thread-safe, so one per pool is kept."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class FailSoftRedisCache(RedisCache):
    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except UNREACHABLE as error:
            _failed("get", error)
            return default

    def get_many(self, keys: Any, version: int | None = None) -> dict:
        try:
            return super().get_many(keys, version)
        except UNREACHABLE as error:
            _failed("get_many", error)
            return {}

    def has_key(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().has_key(key, version)
        except UNREACHABLE as error:
            _failed("has_key", error)
            return False

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        try:
            super().set(key, value, timeout, version)
        except UNREACHABLE as error:
            _failed("set", error)

    def set_many(self, data: dict, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None):
        try:
            return super().set_many(data, timeout, version)
        except UNREACHABLE as error:
            _failed("set_many", error)
            return list(data)  # the keys that were not stored

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        try:
            return super().add(key, value, timeout, version)
        except UNREACHABLE as error:
            _failed("add", error)
            return False

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        try:
            return super().touch(key, timeout, version)
        except UNREACHABLE as error:
            _failed("touch", error)
            return False

    def delete(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().delete(key, version)
        except UNREACHABLE as error:
            _failed("delete", error)
            return False

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        try:
            super().delete_many(keys, version)
        except UNREACHABLE as error:
            _failed("delete_many", error)

    def clear(self) -> None:
        try:
            super().clear()
        except UNREACHABLE as error:
            _failed("clear", error)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as error:
            _failed("incr", error)
            raise CacheUnavailable(type(error).__name__) from error

    def decr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        return self.incr(key, -delta, version)


class RenditionCacheMixin:
    """Wagtail's `Image.get_rendition` writes the rendition back to the cache on every call,
    even when it has just read it from there: one cache write per image per page view (ten on
    a news list). A rendition read from this cache is marked, as Wagtail marks prefetched ones,
    and a marked rendition is not written again. What a rendition's key names (image, focal
    point, filter) cannot change under it, so nothing is lost."""

    def get_many(self, keys: Any, version: int | None = None) -> dict:
        found = super().get_many(keys, version)  # type: ignore[misc]
        for rendition in found.values():
            rendition._from_cache = True
        return found

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        if getattr(value, "_from_cache", False):
            return
        super().set(key, value, timeout, version)  # type: ignore[misc]


class RenditionRedisCache(RenditionCacheMixin, FailSoftRedisCache):
    """Wagtail's `renditions` cache on Redis (settings.CACHES)."""


class RenditionFileCache(RenditionCacheMixin, FileBasedCache):
    """Wagtail's `renditions` cache in files, without Redis (settings.CACHES)."""
