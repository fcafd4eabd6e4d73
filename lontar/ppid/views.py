"""Citizens' side of information requests: ask, get a receipt, track, read the register."""

from __future__ import annotations

import csv
import time
from importlib import import_module
from typing import Any, TypeGuard
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from lontar.agencies.calendar import calendar_for_agency
from lontar.agencies.selectors import agency_for_request, ppid_page_profiles
from lontar.core import bookmarks, idempotency
from lontar.core.client import client_ip
from lontar.core.exports import safe_row
from lontar.core.faults import StorageUnavailable
from lontar.core.models import SubmissionKey
from lontar.core.params import choice, clean_text, parse_page, parse_year
from lontar.core.ratelimit import (
    count,
    hit_and_check,
    subject_key,
    uncount,
    visitor_key,
)
from lontar.core.retirement import closed_when_retired
from lontar.ppid import costs, lists
from lontar.ppid.documents import stored_receipt
from lontar.ppid.forms import RequestForm, TrackForm
from lontar.ppid.models import (
    InformationRequest,
    Notice,
    RegistrationCounter,
    ReleasedDocument,
)
from lontar.ppid.privacy_services import privacy_notice_for
from lontar.ppid.register import REGISTER_COLUMNS, column_headings, register_values
from lontar.ppid.selectors import notices_with_delivery, public_register, track_request
from lontar.ppid.services import RequesterDetails, register_request, settings_for
from lontar.ppid.states import Decision, Status

REQUESTS_PER_HOUR = 5
DOWNLOADS_PER_HOUR = 30
TRACKING_TRIES_PER_HOUR = 20
# Wrong codes tried against one number, from anywhere: many addresses cannot share out a guess.
TRACKING_FAILURES_PER_NUMBER = 10
# How long a browser that proved the code (or just filed the request) may open it: a shared or
# stolen session must not open a requester's documents for the session's whole life.
TRACKED_GRANT_SECONDS = 30 * 60
_RECEIPT = "ppid_receipt"
_TRACKED = "ppid_tracked"
_SCOPE = "ppid.request"
_FORM_SHOWN = "ppid_form_shown"
# How long a POST that lost a race with its twin waits for the twin's receipt in the session.
RACE_WAIT_SECONDS = 3.0
# ... and only when the key was claimed this recently (its twin may still be filing it).
RACE_WINDOW_SECONDS = 15.0


def _grant(request: HttpRequest, pk: int) -> None:
    request.session[_TRACKED] = {"id": pk, "at": time.time()}


def _fresh(grant: object) -> TypeGuard[dict[str, Any]]:
    return (
        isinstance(grant, dict)
        and isinstance(grant.get("at"), (int, float))
        and 0 <= time.time() - grant["at"] <= TRACKED_GRANT_SECONDS
    )


def _agency(request: HttpRequest):
    agency = agency_for_request(request)
    if agency is None:
        raise Http404
    return agency


def _costs(agency) -> dict[str, str]:
    """The agency's own tariff (or "free" until it decides) and that viewing is free."""
    return {
        "tariff": costs.tariff_statement(settings_for(agency).copy_tariff),
        "viewing_free": costs.viewing_is_free(),
    }


