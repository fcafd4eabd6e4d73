"""The periodic-job status report in the admin, for platform admins only.

Shows each job's row (`core/schedule.py`): when it last started and finished, when it is due,
which worker holds it, and its last failure. The stored error holds no local values and no
personal data (`schedule.describe_failure`), but it names code paths and servers, so agency
staff do not see it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from lontar.core.models import ScheduledJob

JOB_REPORT_URL_NAME = "core_job_report"


def may_see_jobs(user) -> bool:
    return bool(user.is_authenticated and user.is_superuser)


def job_report(request: HttpRequest) -> HttpResponse:
    if not may_see_jobs(request.user):
        raise PermissionDenied
    now = timezone.now()
    jobs = [
        {
            "row": job,
            "running": bool(
                job.lease_owner and job.lease_expires_at and job.lease_expires_at > now
            ),
            "stale": bool(job.lease_owner and job.lease_expires_at and job.lease_expires_at <= now),
        }
        for job in ScheduledJob.objects.order_by("name")
    ]
    title = _("Tugas terjadwal")
    return TemplateResponse(
        request,
        "core/admin/jobs.html",
        {
            "jobs": jobs,
            "page_title": title,
            "header_title": title,
            "header_icon": "time",
        },
    )
