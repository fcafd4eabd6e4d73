"""Backup and restore: a round trip into an empty place gives back every row, every file and the
NIKs (with the key file, and only with it); the refusals; rotation; the nightly job."""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.documents.models import Document

from lontar.news.tests.helpers import article, news_index
from lontar.opendata.tests.helpers import add_csv, make_dataset
from lontar.operations import backup, jobs
from lontar.operations.backup import BackupError, Target
from lontar.ppid.crypto import decrypt_nik
from lontar.ppid.services import register_request
from lontar.ppid.tests.helpers import NIK, details

KTP = b"\xff\xd8\xff\xe0 a scanned KTP " + os.urandom(2048)


def _portal(agency):
    """A request with a NIK and a KTP scan, a news article, a dataset file, a document."""
    scan = SimpleUploadedFile("ktp.jpg", KTP, content_type="image/jpeg")
    request, _code = register_request(
        agency=agency,
        details=details(files={"identity_scan": scan}),
        received_at=datetime(2026, 11, 2, 1, 0, tzinfo=UTC),
        channel="web",
    )
    article(news_index(agency), "Rekrutmen CPNS dibuka")
    add_csv(make_dataset(agency))
    Document.objects.create(title="LKjIP", file=ContentFile(b"%PDF-1.4 lkjip", "lkjip.pdf"))
    return request


def _fetch_all(database, sql: str) -> list[tuple]:
    restored = backup._connection(database)
    try:
        with restored.cursor() as cursor:
            cursor.execute(sql)
            return list(cursor.fetchall())
    finally:
        restored.close()


def _live_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        tables = (
            backup._sqlite_tables(cursor)
            if connection.vendor == "sqlite"
            else backup._postgres_tables(cursor)
        )
        return backup._row_counts(cursor, tables)


@pytest.fixture
def empty_target(tmp_path) -> Iterator[Target]:
    """A new database (a new SQLite file, or a fresh PostgreSQL database) and empty dirs."""
    roots = {"media": tmp_path / "restored-media", "private": tmp_path / "restored-private"}
    if connection.vendor == "sqlite":
        yield Target(
            database={**connection.settings_dict, "NAME": tmp_path / "new.sqlite3"}, roots=roots
        )
        return
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump and pg_restore are not installed")
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield Target(database={**connection.settings_dict, "NAME": name}, roots=roots)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_round_trip_into_an_empty_place_gives_back_rows_files_and_niks(
    agency_a, tmp_path, empty_target
):
    request = _portal(agency_a)
    dest = tmp_path / "backup"
    key_file = tmp_path / "keys" / "lontar-keys.env"
    key_file.parent.mkdir()

    manifest = backup.create_backup(dest)
    backup.write_key_file(key_file)

    # The manifest: the vendor, the version, every table's count, every file with its checksum.
    assert manifest == json.loads((dest / "manifest.json").read_text())
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["lontar_version"]
    assert manifest["database"]["tables"] == _live_counts()
    assert manifest["database"]["tables"]["ppid_informationrequest"] == 1
    ktp = f"private/{request.identity_scan.name}"
    assert manifest["files"][ktp]["sha256"] == backup.sha256_of(Path(request.identity_scan.path))
    assert any(name.startswith("media/documents/") for name in manifest["files"])
    assert any(name.startswith("private/") and name.endswith(".csv") for name in manifest["files"])
    assert not (dest.parent / "backup.partial").exists()
    assert stat.S_IMODE(dest.stat().st_mode) == 0o700

    # No key material anywhere in the backup.
    keys = backup.read_key_file(key_file)
    assert set(keys) == {"SECRET_KEY", "LONTAR_PII_KEY", "LONTAR_TRACKING_KEY"}
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    for path in dest.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert all(value.encode() not in content for value in keys.values()), path

    report = backup.restore_backup(dest, empty_target)

    assert report.rows == sum(manifest["database"]["tables"].values())
    assert report.files == len(manifest["files"])
    counts = _fetch_all(empty_target.database, "SELECT COUNT(*) FROM ppid_informationrequest")
    assert counts == [(1,)]
    for relative, entry in manifest["files"].items():
        part, rest = relative.split("/", 1)
        restored = empty_target.roots[part] / rest
        assert backup.sha256_of(restored) == entry["sha256"], relative
    assert (empty_target.roots["private"] / request.identity_scan.name).read_bytes() == KTP

    # The NIK decrypts with the restored key, and with no other.
    [(token,)] = _fetch_all(
        empty_target.database, "SELECT nik_encrypted FROM ppid_informationrequest"
    )
    assert Fernet(keys["LONTAR_PII_KEY"].encode()).decrypt(token.encode()).decode() == NIK
    assert decrypt_nik(token) == NIK
    with pytest.raises(InvalidToken):
        Fernet(Fernet.generate_key()).decrypt(token.encode())

    # A second restore into the same, now full, place is refused.
    with pytest.raises(BackupError, match="not empty"):
        backup.restore_backup(dest, empty_target)


@pytest.mark.django_db(transaction=True)
def test_a_damaged_backup_a_different_key_or_a_full_database_is_refused_before_any_write(
    agency_a, tmp_path, settings, empty_target
):
    _portal(agency_a)
    dest = tmp_path / "backup"
    manifest = backup.create_backup(dest)
    pii_key = settings.LONTAR_PII_KEY

    settings.LONTAR_PII_KEY = Fernet.generate_key().decode()
    with pytest.raises(BackupError, match="LONTAR_PII_KEY"):
        backup.restore_backup(dest, empty_target)
    settings.LONTAR_PII_KEY = pii_key

    # The command restores into this installation, whose database is not empty.
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(dest))

    victim = next(name for name in manifest["files"] if name.startswith("private/"))
    (dest / victim).write_bytes(b"tampered")
    with pytest.raises(BackupError, match="damaged"):
        backup.restore_backup(dest, empty_target)

    assert not any(root.exists() for root in empty_target.roots.values())
    assert backup._database_is_empty(empty_target.database)


@pytest.mark.django_db
def test_backup_refuses_a_non_empty_destination_and_keys_are_never_overwritten(tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "something").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path / "full"))

    call_command("backup", "--keys", str(tmp_path / "keys.env"))
    with pytest.raises(CommandError, match="never overwritten"):
        call_command("backup", "--keys", str(tmp_path / "keys.env"))


def _fake_backup(dest: Path) -> dict:
    dest.mkdir()
    (dest / "manifest.json").write_text("{}")
    return {}


def test_rotation_keeps_the_newest_and_clears_stale_partials(tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "create_backup", _fake_backup)
    stale = tmp_path / "lontar-20261101T000000Z.partial"
    stale.mkdir()
    os.utime(stale, (0, 0))
    start = datetime(2026, 11, 20, 19, 0, tzinfo=UTC)
    for day in range(5):
        backup.scheduled_backup(tmp_path, keep=3, now=start + timedelta(days=day))

    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "lontar-20261122T190000Z",
        "lontar-20261123T190000Z",
        "lontar-20261124T190000Z",
    ]


def test_the_nightly_job_runs_only_when_configured(tmp_path, settings, monkeypatch):
    monkeypatch.setattr(backup, "create_backup", _fake_backup)
    settings.LONTAR_BACKUP_DIR = ""
    assert jobs.nightly_backup() is None

    settings.LONTAR_BACKUP_DIR = str(tmp_path / "nightly")
    settings.LONTAR_BACKUP_KEEP = 2
    written = jobs.nightly_backup()
    assert written is not None and (written / "manifest.json").is_file()
