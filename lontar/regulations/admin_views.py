"""The admin's bulk import page: upload a CSV/XLSX, see every bad row, import all or nothing."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from lontar.agencies.selectors import agencies_visible_to
from lontar.core.audit import Actor
from lontar.regulations import importer, services
from lontar.regulations.forms import ImportForm

MAX_IMPORT_BYTES = 5 * 1024 * 1024


def _form_class(user):
    agencies = agencies_visible_to(user)

    class ScopedImportForm(ImportForm):
        agency = forms.ModelChoiceField(
            label=_("Instansi"),
            queryset=agencies,
            initial=agencies.first() if agencies.count() == 1 else None,
        )

    return ScopedImportForm


def import_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(services.IMPORT_PERMISSION):
        raise PermissionDenied
    form_class = _form_class(request.user)
    report = None
    file_error = ""
    if request.method == "POST":
        form = form_class(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > MAX_IMPORT_BYTES:
                file_error = str(_("Berkas terlalu besar (maksimal 5 MB)."))
            else:
                try:
                    rows = importer.read_rows(upload.name, upload.read())
                except importer.ImportFileError as exc:
                    file_error = str(exc)
                else:
                    report = services.import_file(
                        form.cleaned_data["agency"],
                        rows,
                        file_name=upload.name,
                        dry_run=form.cleaned_data["dry_run"],
                        actor=Actor.from_request(request),
                    )
    else:
        form = form_class()
    return TemplateResponse(
        request,
        "regulations/admin/import.html",
        {
            "form": form,
            "report": report,
            "file_error": file_error,
            "columns": [*importer.COLUMNS, *importer.RELATION_COLUMNS],
            "required": importer.REQUIRED,
        },
    )
