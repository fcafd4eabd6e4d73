"""The PPID Utama's desk (issue 18): the province-wide queue, disposing a request to a PPID
Pelaksana and taking it back, and forwarding a request to the body that holds the information.

Views stay thin: the request is loaded through `selectors.get_request_for_staff` (scoped), the
services (`utama.py`, `forwarding.py`) decide, and a refusal comes back as a message.
"""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from lontar.agencies.models import Agency
from lontar.core.client import client_ip
from lontar.ppid import forwarding, utama
from lontar.ppid.selectors import get_request_for_staff, may_handle_requests

NOTE_FIELD = forms.CharField(
    label=gettext_lazy("Catatan internal"), max_length=utama.NOTE_MAX, required=False
)


class DisposeForm(forms.Form):
    to = forms.ModelChoiceField(
        label=gettext_lazy("PPID Pelaksana"),
        queryset=Agency.objects.none(),
        error_messages={"invalid_choice": gettext_lazy("Pilih PPID Pelaksana dari daftar.")},
    )
    note = NOTE_FIELD

    def __init__(self, *args, utama_agency: Agency, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["to"])
        field.queryset = utama.pelaksana_of(utama_agency).order_by("name")


class TakeBackForm(forms.Form):
    note = NOTE_FIELD


class ForwardForm(forms.Form):
    to = forms.ModelChoiceField(
        label=gettext_lazy("Instansi di platform ini"),
        queryset=Agency.objects.none(),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Pilih instansi dari daftar.")},
    )
    outside_body = forms.CharField(
        label=gettext_lazy("atau badan publik di luar platform"),
        max_length=forwarding.BODY_MAX,
        required=False,
    )
    note = forms.CharField(
        label=gettext_lazy("Catatan internal"), max_length=forwarding.NOTE_MAX, required=False
    )

    def __init__(self, *args, information_request, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["to"])
        field.queryset = forwarding.forward_targets(information_request).order_by("name")


def _ip(request: HttpRequest) -> str | None:
    return client_ip(request) or None


def _require_officer(request: HttpRequest) -> None:
    if not may_handle_requests(request.user):
        raise PermissionDenied


def _report(request: HttpRequest, form: forms.Form, error: ValidationError | None = None) -> None:
    problems: list[str] = list(error.messages) if error else []
    problems += [str(message) for errors in form.errors.values() for message in errors]
    for message in problems:
        messages.error(request, message)


def _detail(pk: int):
    return redirect(reverse("ppid_admin_detail", args=[pk]))


@require_POST
def dispose(request: HttpRequest, pk: int) -> HttpResponse:
    _require_officer(request)
    information_request = get_request_for_staff(request.user, pk)
    utama_agency = information_request.agency
    form = DisposeForm(request.POST, utama_agency=utama_agency)
    if not form.is_valid():
        _report(request, form)
        return _detail(pk)
    try:
        utama.dispose_to_pelaksana(
            information_request,
            to=form.cleaned_data["to"],
            note=form.cleaned_data["note"],
            by=request.user,
            ip=_ip(request),
        )
    except ValidationError as exc:
        _report(request, form, exc)
    else:
        messages.success(request, _("Permohonan didisposisikan ke PPID Pelaksana."))
    return _detail(pk)


@require_POST
def take_back(request: HttpRequest, pk: int) -> HttpResponse:
    _require_officer(request)
    information_request = get_request_for_staff(request.user, pk)
    form = TakeBackForm(request.POST)
    if not form.is_valid():
        _report(request, form)
        return _detail(pk)
    try:
        utama.take_back(
            information_request, note=form.cleaned_data["note"], by=request.user, ip=_ip(request)
        )
    except ValidationError as exc:
        _report(request, form, exc)
    else:
        messages.success(request, _("Permohonan ditarik kembali ke PPID Utama."))
    return _detail(pk)


@require_POST
def forward(request: HttpRequest, pk: int) -> HttpResponse:
    _require_officer(request)
    information_request = get_request_for_staff(request.user, pk)
    form = ForwardForm(request.POST, information_request=information_request)
    if not form.is_valid():
        _report(request, form)
        return _detail(pk)
    try:
        copy = forwarding.forward_request(
            information_request,
            to=form.cleaned_data["to"],
            outside_body=form.cleaned_data["outside_body"],
            note=form.cleaned_data["note"],
            by=request.user,
            ip=_ip(request),
        )
    except ValidationError as exc:
        _report(request, form, exc)
        return _detail(pk)
    if copy is None:
        messages.success(request, _("Pemberitahuan dibuat dan permohonan selesai."))
    else:
        messages.success(
            request,
            _("Permohonan diteruskan kepada %(agency)s dengan nomor %(number)s.")
            % {"agency": copy.agency.name, "number": copy.number},
        )
    return _detail(pk)


@require_GET
def province_queue(request: HttpRequest) -> HttpResponse:
    """Every agency of the province with its open, at-risk and overdue requests."""
    _require_officer(request)
    agency = utama.utama_agency_of(request.user)
    if agency is None and request.user.is_superuser:
        agency = Agency.objects.filter(ppid_role=Agency.PPIDRole.MAIN).order_by("name").first()
    if agency is None:
        raise PermissionDenied
    today = agency.today()
    rows = utama.province_queue(agency, today)
    title = _("Antrean PPID se-provinsi")
    return TemplateResponse(
        request,
        "ppid/admin/province_queue.html",
        {
            "agency": agency,
            "today": today,
            "rows": rows,
            "totals": {
                "open": sum(row.open_count for row in rows),
                "at_risk": sum(len(row.at_risk) for row in rows),
                "overdue": sum(len(row.overdue) for row in rows),
            },
            "page_title": title,
            "header_title": title,
            "page_subtitle": agency.name,
            "header_icon": "mail",
        },
    )


def admin_urls() -> list:
    prefix = "ppid/permohonan/"
    return [
        path("ppid/provinsi/antrean/", province_queue, name="ppid_admin_province_queue"),
        path(f"{prefix}<int:pk>/disposisi-pelaksana/", dispose, name="ppid_admin_dispose"),
        path(f"{prefix}<int:pk>/tarik-kembali/", take_back, name="ppid_admin_take_back"),
        path(f"{prefix}<int:pk>/teruskan/", forward, name="ppid_admin_forward"),
    ]


def _event_label(kind: str) -> str:
    from lontar.ppid.admin_views import EVENT_LABELS

    return str(EVENT_LABELS.get(kind, kind))


def panel_context(information_request, user) -> dict:
    """What the detail page's province panel shows (the template tag calls this)."""
    from lontar.ppid.actions import Action, allowed_actions

    own = utama.utama_agency_of(user) or (information_request.agency if user.is_superuser else None)
    is_utama_of_request = (
        own is not None
        and own.pk == information_request.agency_id
        and utama.is_utama(own)
        and user.has_perm("ppid.change_informationrequest")
    )
    open_request = information_request.is_open
    may_answer = Action.ANSWER in allowed_actions(information_request, user)
    return {
        "r": information_request,
        "history": [
            (source, event, _event_label(event.kind))
            for source, event in forwarding.history_of(information_request)
        ],
        "may_dispose": is_utama_of_request and open_request,
        "may_take_back": is_utama_of_request and information_request.handling_agency_id,
        "dispose_form": DisposeForm(utama_agency=information_request.agency)
        if is_utama_of_request
        else None,
        "take_back_form": TakeBackForm(),
        "may_forward": may_answer,
        "forward_form": ForwardForm(information_request=information_request)
        if may_answer
        else None,
    }
