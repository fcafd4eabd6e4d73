"""SQLite, the embedded default, lets two processes write at once without "database is locked".

The test database is in memory, so these tests start real processes on a file database with the
settings the app itself uses (DATABASE_URL=sqlite:///…), and read back what the connection got.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
WRITES = 200

# Each transaction reads, then writes: the read-then-upgrade pattern is what fails with
# "database is locked" under DEFERRED transactions, whatever the busy timeout.
WRITER = textwrap.dedent(
    """
    import json, sys, time
    import django
    django.setup()
    from django.db import OperationalError, connection, transaction

    name, count = sys.argv[1], int(sys.argv[2])
    errors = []
    started = time.monotonic()
    for number in range(count):
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SELECT COUNT(*) FROM probe WHERE writer = %s", [name])
                    seen = cursor.fetchone()[0]
                    cursor.execute(
                        "INSERT INTO probe (writer, number) VALUES (%s, %s)", [name, seen]
                    )
        except OperationalError as exc:
            errors.append(str(exc))
    elapsed = time.monotonic() - started
    print(json.dumps({"errors": errors, "elapsed": elapsed}))
    """
)

SETUP = textwrap.dedent(
    """
    import json
    import django
    django.setup()
    from django.conf import settings
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, writer TEXT, number INT)"
        )
        cursor.execute("PRAGMA journal_mode")
        journal_mode = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous")
        synchronous = cursor.fetchone()[0]
        cursor.execute("PRAGMA busy_timeout")
        busy_timeout = cursor.fetchone()[0]
    print(json.dumps({
        "engine": settings.DATABASES["default"]["ENGINE"],
        "journal_mode": journal_mode,
        "synchronous": synchronous,
        "busy_timeout": busy_timeout,
        "transaction_mode": settings.DATABASES["default"]["OPTIONS"].get("transaction_mode"),
    }))
    """
)


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LONTAR_", "DATABASE_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "lontar.config.settings",
            "LONTAR_DEBUG": "1",
            "LONTAR_VAR_DIR": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'lontar.sqlite3'}",
        }
    )
    return env


def _run(code: str, env: dict[str, str], *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_an_app_connection_to_sqlite_is_wal_synchronous_full_and_immediate(tmp_path):
    state = _run(SETUP, _env(tmp_path))

    assert state["engine"] == "django.db.backends.sqlite3"
    assert state["journal_mode"] == "wal"
    assert state["synchronous"] == 2  # FULL
    assert state["busy_timeout"] >= 5000
    assert state["transaction_mode"] == "IMMEDIATE"


def test_two_processes_writing_at_once_never_see_database_is_locked(tmp_path):
    env = _env(tmp_path)
    _run(SETUP, env)

    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, name, str(WRITES)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    reports = []
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))

    import sqlite3

    with sqlite3.connect(tmp_path / "lontar.sqlite3") as db:
        rows = db.execute("SELECT writer, number FROM probe ORDER BY id").fetchall()
    assert [report["errors"] for report in reports] == [[], []]
    for name in ("a", "b"):
        # Every transaction saw all of its own earlier rows: none lost, none doubled.
        assert sorted(number for writer, number in rows if writer == name) == list(range(WRITES))
    # Not timed: on the development machine the 400 writes take about 1 s (synchronous=FULL).
