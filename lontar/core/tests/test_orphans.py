"""Files in private storage that no row names are removed: by the service that failed, or
later by the sweeper (issue 19). Real files in a temporary storage."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from lontar.core import orphans
from lontar.core.tests.files import jpeg_bytes
from lontar.ppid.models import InformationRequest
from lontar.ppid.services import register_request
from lontar.ppid.tests.helpers import details

pytestmark = pytest.mark.django_db


@pytest.fixture
def storage(tmp_path: Path) -> FileSystemStorage:
    return FileSystemStorage(location=tmp_path / "private", base_url=None)


def _write(storage: FileSystemStorage, name: str, *, age: timedelta) -> str:
    stored = storage.save(name, SimpleUploadedFile("x", b"data"))
    moment = time.time() - age.total_seconds()
    os.utime(storage.path(stored), (moment, moment))
    return stored


def test_an_old_unreferenced_file_is_deleted(storage):
    name = _write(storage, "ppid/identitas/lama.jpg", age=timedelta(hours=2))

    result = orphans.sweep(storage=storage)

    assert not storage.exists(name)
    assert (result.examined, result.orphaned, result.deleted) == (1, 1, 1)


def test_a_new_unreferenced_file_is_kept(storage):
    """A request may be writing it right now; its row is not committed yet."""
    name = _write(storage, "ppid/identitas/baru.jpg", age=timedelta(minutes=5))

    assert orphans.sweep(storage=storage).deleted == 0
    assert storage.exists(name)


def test_a_referenced_file_is_kept(storage, agency_a):
    request, _ = register_request(
        agency=agency_a,
        details=details(files={"identity_scan": SimpleUploadedFile("ktp.jpg", jpeg_bytes())}),
        received_at=datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Asia/Makassar")),
        channel="web",
    )
    kept = _write(storage, request.identity_scan.name, age=timedelta(days=3))
    assert kept == request.identity_scan.name
    orphan = _write(storage, "ppid/tanda-terima/yatim.pdf", age=timedelta(days=3))

    result = orphans.sweep(storage=storage)

    assert storage.exists(kept) and not storage.exists(orphan)
    assert result.deleted == 1


def test_dry_run_deletes_nothing(storage):
    name = _write(storage, "ppid/tanda-terima/lama.pdf", age=timedelta(hours=2))

    result = orphans.sweep(storage=storage, dry_run=True)

    assert storage.exists(name)
    assert (result.orphaned, result.deleted) == (1, 0)


def test_the_command_sweeps_private_storage(storage):
    name = _write(storage, "ppid/identitas/lama.jpg", age=timedelta(hours=2))
    with mock.patch.dict(orphans.storages._storages, {"private": storage}):
        call_command("sweep_orphans", "--dry-run", stdout=open(os.devnull, "w"))
        assert storage.exists(name)
        call_command("sweep_orphans", stdout=open(os.devnull, "w"))
    assert not storage.exists(name)


def test_a_missing_storage_root_is_no_error(tmp_path):
    empty = FileSystemStorage(location=tmp_path / "nothing-yet")
    assert orphans.sweep(storage=empty).examined == 0


def test_the_sweep_logs_counts_not_names(storage, caplog):
    _write(storage, "ppid/identitas/rahasia-nama-pemohon.jpg", age=timedelta(hours=2))
    with caplog.at_level("INFO", logger="lontar.orphans"):
        orphans.sweep(storage=storage)
    assert caplog.messages and "rahasia" not in caplog.text


def test_a_rolled_back_registration_leaves_no_identity_scan(agency_a):
    # The files this registration writes are followed by name: the private folder is shared
    # with the other test worker, whose uploads come and go meanwhile.
    storage = InformationRequest._meta.get_field("identity_scan").storage
    saved: list[str] = []
    real_save = storage.save

    def recording_save(name, content, max_length=None):
        stored = real_save(name, content, max_length=max_length)
        saved.append(stored)
        return stored

    upload = SimpleUploadedFile("ktp.jpg", jpeg_bytes())
    with (
        mock.patch.object(storage, "save", side_effect=recording_save),
        mock.patch("lontar.ppid.services._record", side_effect=RuntimeError("database gone")),
        pytest.raises(RuntimeError),
    ):
        register_request(
            agency=agency_a,
            details=details(files={"identity_scan": upload}),
            received_at=datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Asia/Makassar")),
            channel="web",
        )

    assert saved, "the scan was written before the failure"
    assert not [name for name in saved if storage.exists(name)]
    assert not InformationRequest.objects.exists()


def test_a_nested_guard_hands_its_files_to_the_outer_one(storage):
    @orphans.removes_saved_files_on_error
    def inner() -> None:
        name = storage.save("a.txt", SimpleUploadedFile("a", b"a"))
        orphans._saved.get().append((storage, name))  # what track() does for a FieldFile

    @orphans.removes_saved_files_on_error
    def outer() -> None:
        inner()
        raise RuntimeError

    with pytest.raises(RuntimeError):
        outer()
    assert storage.listdir("")[1] == []
