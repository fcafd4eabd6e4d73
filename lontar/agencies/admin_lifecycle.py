"""Platform admin screens in front of `lifecycle.py`: the agency list, rename, retire/reopen."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lontar.agencies import lifecycle
from lontar.agencies.admin_onboarding import may_onboard
from lontar.agencies.models import Agency
from lontar.agencies.onboarding import SHORT_NAME_MAX, OnboardingError
from lontar.core import audit

LIST_URL = "agencies_manage"
RENAME_URL = "agencies_rename"
RETIRE_URL = "agencies_retire"


class RenameForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Nama instansi"), max_length=lifecycle.NAME_MAX)
    short_name = forms.CharField(label=gettext_lazy("Nama singkat"), max_length=SHORT_NAME_MAX)


class RetireForm(forms.Form):
    successor_url = forms.URLField(
        label=gettext_lazy("Alamat pengganti"),
        max_length=200,
        required=False,
        assume_scheme="https",
        help_text=gettext_lazy("Situs yang kini melayani warga, bila ada."),
    )
    retirement_note = forms.CharField(
        label=gettext_lazy("Keterangan untuk warga"),
        max_length=lifecycle.NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _platform_admin(request: HttpRequest) -> None:
    if not may_onboard(request.user):
        raise PermissionDenied


def _context(title: str, **extra) -> dict:
    return {"page_title": title, "header_title": title, "header_icon": "site", **extra}


def agency_list(request: HttpRequest) -> HttpResponse:
    _platform_admin(request)
    agencies = Agency.objects.select_related("site").order_by("name")
    return TemplateResponse(
        request,
        "agencies/admin/manage.html",
        _context(_("Kelola instansi"), agencies=agencies),
    )


def rename(request: HttpRequest, pk: int) -> HttpResponse:
    _platform_admin(request)
    agency = get_object_or_404(Agency, pk=pk)
    form = RenameForm(
        request.POST or None, initial={"name": agency.name, "short_name": agency.short_name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            lifecycle.rename_agency(
                agency,
                name=form.cleaned_data["name"],
                short_name=form.cleaned_data["short_name"],
                actor=audit.Actor.from_request(request),
            )
        except OnboardingError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            messages.success(request, _("Nama instansi diperbarui; alamatnya tetap."))
            return redirect(LIST_URL)
    return TemplateResponse(
        request,
        "agencies/admin/lifecycle_form.html",
        _context(
            _("Ubah nama %(agency)s") % {"agency": agency.short_name},
            agency=agency,
            form=form,
            intro=_(
                "Nama, nama singkat, nama situs, judul beranda dan nama grup peran ikut berubah. "
                "Slug dan alamat publik tidak berubah, sehingga semua tautan tetap berlaku."
            ),
            submit=_("Simpan nama"),
        ),
    )


def retire(request: HttpRequest, pk: int) -> HttpResponse:
    _platform_admin(request)
    agency = get_object_or_404(Agency, pk=pk)
    form = RetireForm(
        request.POST or None,
        initial={"successor_url": agency.successor_url, "retirement_note": agency.retirement_note},
    )
    actor = audit.Actor.from_request(request)
    if request.method == "POST" and request.POST.get("action") == "reopen":
        lifecycle.reopen_agency(agency, actor=actor)
        messages.success(request, _("Situs dibuka kembali. Aktifkan staf satu per satu."))
        return redirect(LIST_URL)
    if request.method == "POST" and form.is_valid():
        try:
            retired = lifecycle.retire_agency(
                agency,
                successor_url=form.cleaned_data["successor_url"],
                note=form.cleaned_data["retirement_note"],
                actor=actor,
            )
        except OnboardingError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            messages.success(
                request,
                _("Situs kini hanya dapat dibaca; %(n)d akun staf dinonaktifkan.")
                % {"n": retired.deactivated},
            )
            return redirect(LIST_URL)
    return TemplateResponse(
        request,
        "agencies/admin/lifecycle_form.html",
        _context(
            _("Pensiunkan %(agency)s") % {"agency": agency.short_name},
            agency=agency,
            form=form,
            intro=_(
                "Halaman dan dokumen tetap dapat dibaca di alamat yang sama; semua formulir "
                "publik dan login pegawai di situs ini ditutup, dan semua akun staf instansi ini "
                "dinonaktifkan (sesinya langsung berakhir)."
            ),
            submit=_("Pensiunkan situs"),
            reopen=agency.retired_at is not None,
        ),
    )
