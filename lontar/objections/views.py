"""Citizens' side of objections: file one, get a receipt, track it, read the register."""

from __future__ import annotations

import time
from typing import Any, TypeGuard

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from lontar.agencies.selectors import agency_for_request
from lontar.core import bookmarks, idempotency
from lontar.core.audit import Actor
from lontar.core.params import parse_page
from lontar.core.ratelimit import count, hit_and_check, subject_key, uncount, visitor_key
from lontar.core.retirement import closed_when_retired
from lontar.objections import clock, documents, lists
from lontar.objections.forms import ObjectionForm, TrackForm
from lontar.objections.models import Objection
from lontar.objections.register import register_rows
from lontar.objections.selectors import public_register, track_objection
from lontar.objections.services import ObjectionDetails, register_objection
from lontar.ppid.selectors import track_request

OBJECTIONS_PER_HOUR = 5
TRACKING_TRIES_PER_HOUR = 20
TRACKING_FAILURES_PER_NUMBER = 10
DOWNLOADS_PER_HOUR = 30
GRANT_SECONDS = 30 * 60
_SCOPE = "objections.objection"
_RECEIPT = "objection_receipt"
_TRACKED = "objection_tracked"


def _agency(request: HttpRequest):
    agency = agency_for_request(request)
    if agency is None:
        raise Http404
    return agency


def _fresh(grant: object) -> TypeGuard[dict[str, Any]]:
    return (
        isinstance(grant, dict)
        and isinstance(grant.get("at"), (int, float))
        and 0 <= time.time() - grant["at"] <= GRANT_SECONDS
    )


def _grant(request: HttpRequest, pk: int) -> None:
    request.session[_TRACKED] = {"id": pk, "at": time.time()}


def _linked_request(form: ObjectionForm, agency):
    """The request named on the form, verified by its secret code, or None when not named."""
    number = form.cleaned_data.get("request_number", "").strip()
    if not number:
        return None
    number_key = subject_key("ppid-track-number", number.upper())
    if count(number_key, 3600) > TRACKING_FAILURES_PER_NUMBER:
        form.add_error("request_number", _("Terlalu banyak percobaan untuk nomor ini."))
        return None
    found = track_request(number, form.cleaned_data["request_code"])
    if found is None or found.agency_id != agency.pk:
        form.add_error(
            "request_code", _("Nomor pendaftaran atau kode lacak permohonan tidak cocok.")
        )
        return None
    uncount(number_key)
    return found


def _filing_refusal(information_request, agency) -> str | None:
    """Why an objection about this request cannot be filed today (Pasal 36 ayat (1)), if so."""
    from lontar.agencies.calendar import calendar_for_agency
    from lontar.objections.deadlines import filing_window
    from lontar.ppid.deadlines import local_date

    today = agency.today()
    if information_request.answered_at:
        arose = local_date(information_request.answered_at, agency.time_zone)
    elif today > information_request.current_due:
        arose = information_request.current_due
    else:
        return _(
            "Permohonan ini masih dalam batas waktu pemberitahuan tertulis (sampai "
            "%(due)s); keberatan dapat diajukan setelah ada tanggapan atau batas itu lewat."
        ) % {"due": information_request.current_due.strftime("%d-%m-%Y")}
    window = filing_window(arose, calendar_for_agency(agency))
    if today > window.due:
        return _("Batas pengajuan keberatan (30 hari kerja) telah lewat: %(due)s.") % {
            "due": window.due.strftime("%d-%m-%Y")
        }
    return None


