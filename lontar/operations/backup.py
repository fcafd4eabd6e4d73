"""Backup and restore of one installation: the database, the media and private files, and a
manifest that vouches for both (every file's size and SHA-256, every table's row count).

A backup is a directory:

    manifest.json          what is in it, and the checksums and row counts to verify it against
    database.sqlite3       SQLite: a copy taken with the online backup API (consistent while
                           the portal runs)
    database.pgdump        PostgreSQL: `pg_dump --format=custom` in one snapshot, the same
                           snapshot the row counts are read in
    media/…  private/…     the files of the `default` and `private` storages, when local

It is written as `<dest>.partial` and renamed when complete, so a backup that crashed half-way
never looks like one. Key material (SECRET_KEY, LONTAR_PII_KEY, LONTAR_TRACKING_KEY) is never in
it: `write_key_file` writes it to a file of its own, to be kept apart, so a stolen backup does not
decrypt the requesters' NIKs (docs/operations.md, decision 0016).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connections
from django.db.utils import ConnectionHandler

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
# Directory in the backup -> the storage alias (settings.STORAGES) whose files it holds.
STORES: Mapping[str, str] = {"media": "default", "private": "private"}
ROTATED_PREFIX = "lontar-"
PARTIAL_SUFFIX = ".partial"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that must not go on; the message says what to do."""


@dataclass(frozen=True)
class Target:
    """Where a restore writes: a database (a Django DATABASES entry) and the file roots.

    A root of None means the storage is not a local directory (S3): its files are not in the
    backup and are not restored by Lontar.
    """

    database: Mapping[str, Any]
    roots: Mapping[str, Path | None]


def local_root(alias: str) -> Path | None:
    """The directory of a storage, or None when it is not on the local file system."""
    storage = storages[alias]
    if isinstance(storage, FileSystemStorage):
        return Path(storage.location)
    return None


def configured_target() -> Target:
    """This installation's own database and storages, as configured in settings."""
    return Target(
        database=settings.DATABASES["default"],
        roots={part: local_root(alias) for part, alias in STORES.items()},
    )


def key_id(key: str) -> str:
    """A fingerprint of a key, safe to write into the manifest: tells which key, reveals none."""
    return hashlib.sha256(b"lontar-key-id:" + key.encode()).hexdigest()[:16]


