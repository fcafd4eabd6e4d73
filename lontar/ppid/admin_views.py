"""The PPID officer's desk in the Wagtail admin: queue, request detail, actions, intake, files.

Views stay thin: requests are loaded only through `selectors.get_request_for_staff` (another
agency's request is simply not found), every change goes through `services` (or the two small
writes in `officer`), with the acting user and IP address for the legal record, and the detail
page offers exactly `actions.allowed_actions(...)`: the guards the services themselves apply.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lontar.agencies.selectors import agencies_visible_to
from lontar.core.client import client_ip
from lontar.core.params import parse_page
from lontar.ppid import exemptions, officer, services
from lontar.ppid.actions import Action, allowed_actions
from lontar.ppid.admin_forms import (
    AnswerForm,
    AssignForm,
    ExtendForm,
    IntakeForm,
    QueueFilterForm,
    SummaryForm,
    WithdrawForm,
    add_service_error,
)
from lontar.ppid.crypto import decrypt_nik, mask_nik
from lontar.ppid.models import InformationRequest, RequestEvent
from lontar.ppid.notice_services import preview_answer
from lontar.ppid.selectors import (
    get_request_for_staff,
    may_handle_requests,
    notices_with_delivery,
    officer_queue_page,
)
from lontar.ppid.states import Status

NEW_CODE_SESSION_KEY = "ppid_new_tracking_code"

EVENT_LABELS = {
    "registered": gettext_lazy("Diterima dan didaftarkan"),
    "processing": gettext_lazy("Mulai diproses"),
    "assigned": gettext_lazy("Disposisi ke unit"),
    "extended": gettext_lazy("Diperpanjang"),
    "answered": gettext_lazy("Dijawab"),
    "completed": gettext_lazy("Selesai"),
    "withdrawn": gettext_lazy("Dibatalkan"),
    "summary_edited": gettext_lazy("Ringkasan register diubah"),
    "notice_delivered": gettext_lazy("Surat disampaikan"),
    "notice_mail_failed": gettext_lazy("Surel surat gagal terkirim"),
    "personal_data_corrected": gettext_lazy("Data pribadi diperbaiki"),
    "personal_data_erased": gettext_lazy("Data pribadi dihapus"),
    # The PPID Utama and forwarding (issue 18; ppid/utama.py, ppid/forwarding.py).
    "disposed_to_pelaksana": gettext_lazy("Didisposisikan ke PPID Pelaksana"),
    "taken_back": gettext_lazy("Ditarik kembali oleh PPID Utama"),
    "forwarded": gettext_lazy("Diteruskan ke badan publik lain"),
    "forwarded_in": gettext_lazy("Diterima sebagai penerusan"),
    "forwarded_outside": gettext_lazy("Badan publik yang menguasai disebutkan"),
}


@dataclass(frozen=True)
class TimelineRow:
    event: RequestEvent

    @property
    def label(self) -> str:
        return str(EVENT_LABELS.get(self.event.kind, self.event.kind))

    @property
    def from_label(self) -> str:
        return _status_label(self.event.from_status)

    @property
    def to_label(self) -> str:
        return _status_label(self.event.to_status)


def _status_label(value: str) -> str:
    return str(Status(value).label) if value in Status.values else value


def _ip(request: HttpRequest) -> str | None:
    return client_ip(request) or None


def _no_store(view: Callable) -> Callable:
    """Pages and files carrying personal data are never kept by browsers or proxies."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapped


def _require(request: HttpRequest, permission: str = "view") -> None:
    if not may_handle_requests(request.user):
        raise PermissionDenied
    if permission != "view" and not request.user.has_perm(f"ppid.{permission}_informationrequest"):
        raise PermissionDenied


def detail_url(information_request: InformationRequest) -> str:
    return reverse("ppid_admin_detail", args=[information_request.pk])


# --- Queue ---------------------------------------------------------------------------------------


@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    _require(request)
    agency = officer.queue_agency(request.user, request.GET.get("instansi"))
    today = agency.today()
    form = QueueFilterForm(request.GET or None, agency=agency)
    status, unit_id = "", None
    if form.is_valid():
        status = form.cleaned_data["status"]
        unit_id = form.cleaned_data["unit"].pk if form.cleaned_data["unit"] else None
    page_number = parse_page(request.GET.get("halaman"))
    page, rows = officer_queue_page(
        request.user, agency, today, page_number, status=status, unit_id=unit_id
    )
    params = request.GET.copy()
    params.pop("halaman", None)
    title = _("Permohonan informasi")
    return TemplateResponse(
        request,
        "ppid/admin/queue.html",
        {
            "agency": agency,
            "today": today,
            "rows": rows,
            "page": page,
            "querystring": params.urlencode(),
            "filter_form": form,
            "agencies": agencies_visible_to(request.user) if request.user.is_superuser else [],
            "may_add": request.user.has_perm("ppid.add_informationrequest"),
            "page_title": title,
            "header_title": title,
            "page_subtitle": agency.name,
            "header_icon": "mail",
        },
    )


# --- Detail and actions --------------------------------------------------------------------------


