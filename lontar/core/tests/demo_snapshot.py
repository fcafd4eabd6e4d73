"""The demo, loaded once per test process and restored from a snapshot afterwards.

Browser journeys need the whole demo province in a committed (transactional) database, and
`load_demo` takes most of a minute: it publishes ~100 pages and renders ~150 PDFs. Loading it
once per xdist worker and copying the tables back for every later test keeps `make test` within
its time budget. The copy is exact: on SQLite with SQLite's own backup API (the search index's
FTS tables included), on PostgreSQL with COPY per table and the sequences moved past the
restored rows. Files the demo wrote are put back too, should a test in between have removed
them. Tests of the loader itself (lontar/demo/tests) call `load_demo` directly.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from lontar.demo.loader import set_demo_addresses

DEFAULT_PORT = 8000  # load_demo's own default


@dataclass
class _Snapshot:
    day: date
    files: Path
    sqlite: sqlite3.Connection | None = None
    tables: dict[str, bytes] = field(default_factory=dict)


_snapshot: _Snapshot | None = None


def _file_roots() -> dict[str, Path]:
    private = settings.STORAGES.get("private", {}).get("OPTIONS", {}).get("location")
    roots = {"media": Path(settings.MEDIA_ROOT)}
    if private:
        roots["private"] = Path(private)
    return roots


def _tables() -> list[str]:
    return [name for name in connection.introspection.table_names() if name != "django_migrations"]


def _take() -> _Snapshot:
    files = Path(tempfile.mkdtemp(prefix="lontar-demo-snapshot-"))
    for name, root in _file_roots().items():
        if root.exists():
            shutil.copytree(root, files / name)
    snapshot = _Snapshot(day=date.today(), files=files)
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        snapshot.sqlite = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot.sqlite)
    else:
        with connection.cursor() as cursor:
            raw = cursor.cursor
            for table in _tables():
                with raw.copy(f'COPY "{table}" TO STDOUT') as copy:
                    snapshot.tables[table] = b"".join(bytes(chunk) for chunk in copy)
    return snapshot


def _restore(snapshot: _Snapshot) -> None:
    for name, root in _file_roots().items():
        source = snapshot.files / name
        if not source.exists():
            continue
        for path in source.rglob("*"):
            target = root / path.relative_to(source)
            if path.is_file() and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
    connection.ensure_connection()
    if snapshot.sqlite is not None:
        snapshot.sqlite.backup(connection.connection)
    else:
        with transaction.atomic(), connection.cursor() as cursor:
            tables = _tables()
            cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE")
            raw = cursor.cursor
            for table, data in snapshot.tables.items():
                if data and table in tables:  # a migration test may have dropped one
                    with raw.copy(f'COPY "{table}" FROM STDIN') as copy:
                        copy.write(data)
            # Only models with a table of their own (not unmanaged or proxy ones).
            models = [
                model
                for model in apps.get_models(include_auto_created=True)
                if model._meta.db_table in tables
            ]
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    # Caches that hold ids or rows of the database as it was before the copy.
    ContentType.objects.clear_cache()
    cache.clear()


def load_demo(port: int = DEFAULT_PORT) -> None:
    """The demo province in the test database, as `lontar load_demo --port PORT` leaves it."""
    global _snapshot
    if _snapshot is not None and _snapshot.day == date.today():
        _restore(_snapshot)
        set_demo_addresses(port)
        return
    call_command("load_demo", port=DEFAULT_PORT, verbosity=0, stdout=io.StringIO())
    _snapshot = _take()
    set_demo_addresses(port)