def lontar_version() -> str:
    try:
        return importlib.metadata.version("lontar")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_and_hash(source: Path, destination: Path, *, private: bool = True) -> tuple[int, str]:
    # Hash the bytes as they are written: the manifest describes the copy even if the
    # original changes while it is read. Into a backup, for its owner only; restored files get
    # the portal's own upload permissions (the web server may serve media from the directory).
    destination.parent.mkdir(parents=True, exist_ok=True, **({"mode": 0o700} if private else {}))
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as reader, destination.open("wb") as writer:
        while chunk := reader.read(CHUNK):
            writer.write(chunk)
            digest.update(chunk)
            size += len(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    destination.chmod(0o600 if private else (settings.FILE_UPLOAD_PERMISSIONS or 0o640))
    return size, digest.hexdigest()


def _files_under(root: Path) -> Iterator[Path]:
    for directory, _subdirs, names in os.walk(root):
        for name in sorted(names):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                yield path


def _is_empty_dir(path: Path) -> bool:
    return not path.exists() or (path.is_dir() and not any(path.iterdir()))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _row_counts(cursor: Any, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")
        counts[table] = int(cursor.fetchone()[0])
    return counts


def _sqlite_tables(cursor: Any) -> list[str]:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    return [row[0] for row in cursor.fetchall()]


def _postgres_tables(cursor: Any) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return [row[0] for row in cursor.fetchall()]


# --- PostgreSQL client programs ---------------------------------------------------------------


def _pg_program(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"{name} is not installed. Install the PostgreSQL client programs "
            "(Debian: apt-get install postgresql-client) of the server's major version or newer."
        )
    return found


def _pg_major(program: str) -> int:
    output = subprocess.run(
        [program, "--version"], capture_output=True, text=True, check=True
    ).stdout
    # "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"
    return int(output.split(")", 1)[1].strip().split(".")[0])


def _pg_env(database: Mapping[str, Any]) -> dict[str, str]:
    # libpq reads these, so no password ever appears on a command line.
    env = dict(os.environ)
    options = database.get("OPTIONS") or {}
    for variable, value in (
        ("PGHOST", database.get("HOST")),
        ("PGPORT", database.get("PORT")),
        ("PGUSER", database.get("USER")),
        ("PGPASSWORD", database.get("PASSWORD")),
        ("PGDATABASE", database.get("NAME")),
        ("PGSSLMODE", options.get("sslmode")),
    ):
        if value:
            env[variable] = str(value)
    return env


def _run(arguments: list[str], env: Mapping[str, str]) -> None:
    result = subprocess.run(arguments, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(arguments[0]).name} failed: {result.stderr.strip()}")


# --- Database ---------------------------------------------------------------------------------


def _dump_sqlite(alias: str, work: Path) -> dict[str, Any]:
    connection = connections[alias]
    connection.ensure_connection()
    copy_path = work / SQLITE_FILE
    copy = sqlite3.connect(copy_path)
    try:
        # One step (pages=-1): the copy is one consistent read; in WAL mode writers go on.
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # the copy is one self-contained file
        cursor = copy.cursor()
        tables = _row_counts(cursor, _sqlite_tables(cursor))
    finally:
        copy.close()
    copy_path.chmod(0o600)
    return {"vendor": "sqlite", "file": SQLITE_FILE, "tables": tables}


def _dump_postgresql(alias: str, work: Path) -> dict[str, Any]:
    pg_dump = _pg_program("pg_dump")
    wrapper = connections[alias]
    raw = wrapper.get_new_connection(wrapper.get_connection_params())
    try:
        raw.autocommit = True
        with raw.cursor() as cursor:
            # The dump and the row counts read the same snapshot, so they agree while the
            # portal keeps writing.
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version_num')")
            snapshot, server_version_num = cursor.fetchone()
            server_major = int(server_version_num) // 10000
            client_major = _pg_major(pg_dump)
            if client_major < server_major:
                raise BackupError(
                    f"pg_dump {client_major} cannot dump a PostgreSQL {server_major} server. "
                    f"Install the client programs of version {server_major} or newer."
                )
            path = work / POSTGRES_FILE
            _run(
                [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={path}"],
                _pg_env(wrapper.settings_dict),
            )
            tables = _row_counts(cursor, _postgres_tables(cursor))
            cursor.execute("COMMIT")
    finally:
        raw.close()
    path.chmod(0o600)
    return {
        "vendor": "postgresql",
        "file": POSTGRES_FILE,
        "server_version": server_major,
        "pg_dump_version": client_major,
        "tables": tables,
    }


def _dump_database(alias: str, work: Path) -> dict[str, Any]:
    vendor = connections[alias].vendor
    if vendor == "sqlite":
        return _dump_sqlite(alias, work)
    if vendor == "postgresql":
        return _dump_postgresql(alias, work)
    raise BackupError(f"Backing up a {vendor} database is not supported.")


# --- Backup -----------------------------------------------------------------------------------


def create_backup(dest: Path, *, alias: str = "default") -> dict[str, Any]:
    """Write a backup of the database and the local storages to `dest` (new or empty)."""
    dest = Path(dest)
    if not _is_empty_dir(dest):
        raise BackupError(f"{dest} exists and is not empty; give a new directory.")
    started = time.monotonic()
    work = dest.with_name(dest.name + PARTIAL_SUFFIX)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, mode=0o700)

    # The database first, then the files: every file a row refers to was written before its
    # row was committed, so it is on disk when the files are copied.
    database = _dump_database(alias, work)
    db_path = work / database["file"]
    database.update(size=db_path.stat().st_size, sha256=sha256_of(db_path))

    files: dict[str, dict[str, Any]] = {}
    stores: dict[str, str] = {}
    for part, storage_alias in STORES.items():
        root = local_root(storage_alias)
        if root is None:
            stores[part] = "not included: not a local directory (back up the bucket itself)"
            continue
        stores[part] = "included"
        if not root.exists():
            continue
        for source in _files_under(root):
            relative = f"{part}/{source.relative_to(root).as_posix()}"
            try:
                size, digest = _copy_and_hash(source, work / relative)
            except FileNotFoundError:
                continue  # deleted while the backup ran: no row refers to it any more
            files[relative] = {"size": size, "sha256": digest}

    manifest = {
        "format": FORMAT,
        "lontar_version": lontar_version(),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": database,
        "stores": stores,
        "files": files,
        "keys": {
            "included": False,
            "pii_key_id": key_id(settings.LONTAR_PII_KEY),
        },
        "seconds": round(time.monotonic() - started, 3),
    }
    manifest_path = work / MANIFEST
    manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    manifest_path.chmod(0o600)
    if dest.exists():
        dest.rmdir()
    work.rename(dest)
    return manifest


# --- Keys -------------------------------------------------------------------------------------


def effective_keys() -> dict[str, str]:
    """The key material to restore NIKs, tracking codes and signatures, as environment lines."""
    return {
        "SECRET_KEY": settings.SECRET_KEY,
        "LONTAR_PII_KEY": settings.LONTAR_PII_KEY,
        # Empty in development means "SECRET_KEY itself" (lontar/ppid/crypto.py); written out
        # so a production restore, which requires the variable, hashes codes the same way.
        "LONTAR_TRACKING_KEY": settings.LONTAR_TRACKING_KEY or settings.SECRET_KEY,
    }


def write_key_file(path: Path) -> Path:
    """Write the key material to `path` (a new file, readable by its owner only)."""
    path = Path(path)
    if path.is_dir():
        path = path / "lontar-keys.env"
    keys = effective_keys()
    lines = [
        f"# Lontar key material, {datetime.now(UTC).isoformat(timespec='seconds')}.",
        "# Keep it apart from the data backups (docs/operations.md). LONTAR_PII_KEY id: "
        + key_id(keys["LONTAR_PII_KEY"]),
        *(f"{name}={value}" for name, value in keys.items()),
    ]
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise BackupError(f"{path} exists; key files are never overwritten.") from exc
    with os.fdopen(descriptor, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def read_key_file(path: Path) -> dict[str, str]:
    keys = {}
    for line in Path(path).read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            name, value = line.split("=", 1)
            keys[name] = value
    return keys


# --- Restore ----------------------------------------------------------------------------------


def read_manifest(source: Path) -> dict[str, Any]:
    path = Path(source) / MANIFEST
    if not path.is_file():
        raise BackupError(f"{source} has no {MANIFEST}: not a (complete) Lontar backup.")
    manifest: dict[str, Any] = json.loads(path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def verify_backup(source: Path, manifest: Mapping[str, Any]) -> None:
    """Every file of the backup has the size and SHA-256 the manifest gives."""
    source = Path(source)
    database = manifest["database"]
    expected = {database["file"]: database, **manifest["files"]}
    bad = [
        relative
        for relative, entry in expected.items()
        if not (source / relative).is_file()
        or (source / relative).stat().st_size != entry["size"]
        or sha256_of(source / relative) != entry["sha256"]
    ]
    if bad:
        raise BackupError(f"The backup is damaged; these files do not match the manifest: {bad}")


def _database_is_empty(database: Mapping[str, Any]) -> bool:
    if database["ENGINE"] == "django.db.backends.sqlite3":
        path = Path(database["NAME"])
        if not path.exists():
            return True
        check = sqlite3.connect(path)
        try:
            return not _sqlite_tables(check.cursor())
        finally:
            check.close()
    connection = _connection(database)
    try:
        with connection.cursor() as cursor:
            return not _postgres_tables(cursor)
    finally:
        connection.close()


def _connection(database: Mapping[str, Any]) -> Any:
    # A connection to a database that need not be in settings (a fresh one to restore into).
    return ConnectionHandler({"default": dict(database)})["default"]


def _restore_sqlite(source: Path, database: Mapping[str, Any]) -> dict[str, int]:
    target = Path(database["NAME"])
    target.parent.mkdir(parents=True, exist_ok=True)
    backup = sqlite3.connect(f"file:{source / SQLITE_FILE}?mode=ro", uri=True)
    restored = sqlite3.connect(target)
    try:
        # The backup API rather than a file copy: it goes through the target's journal, so a
        # stale -wal file next to an overwritten database cannot corrupt it.
        backup.backup(restored)
        cursor = restored.cursor()
        cursor.execute("PRAGMA integrity_check")
        if cursor.fetchone()[0] != "ok":
            raise BackupError(f"The restored database {target} fails its integrity check.")
        return _row_counts(cursor, _sqlite_tables(cursor))
    finally:
        backup.close()
        restored.close()


def _restore_postgresql(
    source: Path, database: Mapping[str, Any], *, clean: bool
) -> dict[str, int]:
    pg_restore = _pg_program("pg_restore")
    arguments = [pg_restore, "--no-owner", "--no-acl", "--single-transaction", "--exit-on-error"]
    if clean:
        arguments += ["--clean", "--if-exists"]
    _run(
        [*arguments, f"--dbname={database['NAME']}", str(source / POSTGRES_FILE)],
        _pg_env(database),
    )
    connection = _connection(database)
    try:
        with connection.cursor() as cursor:
            return _row_counts(cursor, _postgres_tables(cursor))
    finally:
        connection.close()


@dataclass(frozen=True)
class RestoreReport:
    tables: int
    rows: int
    files: int
    bytes: int
    seconds: float


def restore_backup(
    source: Path,
    target: Target | None = None,
    *,
    force: bool = False,
    check_key: bool = True,
) -> RestoreReport:
    """Restore the backup at `source` into `target` (this installation by default).

    Refuses a database with tables or a non-empty file root unless `force`; verifies every
    checksum before writing anything and again after, then the row count of every table.
    """
    started = time.monotonic()
    source = Path(source)
    target = target or configured_target()
    manifest = read_manifest(source)
    database = manifest["database"]
    vendor = "sqlite" if target.database["ENGINE"].endswith("sqlite3") else "postgresql"
    if database["vendor"] != vendor:
        raise BackupError(
            f"The backup holds a {database['vendor']} database; this installation uses {vendor}."
        )
    if check_key and manifest["keys"]["pii_key_id"] != key_id(settings.LONTAR_PII_KEY):
        raise BackupError(
            "LONTAR_PII_KEY is not the key this backup's NIKs were encrypted with (key id "
            f"{manifest['keys']['pii_key_id']}). Set the keys from the key file first."
        )

    # Refuse before touching anything.
    if not force and not _database_is_empty(target.database):
        raise BackupError("The database is not empty; restore into an empty one or use --force.")
    for part in STORES:
        root = target.roots.get(part)
        has_files = any(name.startswith(f"{part}/") for name in manifest["files"])
        if has_files and root is None:
            raise BackupError(
                f"The backup holds {part} files but this installation's {part} storage is not "
                f"a local directory; copy {source / part} into the bucket yourself."
            )
        if root is not None and not force and not _is_empty_dir(root):
            raise BackupError(f"{root} is not empty; restore into an empty one or use --force.")

    verify_backup(source, manifest)

    if vendor == "sqlite":
        counts = _restore_sqlite(source, target.database)
    else:
        counts = _restore_postgresql(source, target.database, clean=force)

    restored_bytes = 0
    for relative, entry in manifest["files"].items():
        part, rest = relative.split("/", 1)
        root = target.roots[part]
        assert root is not None  # checked above
        size, digest = _copy_and_hash(source / relative, root / rest, private=False)
        if (size, digest) != (entry["size"], entry["sha256"]):
            raise BackupError(f"{relative} changed while it was restored.")
        restored_bytes += size

    # After: what is on disk now, read back, against the manifest.
    for relative, entry in manifest["files"].items():
        part, rest = relative.split("/", 1)
        root = target.roots[part]
        assert root is not None
        if sha256_of(root / rest) != entry["sha256"]:
            raise BackupError(f"The restored {relative} does not match the manifest.")
    if counts != database["tables"]:
        differing = sorted(
            table
            for table in set(counts) | set(database["tables"])
            if counts.get(table) != database["tables"].get(table)
        )
        raise BackupError(f"Row counts differ from the manifest in: {differing}")

    return RestoreReport(
        tables=len(counts),
        rows=sum(counts.values()),
        files=len(manifest["files"]),
        bytes=restored_bytes,
        seconds=round(time.monotonic() - started, 3),
    )


# --- Rotation ---------------------------------------------------------------------------------


def rotate(directory: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` complete backups in `directory`; return the deleted."""
    directory = Path(directory)
    complete = sorted(
        path
        for path in directory.glob(f"{ROTATED_PREFIX}*")
        if path.is_dir() and (path / MANIFEST).is_file()
    )
    removed = complete[: max(len(complete) - max(keep, 1), 0)]
    for path in removed:
        shutil.rmtree(path)
    return removed


def scheduled_backup(directory: Path, keep: int, *, now: datetime | None = None) -> Path:
    """A new timestamped backup in `directory`, then rotation down to the newest `keep`."""
    now = now or datetime.now(UTC)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    # A partial backup older than a day is one that crashed; nothing else can be writing it.
    for stale in directory.glob(f"{ROTATED_PREFIX}*{PARTIAL_SUFFIX}"):
        modified = datetime.fromtimestamp(stale.stat().st_mtime, UTC)
        if now - modified > timedelta(days=1):
            shutil.rmtree(stale)
    dest = directory / f"{ROTATED_PREFIX}{now:%Y%m%dT%H%M%SZ}"
    create_backup(dest)
    rotate(directory, keep)
    return dest