@never_cache
@closed_when_retired
@require_http_methods(["GET", "POST"])
def new_objection(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    if request.method != "POST":
        return render(request, "objections/form.html", {"form": ObjectionForm()})
    key = idempotency.key_from(request.POST)
    if idempotency.earlier(_SCOPE, key) is not None:
        return render(request, "objections/already_filed.html")
    form = ObjectionForm(request.POST)
    information_request = None
    if form.is_valid():
        information_request = _linked_request(form, agency)
        if information_request is not None:
            refused = _filing_refusal(information_request, agency)
            if refused:
                form.add_error(None, refused)
    if form.is_valid() and not hit_and_check(request, "objection", OBJECTIONS_PER_HOUR, 3600):
        form.add_error(None, _("Terlalu banyak keberatan dari perangkat ini dalam satu jam."))
        return render(request, "objections/form.html", {"form": form}, status=429)
    if not form.is_valid():
        return render(request, "objections/form.html", {"form": form}, status=400)
    data = form.cleaned_data
    details = ObjectionDetails(
        grounds=data["grounds"],
        case_summary=data["case_summary"],
        purpose=data["purpose"],
        objector_name=data["objector_name"],
        address=data["address"],
        phone=data["phone"],
        email=data["email"],
        information_request=information_request,
    )
    codes: list[str] = []

    def create() -> Objection:
        objection, code = register_objection(
            agency=agency,
            details=details,
            received_at=agency.now(),
            actor=Actor.from_request(request),
        )
        codes.append(code)
        return objection

    try:
        outcome = idempotency.submit_once(_SCOPE, key, agency=agency, create=create)
    except ValidationError as error:
        uncount(visitor_key(request, "objection"))
        form.add_error(None, error)
        return render(request, "objections/form.html", {"form": form}, status=400)
    if outcome.created is None:
        return render(request, "objections/already_filed.html")
    request.session[_RECEIPT] = {"id": outcome.created.pk, "code": codes[0], "at": time.time()}
    _grant(request, outcome.created.pk)
    return redirect("objections:receipt")


def _from_receipt(request: HttpRequest) -> tuple[Objection, str | None]:
    receipt = request.session.get(_RECEIPT)
    if not _fresh(receipt):
        raise Http404
    objection = Objection.objects.select_related("agency", "information_request").get(
        pk=receipt["id"]
    )
    return objection, receipt.get("code")


@never_cache
def receipt(request: HttpRequest) -> HttpResponse:
    objection, code = _from_receipt(request)
    if code:  # shown once
        request.session[_RECEIPT] = {**request.session[_RECEIPT], "code": None}
    context = {"o": objection, "code": code, "due": clock.answer_deadline(objection)}
    return render(request, "objections/receipt.html", context)


def _too_many_downloads(request: HttpRequest) -> HttpResponse | None:
    if not hit_and_check(request, "objection-download", DOWNLOADS_PER_HOUR, 3600):
        response = HttpResponse(
            _("Terlalu banyak unduhan dalam satu jam. Silakan coba lagi nanti."), status=429
        )
        response["Retry-After"] = "3600"
        return response
    return None


@never_cache
def receipt_pdf(request: HttpRequest) -> HttpResponse:
    refused = _too_many_downloads(request)
    if refused:
        return refused
    objection, _code = _from_receipt(request)
    response = HttpResponse(documents.receipt_pdf(objection), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="tanda-terima-keberatan-{objection.pk}.pdf"'
    )
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        valid = form.is_valid()
        if not hit_and_check(request, "objection-track", TRACKING_TRIES_PER_HOUR, 3600):
            form.add_error(None, _("Terlalu banyak percobaan. Silakan coba lagi dalam satu jam."))
        elif valid:
            number = form.cleaned_data["number"].strip().upper()
            number_key = subject_key("objection-track-number", number)
            if count(number_key, 3600) > TRACKING_FAILURES_PER_NUMBER:
                form.add_error(None, _("Terlalu banyak percobaan untuk nomor ini."))
            else:
                found = track_objection(number, form.cleaned_data["code"])
                if found:
                    uncount(number_key)
                    _grant(request, found.pk)
                    return redirect("objections:track-detail")
                form.add_error(None, _("Nomor keberatan atau kode lacak tidak cocok."))
    return render(request, "objections/track.html", {"form": form})


def _tracked(request: HttpRequest) -> Objection:
    grant = request.session.get(_TRACKED)
    if not _fresh(grant):
        request.session.pop(_TRACKED, None)
        raise Http404
    return Objection.objects.select_related("agency", "information_request").get(pk=grant["id"])


@never_cache
def track_detail(request: HttpRequest) -> HttpResponse:
    objection = _tracked(request)
    today = objection.agency.today()
    return render(
        request,
        "objections/track_detail.html",
        {
            "o": objection,
            "due": clock.answer_deadline(objection),
            "dispute": clock.dispute_for(objection, today),
            "today": today,
            "steps": objection.dispute_steps.all(),
        },
    )


@never_cache
def dossier(request: HttpRequest) -> HttpResponse:
    refused = _too_many_downloads(request)
    if refused:
        return refused
    objection = _tracked(request)
    today = objection.agency.today()
    if clock.dispute_for(objection, today) is None and not objection.dispute_steps.exists():
        raise Http404  # no dispute is possible (yet): nothing to take to the Komisi Informasi
    response = HttpResponse(documents.dossier_zip(objection, today), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="berkas-sengketa-{objection.pk}.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


def register(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    # The stored count and, for a deep page, a bookmark (core/bookmarks.py; issue 22).
    paginator = bookmarks.BookmarkedPaginator(
        public_register(agency).order_by(*lists.ORDER),
        25,
        list_key=lists.list_key(agency.pk),
        order=lists.ORDER,
    )
    page = paginator.get_page(parse_page(request.GET.get("halaman")))
    rows = register_rows(page.object_list, agency.zone)
    return render(request, "objections/register.html", {"page": page, "rows": rows})
