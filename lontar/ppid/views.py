"""Citizens' side of information requests: ask, get a receipt, track, read the register."""

from __future__ import annotations

import csv

from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from lontar.agencies.selectors import agency_for_request
from lontar.core.params import choice, parse_page, parse_year
from lontar.core.ratelimit import client_ip, hit, is_limited
from lontar.ppid.deadlines import local_date
from lontar.ppid.documents import receipt_pdf
from lontar.ppid.forms import RequestForm, TrackForm
from lontar.ppid.models import InformationRequest, ReleasedDocument
from lontar.ppid.selectors import public_register, track_request
from lontar.ppid.services import RequesterDetails, register_request, settings_for
from lontar.ppid.states import Decision, Status

REQUESTS_PER_HOUR = 5
TRACKING_TRIES_PER_HOUR = 20
_RECEIPT = "ppid_receipt"
_TRACKED = "ppid_tracked"


def _agency(request: HttpRequest):
    agency = agency_for_request(request)
    if agency is None:
        raise Http404
    return agency


def index(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    return render(request, "ppid/public/index.html", {"ppid_settings": settings_for(agency)})


@never_cache
@require_http_methods(["GET", "POST"])
def new_request(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    ppid_settings = settings_for(agency)
    form_kwargs = {"require_identity_scan": ppid_settings.require_identity_scan}
    if request.method == "POST":
        form = RequestForm(request.POST, request.FILES, **form_kwargs)
        if is_limited(request, "ppid-request", REQUESTS_PER_HOUR):
            form.add_error(None, _("Terlalu banyak permohonan dari perangkat ini dalam satu jam. "
                                   "Silakan coba lagi nanti atau hubungi meja layanan PPID."))
            return render(request, "ppid/public/request_form.html",
                          {"form": form, "ppid_settings": ppid_settings}, status=429)
        if form.is_valid():
            data = form.cleaned_data
            details = RequesterDetails(
                name=data["name"], identity_kind=data["identity_kind"], nik=data.get("nik", ""),
                legal_entity_decree=data.get("legal_entity_decree", ""),
                address=data["address"], phone=data["phone"], email=data["email"],
                occupation=data["occupation"],
                information_requested=data["information_requested"], purpose=data["purpose"],
                obtain_method=data["obtain_method"], delivery_method=data["delivery_method"],
                files={"identity_scan": data.get("identity_scan"),
                       "proxy_letter": data.get("proxy_letter")},
            )
            # Stored and committed before the confirmation page is shown.
            with transaction.atomic():
                information_request, code = register_request(
                    agency=agency, details=details, received_at=timezone.now(),
                    channel=InformationRequest.Channel.WEB, ip=client_ip(request) or None,
                )
            hit(request, "ppid-request", 3600)
            request.session[_RECEIPT] = {"id": information_request.pk, "code": code}
            request.session[_TRACKED] = information_request.pk
            return redirect("ppid:receipt")
    else:
        form = RequestForm(**form_kwargs)
    return render(request, "ppid/public/request_form.html",
                  {"form": form, "ppid_settings": ppid_settings})


def _from_receipt(request: HttpRequest) -> tuple[InformationRequest, str]:
    receipt = request.session.get(_RECEIPT)
    if not receipt:
        raise Http404
    information_request = InformationRequest.objects.select_related("agency").get(
        pk=receipt["id"]
    )
    return information_request, receipt["code"]


@never_cache
def receipt(request: HttpRequest) -> HttpResponse:
    information_request, code = _from_receipt(request)
    return render(request, "ppid/public/receipt.html", {"r": information_request, "code": code})


@never_cache
def receipt_download(request: HttpRequest) -> HttpResponse:
    information_request, code = _from_receipt(request)
    response = HttpResponse(receipt_pdf(information_request, code),
                            content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="tanda-terima-{information_request.pk}.pdf"'
    )
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    if request.method == "POST":
        if is_limited(request, "ppid-track", TRACKING_TRIES_PER_HOUR):
            form.add_error(None, _("Terlalu banyak percobaan. Silakan coba lagi dalam satu jam."))
        elif form.is_valid():
            hit(request, "ppid-track", 3600)
            found = track_request(form.cleaned_data["number"], form.cleaned_data["code"])
            if found:
                request.session[_TRACKED] = found.pk
                return redirect("ppid:track-detail")
            form.add_error(None, _("Nomor pendaftaran atau kode lacak tidak cocok."))
    return render(request, "ppid/public/track.html", {"form": form})


def _tracked(request: HttpRequest) -> InformationRequest:
    pk = request.session.get(_TRACKED)
    if not pk:
        raise Http404
    return InformationRequest.objects.select_related("agency", "assigned_unit").get(pk=pk)


@never_cache
def track_detail(request: HttpRequest) -> HttpResponse:
    information_request = _tracked(request)
    return render(request, "ppid/public/track_detail.html", {
        "r": information_request,
        "events": information_request.events.exclude(public_note=""),
        "documents": information_request.documents.all(),
    })


@never_cache
def tracked_file(request: HttpRequest, kind: str, pk: int = 0) -> FileResponse:
    information_request = _tracked(request)
    if kind == "pemberitahuan" and information_request.notice_pdf:
        field, name = information_request.notice_pdf, "pemberitahuan-tertulis.pdf"
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
    return rows, {"tahun": "" if year is None else str(year), "status": status,
                  "keputusan": decision}


REGISTER_COLUMNS = [
    _("Nomor pendaftaran"), _("Tanggal permohonan"), _("Ringkasan permohonan"), _("Status"),
    _("Keputusan"), _("Alasan penolakan"), _("Tanggal pemberitahuan tertulis"),
    _("Biaya (Rp)"),
]


def _register_values(item: InformationRequest) -> list[str]:
    # Only what the public register shows: no name, address, NIK, phone or e-mail.
    tz = item.agency.time_zone
    return [
        item.number,
        local_date(item.received_at, tz).isoformat(),
        item.public_summary or _("(ringkasan sedang disusun petugas)"),
        item.get_status_display(),
        item.get_decision_display() if item.decision else "",
        item.refusal_ground,
        local_date(item.answered_at, tz).isoformat() if item.answered_at else "",
        str(item.cost_amount) if item.answered_at else "",
    ]


def register(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    rows, filters = _register_rows(request, agency)
    page_number = parse_page(request.GET.get("halaman"))
    page = Paginator(rows.select_related("agency"), 25).get_page(page_number)
    years = (InformationRequest.objects.filter(agency=agency).values_list("year", flat=True)
             .distinct().order_by("-year"))
    return render(request, "ppid/public/register.html", {
        "page": page,
        "rows": [_register_values(item) for item in page.object_list],
        "columns": REGISTER_COLUMNS,
        "filters": filters,
        "years": years,
        "statuses": Status.choices,
        "decisions": Decision.choices,
        "query": request.GET.urlencode(),
    })


def register_csv(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    rows, _filters = _register_rows(request, agency)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="register-permohonan-{agency.slug}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow([str(column) for column in REGISTER_COLUMNS])
    for item in rows.select_related("agency").iterator():
        writer.writerow(_register_values(item))
    return response
