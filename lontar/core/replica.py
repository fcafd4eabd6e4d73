"""Public reads from a read replica, when DATABASE_REPLICA_URL names one (decision 0022).

Only while serving an anonymous public GET or HEAD (`is_public_read`) do reads go to the
`replica` alias; everything else — writes, POSTs, the admin, staff and citizens holding a
session, the tracking and form pages, the worker, commands, migrations — uses the primary.
`ReplicaRoutingMiddleware` marks such a request in a context variable; `ReplicaRouter` reads it.

Within a replica-routed request:
- every write goes to the primary, and once the request has written (any statement but a
  read sent to the primary, raw SQL included) or while it is in a transaction on the
  primary, it reads the primary too: it reads its own writes. (Django asks the router where
  to write also when nothing is written — assigning a related object to an unsaved
  instance — so the statements themselves are watched, not the router's questions);
- the replica is judged once, at the request's first read: reachable, and caught up with the
  primary's WAL position remembered when published content last changed
  (`remember_primary_position`, called by `core.content_version` on commit). So a page or a
  menu cached under a new content version is never built from a replica that has not seen
  that change; rows written by visitors (a register row, a like) may show the replica's lag;
- a replica that cannot be reached, or fails mid-request, is not asked again for
  `RETRY_AFTER_SECONDS` (per process), and the request is answered from the primary: a failure
  before anything was written re-runs the whole request there.

Without DATABASE_REPLICA_URL the middleware removes itself and no router is installed.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse

from lontar.core.pagecache import is_anonymous_public_read

logger = logging.getLogger("lontar.replica")

REPLICA = "replica"
POSITION_KEY = "lontar:replica:primary-position"
RETRY_AFTER_SECONDS = 5.0
# Statements that change no row: reads, and transaction control (SQLite's atomic() sends BEGIN
# through the cursor; what a transaction writes is caught by its own statements).
_READ = re.compile(
    r"\s*(SELECT|SHOW|EXPLAIN|WITH|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b", re.IGNORECASE
)
_WRITING_CTE = re.compile(r"\b(INSERT|UPDATE|DELETE|MERGE)\b", re.IGNORECASE)
# Pages where a citizen without a session reads what they have just written (a question's
# tracking page after asking it, the objection receipt), and the health probes, which report
# on the primary. The no-store paths and the admin are added from the settings.
PRIMARY_PATH_PREFIXES = (
    "/healthz",
    "/tanya-jawab/tanya/",
    "/tanya-jawab/lacak/",
    "/ppid/keberatan/",
)


@dataclass
class RequestRouting:
    """What one replica-routed request has done so far."""

    wrote: bool = False
    replica_usable: bool | None = None  # judged at the first read
    replica_failed: bool = False


_routing: ContextVar[RequestRouting | None] = ContextVar("lontar_replica_routing", default=None)
_lock = threading.Lock()
_down_until = 0.0


def configured() -> bool:
    return REPLICA in settings.DATABASES


def is_public_read(request: HttpRequest) -> bool:
    """An anonymous visitor's GET or HEAD of a public page: the page cache's judgement
    (without its switch), minus the pages a citizen lands on right after writing."""
    return is_anonymous_public_read(request, PRIMARY_PATH_PREFIXES)


def current_routing() -> RequestRouting | None:
    return _routing.get()


def mark_down(reason: str) -> None:
    """Leave the replica alone for RETRY_AFTER_SECONDS in this process."""
    global _down_until
    with _lock:
        was_up = time.monotonic() >= _down_until
        _down_until = time.monotonic() + RETRY_AFTER_SECONDS
    if was_up:
        logger.warning("read replica unusable (%s): reading the primary", reason)


def forget_down() -> None:
    """For tests: the replica is tried again at once."""
    global _down_until
    with _lock:
        _down_until = 0.0


def replica_is_down() -> bool:
    with _lock:
        return time.monotonic() < _down_until


def _position_number(position: str) -> int:
    high, _, low = position.partition("/")
    return (int(high, 16) << 32) + int(low, 16)


def remember_primary_position() -> None:
    """After a change of published content commits, keep the primary's WAL position: replica
    reads wait until the replica has replayed it (only with a PostgreSQL replica)."""
    if not configured() or connections[DEFAULT_DB_ALIAS].vendor != "postgresql":
        return
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_lsn()::text")
            (position,) = cursor.fetchone()
    except DatabaseError:
        return
    known = cache.get(POSITION_KEY)
    # Two commits racing may store in either order: keep the later position.
    if known is None or _position_number(known) < _position_number(position):
        cache.set(POSITION_KEY, position, None)


def replica_ready() -> bool:
    """Reachable and caught up with the last content change (one query)."""
    if replica_is_down():
        return False
    from lontar.core import content_version

    # This request's content version first: its position was stored before it was bumped, so
    # the position read next is at least the one of the content this request will cache.
    content_version.current()
    needed = cache.get(POSITION_KEY) or "0/0"
    connection = connections[REPLICA]
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= %s::pg_lsn",
                    [needed],
                )
                (caught_up,) = cursor.fetchone()
            else:
                cursor.execute("SELECT 1")
                caught_up = True
    except DatabaseError as error:
        mark_down(type(error).__name__)
        return False
    return bool(caught_up)


class ReplicaRouter:
    """Reads of a replica-routed request go to the replica; everything else to the primary."""

    def db_for_read(self, model: Any, **hints: Any) -> str:
        routing = _routing.get()
        if routing is None or routing.wrote or routing.replica_failed:
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS  # a transaction on the primary reads what it locks and writes
        if routing.replica_usable is None:
            routing.replica_usable = replica_ready()
        return REPLICA if routing.replica_usable else DEFAULT_DB_ALIAS

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA}:
            return True  # the same rows, one copy behind
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == DEFAULT_DB_ALIAS  # the replica follows the primary's schema by itself


def is_read(sql: str) -> bool:
    """A statement that changes no row (a data-modifying WITH counts as a write)."""
    match = _READ.match(sql)
    if match is None:
        return False
    return match.group(1).upper() != "WITH" or not _WRITING_CTE.search(sql)


def _watch_primary(routing: RequestRouting) -> Callable[..., Any]:
    def watch(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        if not routing.wrote and not is_read(sql):
            routing.wrote = True  # the rest of the request reads its own writes
        return execute(sql, params, many, context)

    return watch


def _watch_replica(routing: RequestRouting) -> Callable[..., Any]:
    def watch(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        try:
            return execute(sql, params, many, context)
        except DatabaseError as error:
            routing.replica_failed = True  # later reads of this request go to the primary
            if isinstance(error, OperationalError | InterfaceError):
                mark_down(type(error).__name__)
            raise

    return watch


class ReplicaRoutingMiddleware:
    """Outermost of what reads the database: marks an anonymous public read for the router."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if not configured():
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_public_read(request):
            return self.get_response(request)
        routing = RequestRouting()
        token = _routing.set(routing)
        try:
            with (
                connections[DEFAULT_DB_ALIAS].execute_wrapper(_watch_primary(routing)),
                connections[REPLICA].execute_wrapper(_watch_replica(routing)),
            ):
                response = self.get_response(request)
        finally:
            _routing.reset(token)
        if routing.replica_failed and not routing.wrote:
            # The replica failed under the page (a 503 or a 500 by now). Nothing was written,
            # so the whole request runs again on the primary.
            logger.warning("read replica failed during a request: answered from the primary")
            return self.get_response(request)
        return response