def privacy_notice_for(agency) -> str:
    from lontar.ppid.privacy_services import privacy_notice_for as notice_text

    return notice_text(agency)


def _privacy_forms() -> dict:
    from lontar.ppid.admin_privacy import CorrectionForm, ErasureForm  # it imports this module

    return {"correction_form": CorrectionForm(), "erasure_form": ErasureForm()}


def _render_detail(
    request: HttpRequest,
    information_request: InformationRequest,
    *,
    status: int = 200,
    full_nik: str = "",
    **forms,
) -> HttpResponse:
    agency = information_request.agency
    nik_masked = ""
    if information_request.nik_encrypted:
        nik_masked = mask_nik(decrypt_nik(information_request.nik_encrypted))
    today = agency.today()
    context = {
        "r": information_request,
        "agency": agency,
        "today": today,
        "nik_masked": nik_masked,
        "full_nik": full_nik,
        "timeline": [
            TimelineRow(event) for event in information_request.events.select_related("actor")
        ],
        "documents": information_request.documents.all(),
        # Notices as sent, their delivery, and the requester's data rights (admin_privacy.py).
        "notices": notices_with_delivery(information_request),
        **_privacy_forms(),
        # The template shows a form only for these: what the services would accept now.
        "actions": allowed_actions(information_request, request.user, today),
        "assign_form": forms.get("assign_form")
        or AssignForm(
            information_request=information_request,
            initial={
                "unit": information_request.assigned_unit_id,
                "internal_due": information_request.internal_due,
                "note": information_request.disposition_note,
            },
        ),
        "extend_form": forms.get("extend_form") or ExtendForm(),
        # The agency's usual way to pay is proposed; it goes on the notice only with a cost.
        "answer_form": forms.get("answer_form")
        or AnswerForm(
            initial={"payment_method": services.settings_for(agency).payment_instructions},
            dik_entries=exemptions.dik_entries_for(agency),
        ),
        "answer_preview": forms.get("answer_preview"),
        "summary_form": forms.get("summary_form")
        or SummaryForm(initial={"public_summary": information_request.public_summary}),
        "withdraw_form": forms.get("withdraw_form") or WithdrawForm(),
        "page_title": information_request.number,
        "header_title": information_request.number,
        "page_subtitle": information_request.get_status_display(),
        "header_icon": "mail",
        "queue_url": reverse("ppid_admin_queue"),
    }
    return TemplateResponse(request, "ppid/admin/detail.html", context, status=status)


@_no_store
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request)
    return _render_detail(request, get_request_for_staff(request.user, pk))


