"""The read replica of bench/scale_out.py: a PostgreSQL primary and a streaming standby of the
run's own, and the figures that show which one served what.

Why a cluster of its own: a streaming standby copies a whole server, and the machine's server
normally lets nobody in for replication (pg_hba.conf has no `replication` line), which the run
must not change. So the run starts a primary with `initdb` (replication allowed from
127.0.0.1), takes `pg_basebackup --write-recovery-conf` of it and starts that as a hot
standby, both on free loopback ports under the run's directory; `fsync` is off (a test's
data). As root, the servers run as the `postgres` user. Without the binaries (PG_BINDIR, or
/usr/lib/postgresql/<newest>/bin) the run falls back to `--replica readonly`: the replica
alias is a second, read-only connection (default_transaction_read_only) to the machine's
server, which still shows that reads are routed and that no write goes there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlsplit

import requests
from scale_out_stack import free_port

READ_ONLY_OPTIONS = (
    "?options="
    + quote("-c default_transaction_read_only=on")
    + ("&application_name=lontar_replica")
)


def postgres_bindir() -> Path | None:
    """Where initdb, pg_ctl and pg_basebackup are: PG_BINDIR, else the newest Debian version."""
    if os.environ.get("PG_BINDIR"):
        return Path(os.environ["PG_BINDIR"])
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    for candidate in reversed(versions):
        if (candidate / "initdb").exists() and (candidate / "pg_basebackup").exists():
            return candidate
    found = shutil.which("initdb")
    return Path(found).parent if found else None


class StreamingPair:
    """A primary and its hot standby under `directory`; stopped by stop()."""

    def __init__(self, directory: Path, bindir: Path) -> None:
        self.dir = directory
        self.bin = bindir
        self.primary_port, self.standby_port = free_port(), free_port()
        self.as_postgres = os.geteuid() == 0  # initdb and postgres refuse to run as root
        # Counts every statement each server runs, at once (table statistics reach the view
        # only when a backend next reports, up to 10 s later).
        self.statements = (bindir.parent / "lib" / "pg_stat_statements.so").exists()
        self.running: list[Path] = []

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd="/")
        if result.returncode:
            raise SystemExit(f"{' '.join(args[:2])} failed:\n{result.stdout}\n{result.stderr}")

    def url(self, name: str, *, standby: bool = False) -> str:
        port = self.standby_port if standby else self.primary_port
        return f"postgres://postgres@127.0.0.1:{port}/{name}"

    def start(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self.dir.chmod(0o700)
        primary, standby = self.dir / "primary", self.dir / "standby"
        self._run("initdb", "-D", str(primary), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--no-sync")  # fmt: skip
        settings = (
            f"listen_addresses = '127.0.0.1'\nport = {self.primary_port}\n"
            f"unix_socket_directories = '{self.dir}'\nfsync = off\nsynchronous_commit = off\n"
            "full_page_writes = off\nmax_connections = 200\nhot_standby = on\n"
        )
        if self.statements:
            settings += "shared_preload_libraries = 'pg_stat_statements'\n"
        with open(primary / "postgresql.conf", "a") as conf:
            conf.write(settings)
        with open(primary / "pg_hba.conf", "a") as hba:
            hba.write("host replication all 127.0.0.1/32 trust\n")
        self._run("pg_ctl", "-D", str(primary), "-l", str(self.dir / "primary.log"), "-w", "start")
        self.running.append(primary)
        self._run("pg_basebackup", "-h", "127.0.0.1", "-p", str(self.primary_port), "-U",
                  "postgres", "-D", str(standby), "--write-recovery-conf", "-X", "stream",
                  "--no-sync")  # fmt: skip
        with open(standby / "postgresql.conf", "a") as conf:
            conf.write(f"port = {self.standby_port}\n")
        self._run("pg_ctl", "-D", str(standby), "-l", str(self.dir / "standby.log"), "-w", "start")
        self.running.append(standby)
        self.wait_streaming()

    def wait_streaming(self, timeout: float = 30) -> None:
        import psycopg

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
                row = connection.execute("SELECT state FROM pg_stat_replication").fetchone()
            if row and row[0] == "streaming":
                return
            time.sleep(0.2)
        raise SystemExit(f"the standby is not streaming; see {self.dir}/standby.log")

    def stop_standby(self) -> None:
        standby = self.dir / "standby"
        if standby in self.running:
            self._run("pg_ctl", "-D", str(standby), "-m", "immediate", "-w", "stop")
            self.running.remove(standby)

    def stop(self) -> None:
        for data in reversed(list(self.running)):
            self._run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
            self.running.remove(data)


def start_replica(mode: str, bindir: Path | None, stack) -> StreamingPair | None:
    """The database on a primary with a streaming standby of the run's own, or the read-only
    stand-in on the same server; sets the stack's DATABASE_URL and DATABASE_REPLICA_URL."""
    if mode == "readonly":
        stack.replica_url = stack.database_url + READ_ONLY_OPTIONS
        return None
    if mode != "stream" or bindir is None:
        return None
    pair = StreamingPair(Path(tempfile.mkdtemp(prefix="lontar-scale-out-pg-")), bindir)
    started = time.monotonic()
    try:
        pair.start()
    except BaseException:
        pair.stop()  # what did start; its logs stay in pair.dir
        raise
    name = urlsplit(stack.database_url).path.lstrip("/")
    stack.database_url, stack.replica_url = pair.url(name), pair.url(name, standby=True)
    seconds = time.monotonic() - started
    print(
        f"[scale-out] PostgreSQL primary :{pair.primary_port} and streaming standby "
        f":{pair.standby_port} ready in {seconds:.1f} s ({pair.dir})"
    )
    return pair


