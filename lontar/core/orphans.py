"""No file with personal data outlives the row that points at it (issue 19).

A file is written to storage before the row that names it is committed: Django saves the file
first, and storage is not part of the database transaction. So a rollback, or a worker killed
between the two, leaves a file nobody points at: a KTP scan, a receipt with a name on it.

Two guards:

- `removes_saved_files_on_error`: a service that saves files inside its transaction calls
  `track(field_file)` after each save; when the service raises (its transaction rolls back),
  the tracked files are deleted before the exception goes on. Nothing is deleted on success.
  Files tracked inside a nested guarded call join the outer call's list when the inner call
  succeeds, so a later failure of the outer call removes them too.
- `sweep`: a periodic job (`lontar.core.jobs`) and `lontar sweep_orphans` delete every file in
  private storage that no FileField of any model names and that is older than `GRACE`, which
  catches what a crash left (no exception handler ran). The grace period protects a file an
  in-flight request has written but not yet committed. Files are listed *before* the
  references are read, so a reference committed meanwhile still keeps its file.

Logs carry counts only, never file names.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import ParamSpec, TypeVar

from django.apps import apps
from django.core.files.storage import Storage, storages
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import timezone

logger = logging.getLogger("lontar.orphans")

GRACE = timedelta(hours=1)
CHUNK = 2000

P = ParamSpec("P")
R = TypeVar("R")

_saved: ContextVar[list[tuple[Storage, str]] | None] = ContextVar(
    "lontar_saved_files", default=None
)


def track(field_file: FieldFile) -> None:
    """Remember a file just saved, so that a failure of the guarded service deletes it."""
    saved = _saved.get()
    if saved is not None and field_file.name:
        saved.append((field_file.storage, field_file.name))


def removes_saved_files_on_error(function: Callable[P, R]) -> Callable[P, R]:
    """Delete the files the call `track`ed if it raises. Put it above `@transaction.atomic`,
    so that a failure while committing is caught too."""

    @functools.wraps(function)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
        outer = _saved.get()
        saved: list[tuple[Storage, str]] = []
        token = _saved.set(saved)
        try:
            result = function(*args, **kwargs)
        except BaseException:
            _delete_quietly(saved)
            raise
        finally:
            _saved.reset(token)
        if outer is not None:
            outer.extend(saved)
        return result

    return guarded


def _delete_quietly(saved: list[tuple[Storage, str]]) -> None:
    failed = 0
    for storage, name in saved:
        try:
            storage.delete(name)
        except Exception:  # the original exception matters more; the sweeper retries later
            failed += 1
    if failed:
        logger.warning("%d berkas dari transaksi yang gagal tidak terhapus", failed)


def _walk(storage: Storage, directory: str = "") -> Iterator[str]:
    directories, files = storage.listdir(directory)
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for sub in directories:
        yield from _walk(storage, f"{directory}/{sub}" if directory else sub)


def referenced_names() -> set[str]:
    """Every file name any FileField/ImageField of any model holds, whatever its storage.

    Names from all storages are pooled: a file is kept when any field names it, which can only
    keep too much, never delete too much.
    """
    names: set[str] = set()
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                values = (
                    model._base_manager.exclude(**{field.attname: ""})
                    .exclude(**{f"{field.attname}__isnull": True})
                    .values_list(field.attname, flat=True)
                )
                names.update(str(value) for value in values.iterator(chunk_size=CHUNK) if value)
    return names


@dataclass(frozen=True)
class SweepResult:
    examined: int
    orphaned: int  # unreferenced and older than the grace period
    deleted: int


def sweep(
    *,
    storage: Storage | None = None,
    grace: timedelta = GRACE,
    dry_run: bool = False,
    now: datetime | None = None,
) -> SweepResult:
    """Delete files in `storage` (private by default) that no row names and that are old."""
    storage = storage if storage is not None else storages["private"]
    cutoff = (now or timezone.now()) - grace
    try:  # listed before the references are read (module docstring)
        present = list(_walk(storage))
    except FileNotFoundError:  # nothing stored yet
        present = []
    referenced = referenced_names()
    orphaned = deleted = 0
    for name in present:
        if name in referenced:
            continue
        try:
            modified = storage.get_modified_time(name)
        except (NotImplementedError, OSError):
            continue  # unknown age: keep it
        if timezone.is_naive(modified):
            modified = timezone.make_aware(modified)
        if modified > cutoff:
            continue
        orphaned += 1
        if not dry_run:
            try:
                storage.delete(name)
            except OSError:
                continue
            deleted += 1
    result = SweepResult(examined=len(present), orphaned=orphaned, deleted=deleted)
    logger.info(
        "berkas yatim: %d diperiksa, %d yatim, %d dihapus%s",
        result.examined,
        result.orphaned,
        result.deleted,
        " (uji coba)" if dry_run else "",
    )
    return result