@_no_store
@require_POST
def reveal_nik(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the full NIK once, on purpose, and log who looked at it."""
    _require(request)
    information_request = get_request_for_staff(request.user, pk)
    if not information_request.nik_encrypted:
        raise Http404
    officer.log_personal_access(information_request, which="nik", by=request.user, ip=_ip(request))
    return _render_detail(
        request, information_request, full_nik=decrypt_nik(information_request.nik_encrypted)
    )


def _action(
    action: Action,
    form_class: type,
    form_name: str,
    default_field: str | None,
    perform: Callable,
    success: Promise,
) -> Callable:
    """A POST-only view that validates `form_class`, calls the service and redirects.

    The service decides (it applies the same guard as `allowed_actions`); a refusal is shown
    beside the form, or as a message when the form is no longer offered (another officer acted
    first, or the deadline passed while the page was open).
    """

    @_no_store
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        _require(request, "change")
        information_request = get_request_for_staff(request.user, pk)
        if form_class is AssignForm:
            form = form_class(request.POST, information_request=information_request)
        else:
            form = form_class(request.POST, request.FILES)
        if form.is_valid() and action is Action.ANSWER and request.POST.get("preview"):
            # The confirmation step (issue 16): show what the requester will receive, unsent.
            preview = preview_answer(information_request, form.to_answer())
            return _render_detail(
                request, information_request, answer_form=form, answer_preview=preview
            )
        if form.is_valid():
            try:
                perform(information_request, form, by=request.user, ip=_ip(request))
            except ValidationError as exc:
                add_service_error(form, exc, default_field)
            else:
                messages.success(request, str(success))
                return redirect(detail_url(information_request))
        # Reload the stored state: a failed service call may have changed the instance.
        information_request = get_request_for_staff(request.user, pk)
        if action not in allowed_actions(information_request, request.user):
            for message in form.non_field_errors() or [
                error for errors in form.errors.values() for error in errors
            ]:
                messages.error(request, message)
        return _render_detail(request, information_request, status=400, **{form_name: form})

    return view


assign = _action(
    Action.ASSIGN,
    AssignForm,
    "assign_form",
    "internal_due",
    lambda r, form, by, ip: services.assign_request(
        r,
        unit=form.cleaned_data["unit"],
        internal_due=form.cleaned_data["internal_due"],
        note=form.cleaned_data["note"].strip(),
        by=by,
        ip=ip,
    ),
    gettext_lazy("Permohonan diteruskan ke unit pengolah."),
)
extend = _action(
    Action.EXTEND,
    ExtendForm,
    "extend_form",
    "reason",
    lambda r, form, by, ip: services.extend_request(
        r, reason=form.cleaned_data["reason"], by=by, ip=ip
    ),
    gettext_lazy("Jangka waktu permohonan diperpanjang."),
)
answer = _action(
    Action.ANSWER,
    AnswerForm,
    "answer_form",
    None,
    lambda r, form, by, ip: services.answer_request(r, answer=form.to_answer(), by=by, ip=ip),
    gettext_lazy("Pemberitahuan tertulis dibuat dan dikirim kepada pemohon."),
)
withdraw = _action(
    Action.WITHDRAW,
    WithdrawForm,
    "withdraw_form",
    "note",
    lambda r, form, by, ip: services.withdraw_request(
        r, note=form.cleaned_data["note"], by=by, ip=ip
    ),
    gettext_lazy("Pembatalan oleh pemohon dicatat."),
)
summary = _action(
    Action.SUMMARY,
    SummaryForm,
    "summary_form",
    "public_summary",
    lambda r, form, by, ip: services.set_public_summary(
        r, summary=form.cleaned_data["public_summary"], by=by, ip=ip
    ),
    gettext_lazy("Ringkasan register publik disimpan."),
)


@require_POST
def complete(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "change")
    information_request = get_request_for_staff(request.user, pk)
    try:
        services.complete_request(information_request, by=request.user, ip=_ip(request))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Permohonan ditandai selesai."))
    return redirect(detail_url(information_request))


# --- Intake --------------------------------------------------------------------------------------


@_no_store
@require_http_methods(["GET", "POST"])
def intake(request: HttpRequest) -> HttpResponse:
    _require(request, "add")
    agency = officer.queue_agency(request.user, request.GET.get("instansi"))
    if request.method == "POST":
        form = IntakeForm(
            request.POST, request.FILES, agency=agency, privacy_text=privacy_notice_for(agency)
        )
        if form.is_valid():
            try:
                information_request, code = services.register_request(
                    agency=agency,
                    details=form.to_details(),
                    received_at=form.received_at(),
                    channel=form.cleaned_data["channel"],
                    by=request.user,
                    ip=_ip(request),
                )
            except ValidationError as exc:
                add_service_error(form, exc, "received_on")
            else:
                # Shown once on the next page, then gone: only its hash is stored.
                request.session[NEW_CODE_SESSION_KEY] = [information_request.pk, code]
                return redirect("ppid_admin_intake_done", pk=information_request.pk)
    else:
        form = IntakeForm(
            agency=agency,
            privacy_text=privacy_notice_for(agency),
            initial={
                "identity_kind": InformationRequest.IdentityKind.PERSON,
                "received_on": agency.today(),
            },
        )
    title = _("Catat permohonan (surat, surel, datang langsung)")
    return TemplateResponse(
        request,
        "ppid/admin/intake.html",
        {
            "form": form,
            "agency": agency,
            "page_title": title,
            "header_title": title,
            "page_subtitle": agency.name,
            "header_icon": "plus",
        },
        status=400 if form.is_bound else 200,
    )


@_no_store
@require_GET
def intake_done(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "add")
    information_request = get_request_for_staff(request.user, pk)
    code = ""
    stored = request.session.get(NEW_CODE_SESSION_KEY)
    if stored and stored[0] == information_request.pk:
        code = stored[1]
        del request.session[NEW_CODE_SESSION_KEY]
    title = _("Permohonan tercatat")
    return TemplateResponse(
        request,
        "ppid/admin/intake_done.html",
        {
            "r": information_request,
            "code": code,
            "detail_url": detail_url(information_request),
            "page_title": title,
            "header_title": title,
            "page_subtitle": information_request.number,
            "header_icon": "tick",
        },
    )


# --- Private files -------------------------------------------------------------------------------


def _file_response(field_file, download_name: str) -> FileResponse:
    content_type = mimetypes.guess_type(download_name)[0] or "application/octet-stream"
    response = FileResponse(
        field_file.open("rb"), content_type=content_type, as_attachment=True, filename=download_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@_no_store
@require_GET
def private_file(request: HttpRequest, pk: int, which: str) -> FileResponse:
    """Identity scan, proxy letter or notice PDF: PPID roles of the same agency only, logged."""
    _require(request)
    field_name = officer.PRIVATE_FILES.get(which)
    if field_name is None:
        raise Http404
    information_request = get_request_for_staff(request.user, pk)
    field_file = getattr(information_request, field_name)
    if not field_file:
        raise Http404
    officer.log_personal_access(
        information_request, which=field_name, by=request.user, ip=_ip(request)
    )
    suffix = PurePath(field_file.name).suffix
    return _file_response(field_file, f"{which}-{information_request.pk}{suffix}")


@_no_store
@require_GET
def released_document(request: HttpRequest, pk: int, document_pk: int) -> FileResponse:
    _require(request)
    information_request = get_request_for_staff(request.user, pk)
    document = get_object_or_404(information_request.documents, pk=document_pk)
    officer.log_personal_access(
        information_request, which=f"dokumen:{document.pk}", by=request.user, ip=_ip(request)
    )
    return _file_response(document.file, PurePath(document.file.name).name)
