"""The officer's desk for notices on paper and for the requester's data rights.

- Print a notice exactly as it was stored, and record that it was posted, collected or handed
  over (`notice_services.record_delivery`).
- Correct or erase the requester's personal data on their request (`privacy_services`).

Same rules as `admin_views`: records only through `get_request_for_staff`, every write through
a service with the acting user and address, refusals shown as messages.
"""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from lontar.core.text_limits import state_text_limits
from lontar.ppid import notice_services, officer, privacy_services
from lontar.ppid.admin_forms import DATE_WIDGET
from lontar.ppid.admin_views import _file_response, _ip, _no_store, _require, detail_url
from lontar.ppid.selectors import get_request_for_staff


class DeliveryForm(forms.Form):
    delivered_on = forms.DateField(label=gettext_lazy("Tanggal disampaikan"), widget=DATE_WIDGET)
    note = forms.CharField(
        label=gettext_lazy("Catatan (nomor resi, diterima oleh, dsb.)"),
        required=False,
        max_length=notice_services.DELIVERY_NOTE_MAX,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        state_text_limits(self)


class CorrectionForm(forms.Form):
    """The fields a requester may have corrected; blank means "leave as it is"."""

    name = forms.CharField(label=gettext_lazy("Nama lengkap"), required=False, max_length=150)
    address = forms.CharField(
        label=gettext_lazy("Alamat"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    phone = forms.CharField(label=gettext_lazy("Telepon"), required=False, max_length=30)
    email = forms.EmailField(label=gettext_lazy("Surel"), required=False, max_length=254)
    occupation = forms.CharField(label=gettext_lazy("Pekerjaan"), required=False, max_length=100)
    reason = forms.CharField(
        label=gettext_lazy("Dasar permintaan pemohon (tanpa data pribadi)"),
        min_length=privacy_services.REASON_MIN,
        max_length=privacy_services.REASON_MAX,
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "correct")
        super().__init__(*args, **kwargs)
        state_text_limits(self)

    def changes(self) -> dict[str, str]:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name != "reason" and value.strip()
        }


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Dasar permintaan pemohon (tanpa data pribadi)"),
        min_length=privacy_services.REASON_MIN,
        max_length=privacy_services.REASON_MAX,
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("Saya mengerti: data pribadi pemohon dihapus dan tidak dapat kembali."),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "erase")
        super().__init__(*args, **kwargs)
        state_text_limits(self)


def _form_errors(request: HttpRequest, form: forms.Form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))


@_no_store
@require_GET
def notice_file(request: HttpRequest, pk: int, document_pk: int) -> FileResponse:
    """A notice exactly as stored, to print or send again: logged like every personal file."""
    _require(request)
    information_request = get_request_for_staff(request.user, pk)
    notice = get_object_or_404(information_request.notices.exclude(pdf=""), pk=document_pk)
    officer.log_personal_access(
        information_request, which=f"surat:{notice.pk}", by=request.user, ip=_ip(request)
    )
    return _file_response(notice.pdf, f"surat-{notice.kind}-{notice.sequence}.pdf")


@require_POST
def notice_delivered(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    _require(request, "change")
    information_request = get_request_for_staff(request.user, pk)
    notice = get_object_or_404(information_request.notices, pk=document_pk)
    form = DeliveryForm(request.POST, prefix=f"notice-{notice.pk}")
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(detail_url(information_request))
    tz = ZoneInfo(information_request.agency.time_zone)
    # A day is what the desk knows; noon keeps it on that day in every Indonesian time zone.
    delivered_at = datetime.combine(form.cleaned_data["delivered_on"], time(12), tzinfo=tz)
    if form.cleaned_data["delivered_on"] == information_request.agency.today():
        delivered_at = min(delivered_at, information_request.agency.now())
    try:
        notice_services.record_delivery(
            notice,
            delivered_at=delivered_at,
            note=form.cleaned_data["note"],
            by=request.user,
            ip=_ip(request),
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Penyampaian surat dicatat."))
    return redirect(detail_url(information_request))


@require_POST
def correct_data(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "change")
    information_request = get_request_for_staff(request.user, pk)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(detail_url(information_request))
    try:
        changed = privacy_services.correct_personal_data(
            information_request,
            changes=form.changes(),
            reason=form.cleaned_data["reason"],
            by=request.user,
            ip=_ip(request),
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        if changed:
            messages.success(request, _("Data pribadi pemohon diperbaiki."))
        else:
            messages.info(request, _("Tidak ada data yang berubah."))
    return redirect(detail_url(information_request))


@require_POST
def erase_data(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "change")
    information_request = get_request_for_staff(request.user, pk)
    form = ErasureForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(detail_url(information_request))
    try:
        privacy_services.erase_on_request(
            information_request,
            reason=form.cleaned_data["reason"],
            by=request.user,
            ip=_ip(request),
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Data pribadi pemohon dihapus."))
    return redirect(detail_url(information_request))