def index(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    return render(
        request,
        "ppid/public/index.html",
        {
            "ppid_settings": settings_for(agency),
            # What this agency decided, said as such: the clock follows the same setting.
            "cuti_bersama_counts": calendar_for_agency(agency).cuti_bersama_is_working_day,
            "officials": ppid_page_profiles(agency),
            **_costs(agency),
        },
    )


@never_cache
@closed_when_retired
@require_http_methods(["GET", "POST"])
def new_request(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    ppid_settings = settings_for(agency)
    form_kwargs: dict[str, Any] = {
        "require_identity_scan": ppid_settings.require_identity_scan,
        "privacy_text": privacy_notice_for(agency),
    }
    page = {"ppid_settings": ppid_settings, **_costs(agency)}
    if request.method == "POST":
        key = idempotency.key_from(request.POST)
        earlier = idempotency.earlier(_SCOPE, key)
        if earlier is not None:  # a double click or a retried POST: nothing new is filed
            return _already_filed(request, earlier)
        form = RequestForm(request.POST, request.FILES, **form_kwargs)
        valid = form.is_valid()
        # Only complete submissions count, and counting is the check (one atomic increment),
        # so a burst of parallel posts gets exactly the hourly allowance.
        if valid and not hit_and_check(request, "ppid-request", REQUESTS_PER_HOUR, 3600):
            form.add_error(
                None,
                _(
                    "Terlalu banyak permohonan dari perangkat ini dalam satu jam. "
                    "Silakan coba lagi nanti atau hubungi meja layanan PPID."
                ),
            )
            return render(
                request, "ppid/public/request_form.html", {"form": form, **page}, status=429
            )
        if valid:
            details = RequesterDetails.from_cleaned(form.cleaned_data)
            codes: list[str] = []

            def register() -> InformationRequest:
                information_request, code = register_request(
                    agency=agency,
                    details=details,
                    received_at=agency.now(),
                    channel=InformationRequest.Channel.WEB,
                    ip=client_ip(request) or None,
                )
                codes.append(code)
                return information_request

            def hand_receipt(information_request: InformationRequest) -> None:
                # Written into the (database) session inside the request's own transaction:
                # a worker killed after the commit cannot leave a filed request whose retry
                # finds no receipt. Saved now, not after the response: a twin POST (double
                # click) waits for it.
                request.session[_RECEIPT] = {
                    "id": information_request.pk,
                    "code": codes[0],
                    "at": time.time(),
                }
                _grant(request, information_request.pk)
                request.session.save()

            # Stored and committed, with its idempotency key, before the receipt is shown.
            try:
                outcome = idempotency.submit_once(
                    _SCOPE, key, agency=agency, create=register, then=hand_receipt
                )
            except StorageUnavailable as error:  # nothing stored; the message sits by the file
                uncount(visitor_key(request, "ppid-request"))  # nothing was filed
                form.add_error(None, error)
                context = {"form": form, **page}
                return render(request, "ppid/public/request_form.html", context, status=503)
            if outcome.created is None:  # lost a race with the same key
                assert outcome.earlier is not None
                uncount(visitor_key(request, "ppid-request"))
                return _already_filed(request, outcome.earlier)
            return redirect("ppid:receipt")
    else:
        form = RequestForm(**form_kwargs)
        # A session from the moment the form is shown, so that both POSTs of a double click
        # carry the same one and the answer the browser keeps (the second) is the receipt.
        request.session[_FORM_SHOWN] = True
    return render(request, "ppid/public/request_form.html", {"form": form, **page})


def _filed_by_this_session(request: HttpRequest, earlier: SubmissionKey, wait: float) -> bool:
    """Whether this browser's session holds the receipt of the request the key created.

    A POST that lost a race with its twin (a double click) may get here before the twin has
    saved the session, so it looks again, from the store, for up to `wait` seconds.
    """
    receipt = request.session.get(_RECEIPT)
    deadline = time.monotonic() + wait
    while True:
        if _fresh(receipt) and str(receipt.get("id")) == earlier.object_id:
            return True
        session_key = request.session.session_key
        if not session_key or time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
        receipt = import_module(settings.SESSION_ENGINE).SessionStore(session_key).get(_RECEIPT)


def _already_filed(request: HttpRequest, earlier: SubmissionKey) -> HttpResponse:
    """The answer to a repeated POST: the receipt again, but only to the session that filed it.

    Another browser holding the same key (a copied page) learns only that the request was
    received, and is pointed to tracking with the code the requester got. Only a request filed
    moments ago may still be on its way into the session, so only then is it worth waiting.
    """
    age = (timezone.now() - earlier.created_at).total_seconds()
    wait = min(RACE_WAIT_SECONDS, max(0.0, RACE_WINDOW_SECONDS - age))
    if _filed_by_this_session(request, earlier, wait):
        return redirect("ppid:receipt")
    return render(request, "ppid/public/already_filed.html")


class _NoGrant(Exception):
    """This browser may not open the receipt or the tracking result (any more)."""

    def __init__(self, stale: object) -> None:
        super().__init__()
        self.stale = stale


def _to_tracking_form(request: HttpRequest, stale: object) -> HttpResponse:
    """Later, or on another phone, the receipt and tracking links lead to the tracking form
    instead of a 404 (issue 17). The number is filled in when this very browser filed or
    tracked the request (its session still names it); the code never travels in a URL."""
    url = reverse("ppid:track")
    pk = stale.get("id") if isinstance(stale, dict) else None
    if isinstance(pk, int):
        number = (
            InformationRequest.objects.filter(pk=pk, agency=agency_for_request(request))
            .values_list("number", flat=True)
            .first()
        )
        if number:
            url = f"{url}?{urlencode({'nomor': number})}"
    return redirect(url)


def _forget_all_but_the_id(request: HttpRequest, key: str) -> None:
    """An expired grant keeps only the request's id (no code, no time): enough to fill in the
    number on the tracking form for this browser, never enough to open the request."""
    grant = request.session.pop(key, None)
    if isinstance(grant, dict) and isinstance(grant.get("id"), int):
        request.session[key] = {"id": grant["id"]}


def _from_receipt(request: HttpRequest) -> tuple[InformationRequest, str | None]:
    receipt = request.session.get(_RECEIPT)
    if not _fresh(receipt):
        _forget_all_but_the_id(request, _RECEIPT)
        raise _NoGrant(receipt)
    information_request = (
        InformationRequest.objects.select_related("agency").filter(pk=receipt["id"]).first()
    )
    if information_request is None:  # a receipt whose request never committed
        request.session.pop(_RECEIPT, None)
        raise Http404
    return information_request, receipt.get("code")


@never_cache
def receipt(request: HttpRequest) -> HttpResponse:
    try:
        information_request, code = _from_receipt(request)
    except _NoGrant as missing:
        return _to_tracking_form(request, missing.stale)
    if code:
        # Shown once: the plaintext code must not sit in the session store for its lifetime.
        request.session[_RECEIPT] = {**request.session[_RECEIPT], "code": None}
    return render(
        request,
        "ppid/public/receipt.html",
        {"r": information_request, "code": code, **_costs(information_request.agency)},
    )


def _too_many_downloads(request: HttpRequest) -> HttpResponse | None:
    """Count this download; past the hourly limit answer 429 with a page saying when to retry."""
    if not hit_and_check(request, "ppid-download", DOWNLOADS_PER_HOUR, 3600):
        response = render(
            request,
            "ppid/public/too_many_downloads.html",
            {"limit": DOWNLOADS_PER_HOUR},
            status=429,
        )
        response["Retry-After"] = "3600"
        return response
    return None


@never_cache
def receipt_download(request: HttpRequest) -> HttpResponse:
    refused = _too_many_downloads(request)
    if refused:
        return refused
    try:
        information_request, _code = _from_receipt(request)
    except _NoGrant as missing:
        return _to_tracking_form(request, missing.stale)
    # A small stored file, read whole: no PDF is built here after the first time.
    with stored_receipt(information_request).open("rb") as stored:
        response = HttpResponse(stored.read(), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="tanda-terima-{information_request.pk}.pdf"'
    )
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    # `?nomor=` fills in the registration number (links in receipts and e-mails); never the code.
    number = clean_text(request.GET.get("nomor"), "nomor", max_length=80)
    form = TrackForm(
        request.POST if request.method == "POST" else None,
        initial={"number": number} if number else None,
    )
    if request.method == "POST":
        valid = form.is_valid()  # add_error() needs the cleaned form, even when refusing
        if not hit_and_check(request, "ppid-track", TRACKING_TRIES_PER_HOUR, 3600):
            form.add_error(None, _("Terlalu banyak percobaan. Silakan coba lagi dalam satu jam."))
        elif valid:
            number = form.cleaned_data["number"].strip().upper()
            # Counted before the code is checked, so parallel guesses cannot all slip in; a
            # right code gives its count back.
            number_key = subject_key("ppid-track-number", number)
            if count(number_key, 3600) > TRACKING_FAILURES_PER_NUMBER:
                form.add_error(
                    None,
                    _(
                        "Terlalu banyak percobaan untuk nomor ini. Silakan coba "
                        "lagi dalam satu jam atau hubungi meja layanan PPID."
                    ),
                )
            else:
                found = track_request(form.cleaned_data["number"], form.cleaned_data["code"])
                if found:
                    uncount(number_key)
                    _grant(request, found.pk)
                    return redirect("ppid:track-detail")
                form.add_error(None, _("Nomor pendaftaran atau kode lacak tidak cocok."))
    return render(request, "ppid/public/track.html", {"form": form})


def _tracked(request: HttpRequest) -> InformationRequest:
    grant = request.session.get(_TRACKED)
    if not _fresh(grant):
        _forget_all_but_the_id(request, _TRACKED)
        raise _NoGrant(grant)
    return InformationRequest.objects.select_related("agency", "assigned_unit").get(pk=grant["id"])


@never_cache
def track_detail(request: HttpRequest) -> HttpResponse:
    try:
        information_request = _tracked(request)
    except _NoGrant as missing:
        return _to_tracking_form(request, missing.stale)
    return render(
        request,
        "ppid/public/track_detail.html",
        {
            "r": information_request,
            "events": information_request.events.exclude(public_note=""),
            "documents": information_request.documents.all(),
            "notices": notices_with_delivery(information_request),
        },
    )


@never_cache
def tracked_file(request: HttpRequest, kind: str, pk: int = 0) -> HttpResponse | FileResponse:
    refused = _too_many_downloads(request)
    if refused:
        return refused
    try:
        information_request = _tracked(request)
    except _NoGrant as missing:
        return _to_tracking_form(request, missing.stale)
    if kind == "pemberitahuan" and information_request.notice_pdf:
        field, name = information_request.notice_pdf, "pemberitahuan-tertulis.pdf"
    elif kind == "surat":  # a notice, exactly as it was sent
        notice = Notice.objects.filter(pk=pk, information_request=information_request).first()
        if notice is None or not notice.pdf:
            raise Http404
        field, name = notice.pdf, f"surat-{notice.kind}-{notice.sequence}.pdf"
    elif kind == "dokumen":
        document = ReleasedDocument.objects.filter(
            pk=pk, information_request=information_request
        ).first()
        if document is None:
            raise Http404
        field, name = document.file, document.file.name.rsplit("/", 1)[-1]
    else:
        raise Http404
    response = FileResponse(field.open("rb"), as_attachment=True, filename=name)
    response["Cache-Control"] = "private, no-store"
    return response


def _register_rows(request: HttpRequest, agency):
    rows = public_register(agency)
    # Through core.params: "²" passes str.isdigit() but not int(), and 5,000 digits overflow.
    year = parse_year(request.GET.get("tahun"))
    status = choice(request.GET.get("status"), "status", frozenset(Status.values))
    decision = choice(request.GET.get("keputusan"), "keputusan", frozenset(Decision.values))
    if year is not None:
        rows = rows.filter(year=year)
    if status:
        rows = rows.filter(status=status)
    if decision:
        rows = rows.filter(decision=decision)
    return rows, {
        "tahun": "" if year is None else str(year),
        "status": status,
        "keputusan": decision,
    }


def register(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    rows, filters = _register_rows(request, agency)
    page_number = parse_page(request.GET.get("halaman"))
    # The page's ids first, read along the (agency, received_at) index alone, then their rows:
    # an OFFSET deep in the register (page 500) then walks index entries, not 12,500 rows
    # (issue 22).
    ids = rows.order_by(*lists.ORDER).values_list("pk", flat=True)
    if any(filters.values()):
        page = Paginator(ids, 25).get_page(page_number)
    else:  # the whole register: its stored count, and a deep page from a bookmark
        paginator = bookmarks.BookmarkedPaginator(
            ids, 25, list_key=lists.list_key(agency.pk), order=lists.ORDER
        )
        page = paginator.get_page(page_number)
    by_pk = rows.select_related("agency").in_bulk(list(page.object_list))
    page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    # The years that gave registration numbers: one counter row a year, not a scan of every
    # request for its distinct years (issue 22).
    years = (
        RegistrationCounter.objects.filter(agency=agency, last_number__gt=0)
        .values_list("year", flat=True)
        .order_by("-year")
    )
    return render(
        request,
        "ppid/public/register.html",
        {
            "page": page,
            "rows": [register_values(item) for item in page.object_list],
            "columns": REGISTER_COLUMNS,
            "filters": filters,
            "years": years,
            "statuses": Status.choices,
            "decisions": Decision.choices,
            "query": request.GET.urlencode(),
        },
    )


def register_csv(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    rows, _filters = _register_rows(request, agency)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="register-permohonan-{agency.slug}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(column_headings())
    for item in rows.select_related("agency").iterator():
        writer.writerow(safe_row(register_values(item)))
    return response