# --- figures --------------------------------------------------------------------------------
PAGE_SCANS = (
    "SELECT coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0) "
    "FROM pg_stat_user_tables WHERE relname = 'wagtailcore_page'"
)


def page_scans(url: str) -> int:
    """Scans of the page table counted by this server (a standby counts its own)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("SELECT pg_stat_clear_snapshot()")
        return int(connection.execute(PAGE_SCANS).fetchone()[0])


STATEMENTS = (
    "SELECT coalesce(sum(calls), 0), "
    "coalesce(sum(calls) FILTER (WHERE query ILIKE '%wagtailcore_page%'), 0) "
    "FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
    "WHERE d.datname = current_database() AND query NOT ILIKE '%pg_stat%' "
    "AND query NOT ILIKE '%pg_extension%'"
)


def statements_ready(primary_url: str, standby_url: str) -> None:
    """pg_stat_statements in the run's database, on the primary and (replayed) the standby."""
    import psycopg

    with psycopg.connect(primary_url, autocommit=True) as connection:
        connection.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
    deadline = time.monotonic() + 10
    query = "SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'"
    while time.monotonic() < deadline:
        try:
            with psycopg.connect(standby_url, autocommit=True) as connection:
                if connection.execute(query).fetchone():
                    return
        except psycopg.OperationalError:  # the database itself not replayed yet
            pass
        time.sleep(0.2)
    raise SystemExit("pg_stat_statements did not reach the standby")


def statements(url: str, *, reset: bool = False) -> dict[str, int]:
    """Statements the app ran on this server since the last reset: all, and page-table ones."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        if reset:
            connection.execute("SELECT pg_stat_statements_reset()")
            return {"all": 0, "pages": 0}
        total, pages = connection.execute(STATEMENTS).fetchone()
    return {"all": int(total), "pages": int(pages)}


def replication(primary_url: str) -> dict:
    """The standby as the primary sees it: state and replay lag."""
    import psycopg

    admin = primary_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        row = connection.execute(
            "SELECT state, coalesce(extract(epoch FROM replay_lag) * 1000, 0), "
            "pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) FROM pg_stat_replication"
        ).fetchone()
    if row is None:
        return {"state": "none"}
    return {"state": row[0], "replay_lag_ms": float(row[1]), "behind_bytes": int(row[2])}


def replica_connections(url: str) -> int:
    """Connections of the read-only replica alias (`--replica readonly`) on the server."""
    import psycopg

    parts = urlsplit(url)
    admin = f"{parts.scheme}://{parts.netloc}/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'lontar_replica'"
        ).fetchone()
    return int(row[0])


# --- checks ---------------------------------------------------------------------------------
PUBLIC_PATHS = ("/", "/berita/", "/regulasi/", "/tanya-jawab/", "/ppid/register/")


def _read_pages(get: Callable[[str, str], requests.Response], paths: list[str]) -> dict:
    statuses: dict[str, list[int]] = {}
    started = time.monotonic()
    for target in ("A", "B"):
        for path in paths:
            try:
                statuses.setdefault(target, []).append(get(target, path).status_code)
            except requests.RequestException:
                statuses.setdefault(target, []).append(0)
    return {"statuses": statuses, "seconds": time.monotonic() - started}


def reads_check(mode: str, stack, get, article: str, pair: StreamingPair | None) -> dict:
    """Anonymous page reads on A and B (page cache expired, so they render): the replica runs
    their statements and the primary none (with pg_stat_statements; else the servers' counts
    of page-table scans)."""
    paths = [*PUBLIC_PATHS, article]
    result: dict = {"mode": mode}
    if mode == "readonly" or pair is None:
        time.sleep(1.2)  # the pages cached by earlier checks expire: these reads render
        result.update(_read_pages(get, paths))
        result["replica_connections"] = replica_connections(stack.database_url)
        return result
    result["replication"] = replication(stack.database_url)
    if pair.statements:
        statements_ready(stack.database_url, stack.replica_url)
        time.sleep(1.2)  # the pages cached by earlier checks expire: these reads render
        for url in (stack.database_url, stack.replica_url):
            statements(url, reset=True)
        result.update(_read_pages(get, paths))
        result["statements"] = {
            "replica": statements(stack.replica_url),
            "primary": statements(stack.database_url),
        }
        return result

    def scans() -> dict[str, int]:
        return {"replica": page_scans(stack.replica_url), "primary": page_scans(stack.database_url)}

    # What earlier checks read (staff on A) is counted when their backends next report: wait
    # until the counts stand still, which also lets the page cache's entries expire.
    before, deadline = scans(), time.monotonic() + 10
    while time.monotonic() < deadline:
        time.sleep(1.2)
        now = scans()
        if now == before:
            break
        before = now
    result.update(_read_pages(get, paths))
    # A server counts a backend's scans when the backend next reports (about a second idle).
    deadline = time.monotonic() + 6
    while scans()["replica"] <= before["replica"] and time.monotonic() < deadline:
        time.sleep(0.3)
    time.sleep(1.5)  # and the primary's, had any reached it
    after = scans()
    result["scans"] = {name: after[name] - before[name] for name in before}
    return result


def fallback_check(pair: StreamingPair, stack, get, article: str) -> dict:
    """The standby stopped (as a crash would): public pages still answer, from the primary,
    and /healthz/ready says the replica is down without taking the servers out of rotation."""
    pair.stop_standby()
    time.sleep(1.2)
    result = _read_pages(get, [*PUBLIC_PATHS, article])
    ready = get("A", "/healthz/ready")
    result["ready_status"] = ready.status_code
    result["ready"] = (
        ready.json() if ready.headers.get("Content-Type", "").startswith("application/json") else {}
    )
    return result
