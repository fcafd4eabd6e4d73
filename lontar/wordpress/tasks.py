"""Background work of the admin's import: the dry run of an uploaded file, then the import.

Both run in `lontar worker` (django-tasks' database queue): a site of thousands of posts takes
minutes, longer than a request may. Each task is safe to run twice (decision 0005): the dry run
writes only its report, and the import itself is idempotent.
"""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from lontar.core.audit import Actor
from lontar.wordpress import services
from lontar.wordpress.importer import Options
from lontar.wordpress.models import ImportRun
from lontar.wordpress.wxr import WXRError


@task()
def check_upload(run_id: int) -> None:
    run = ImportRun.objects.select_related("agency").get(pk=run_id)
    try:
        with run.file.open("rb") as handle:
            report = services.import_bytes(
                run.agency, handle.read(), Options(dry_run=True, fetch_media=run.fetch_media)
            )
    except (WXRError, OSError, ValueError) as exc:
        ImportRun.objects.filter(pk=run_id).update(
            status=ImportRun.Status.FAILED, error=str(exc)[:300], finished_at=timezone.now()
        )
        return
    ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.CHECKING).update(
        status=ImportRun.Status.CHECKED, dry_run_report=report.to_dict()
    )


@task()
def run_import(run_id: int) -> None:
    claimed = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).update(
        status=ImportRun.Status.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return  # already running or done: a second delivery of the task does nothing
    run = ImportRun.objects.select_related("agency", "uploaded_by").get(pk=run_id)
    try:
        with run.file.open("rb") as handle:
            report = services.import_bytes(
                run.agency,
                handle.read(),
                Options(fetch_media=run.fetch_media),
                actor=Actor(user=run.uploaded_by),
            )
    except Exception as exc:
        # The run stops; what it committed stays and a new run resumes from there.
        ImportRun.objects.filter(pk=run_id).update(
            status=ImportRun.Status.FAILED, error=type(exc).__name__, finished_at=timezone.now()
        )
        raise
    ImportRun.objects.filter(pk=run_id).update(
        status=ImportRun.Status.DONE, report=report.to_dict(), finished_at=timezone.now()
    )
