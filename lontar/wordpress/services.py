"""The writes of moving in: an import of a file (command line or admin), audited once per run."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction

from lontar.agencies.models import Agency
from lontar.core.audit import Actor, record
from lontar.core.uploads import clean_original_name
from lontar.wordpress import wxr
from lontar.wordpress.importer import Options, import_wxr
from lontar.wordpress.models import ImportRun
from lontar.wordpress.report import Report


def import_file(agency: Agency, path: Path | str, options: Options, *, actor: Actor) -> Report:
    """Read `path` and import it into `agency` (nothing is written in a dry run)."""
    return _import(agency, wxr.parse(Path(path)), options, actor)


def import_bytes(
    agency: Agency, data: bytes, options: Options, *, actor: Actor | None = None
) -> Report:
    """The same for an export uploaded in the admin (read from private storage)."""
    return _import(agency, wxr.parse(data), options, actor or Actor.system())


def _import(agency: Agency, export: wxr.Export, options: Options, actor: Actor) -> Report:
    report = import_wxr(agency, export, options)
    if not options.dry_run:
        _bump_navigation()
        with transaction.atomic():
            record(
                actor=actor,
                action="wordpress.import",
                obj=agency,
                agency=agency,
                changes={key: sum(value.values()) for key, value in _counts(report).items()},
                note=f"WXR {export.version}: {export.title[:200]}",
            )
    return report


def _counts(report: Report) -> dict:
    return {"created": report.created, "existing": report.existing, "skipped": report.skipped}


def _bump_navigation() -> None:
    """Menus and lists are cached per content version; imported pages came without a publish."""
    from lontar.core import content_version

    content_version.bump()


@transaction.atomic
def upload_export(*, agency: Agency, upload, fetch_media: bool, actor: Actor) -> ImportRun:
    """Keep an uploaded export privately and queue its dry run."""
    run = ImportRun(
        agency=agency,
        original_name=clean_original_name(upload.name),
        fetch_media=fetch_media,
        uploaded_by=actor.user,
    )
    upload.seek(0)
    run.file.save(f"{uuid.uuid4().hex}.xml", ContentFile(upload.read()), save=False)
    run.save()
    record(actor=actor, action="wordpress.upload", obj=run, agency=agency, to_state=run.status)
    transaction.on_commit(lambda: _enqueue("check_upload", run.pk))
    return run


@transaction.atomic
def confirm_import(*, run: ImportRun, actor: Actor) -> bool:
    """Queue the real import of a checked upload; False when it is not waiting for that."""
    moved = ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.CHECKED).update(
        status=ImportRun.Status.QUEUED
    )
    if not moved:
        return False
    record(
        actor=actor,
        action="wordpress.confirm",
        obj=run,
        agency=run.agency,
        from_state=ImportRun.Status.CHECKED,
        to_state=ImportRun.Status.QUEUED,
    )
    transaction.on_commit(lambda: _enqueue("run_import", run.pk))
    return True


def _enqueue(name: str, run_id: int) -> None:
    from lontar.wordpress import tasks

    getattr(tasks, name).enqueue(run_id)
