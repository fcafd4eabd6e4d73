"""Moving in from the admin: a platform admin uploads an export, reads the dry run, confirms."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from lontar.core.audit import Actor
from lontar.wordpress import services
from lontar.wordpress.forms import UploadForm
from lontar.wordpress.models import ImportRun
from lontar.wordpress.report import Report

LIST_URL_NAME = "wordpress_imports"
DETAIL_URL_NAME = "wordpress_import"


def may_import(user) -> bool:
    """Only platform admins: an import writes into any agency's site."""
    return bool(user.is_authenticated and user.is_superuser)


def _context(title: str, **extra) -> dict:
    return {"page_title": title, "header_title": title, "header_icon": "download", **extra}


def imports(request: HttpRequest) -> HttpResponse:
    if not may_import(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        run = services.upload_export(
            agency=form.cleaned_data["agency"],
            upload=form.cleaned_data["file"],
            fetch_media=form.cleaned_data["fetch_media"],
            actor=Actor.from_request(request),
        )
        return redirect(reverse(DETAIL_URL_NAME, args=[run.pk]))
    runs = ImportRun.objects.select_related("agency", "uploaded_by")[:50]
    return TemplateResponse(
        request,
        "wordpress/admin/imports.html",
        _context(_("Impor WordPress"), form=form, runs=runs),
    )


def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if not may_import(request.user):
        raise PermissionDenied
    run = get_object_or_404(ImportRun.objects.select_related("agency"), pk=pk)
    if request.method == "POST":
        if services.confirm_import(run=run, actor=Actor.from_request(request)):
            messages.success(request, _("Impor dijadwalkan; halaman ini menampilkan hasilnya."))
        else:
            messages.error(request, _("Impor ini tidak sedang menunggu konfirmasi."))
        return redirect(reverse(DETAIL_URL_NAME, args=[run.pk]))
    dry = Report.from_dict(run.dry_run_report) if run.dry_run_report else None
    done = Report.from_dict(run.report) if run.report else None
    return TemplateResponse(
        request,
        "wordpress/admin/import_detail.html",
        _context(
            _("Impor WordPress: %(name)s") % {"name": run.original_name},
            run=run,
            dry=dry,
            done=done,
            may_confirm=run.status == ImportRun.Status.CHECKED,
            refresh=run.status in {ImportRun.Status.CHECKING, ImportRun.Status.QUEUED,
                                   ImportRun.Status.RUNNING},
        ),
    )  # fmt: skip
