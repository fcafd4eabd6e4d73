"""Public pages of the SKM: the list of open surveys, the questionnaire, and the results."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page, Site

from lontar.agencies.selectors import agency_for_request
from lontar.core import idempotency
from lontar.core.params import clean_text
from lontar.core.ratelimit import hit_and_check
from lontar.core.retirement import closed_when_retired
from lontar.core.sameorigin import same_origin_post
from lontar.survey import ratelimit, reports, selectors, services
from lontar.survey.forms import PageFeedbackForm, QuestionnaireForm, answer_field_name
from lontar.survey.models import SurveyInvitation, SurveyUnit

# The element-score chart: one horizontal bar per element on the 1..4 scale (full width = 4).
CHART_ROW_HEIGHT = 28
CHART_TOP = 8
CHART_BAR_X = 320  # room for the longest element name at 12px
CHART_BAR_WIDTH = 330
_RESPONSE_SCOPE = "survey.response"
_FEEDBACK_SCOPE = "survey.page-feedback"


def _agency_or_404(request: HttpRequest):
    agency = agency_for_request(request)
    if agency is None:
        raise Http404("Situs ini belum terhubung dengan instansi.")
    return agency


def survey_index(request: HttpRequest) -> HttpResponse:
    agency = _agency_or_404(request)
    periods = list(selectors.open_periods(agency, agency.today()))
    return render(request, "survey/index.html", {"periods": periods})


def _invitation(request: HttpRequest, unit) -> tuple[str, SurveyInvitation | None]:
    """The token the visitor came with (link or hidden field) and its invitation, if known."""
    source = request.POST if request.method == "POST" else request.GET
    # A NUL would reach PostgreSQL and fail there; control characters answer 400 instead.
    token = clean_text(
        source.get(services.INVITATION_PARAMETER), services.INVITATION_PARAMETER, max_length=64
    )
    if not token:
        return "", None
    return token, SurveyInvitation.objects.filter(unit=unit, token=token).first()


def _invitation_problem(request: HttpRequest, unit, *, used: bool) -> HttpResponse:
    return render(
        request,
        "survey/invitation.html",
        {"unit": unit, "used": used},
        status=410 if used else 404,
    )


@closed_when_retired
@require_http_methods(["GET", "POST"])
def questionnaire(request: HttpRequest, unit_slug: str) -> HttpResponse:
    agency = _agency_or_404(request)
    today = agency.today()
    period = selectors.open_period_for_unit(agency, unit_slug, today)
    if period is None:
        unit = SurveyUnit.objects.filter(agency=agency, slug=unit_slug).first()
        if unit is None:
            raise Http404("Unit layanan tidak ditemukan.")
        return render(request, "survey/closed.html", {"unit": unit}, status=404)

    thanks_url = reverse("survey:thanks", args=[period.unit.slug])
    key = idempotency.key_from(request.POST) if request.method == "POST" else ""
    if idempotency.earlier(_RESPONSE_SCOPE, key) is not None:
        # A double click or a retried POST (even one that used up its invitation): thanks again.
        return redirect(thanks_url)

    token, invitation = _invitation(request, period.unit)
    if token and (invitation is None or invitation.is_used):
        return _invitation_problem(request, period.unit, used=invitation is not None)

    limited = False
    status = 200
    if request.method == "POST":
        form = QuestionnaireForm(request.POST, period=period)
        # An invitation is one response by construction: no need to count the network.
        if invitation is None and ratelimit.is_limited(request):
            limited = True
            status = 429
        elif form.is_valid():
            try:
                outcome = idempotency.submit_once(
                    _RESPONSE_SCOPE,
                    key,
                    agency=agency,
                    create=lambda: services.submit_response(
                        period=period,
                        answers=form.answers(),
                        sex=form.cleaned_data["sex"],
                        age_band=form.cleaned_data["age_band"],
                        education=form.cleaned_data["education"],
                        occupation=form.cleaned_data["occupation"],
                        service_received=form.cleaned_data["service_received"],
                        service_date=form.cleaned_data["service_date"],
                        suggestion=form.cleaned_data["suggestion"],
                        today=today,
                        invitation=invitation,
                    ),
                )
            except services.MissingAnswers as exc:  # the form requires all; kept for safety
                for key in exc.missing:
                    form.add_error(answer_field_name(key), str(exc))
            except services.InvitationUsed:  # used in another tab meanwhile
                return _invitation_problem(request, period.unit, used=True)
            else:
                if invitation is None and outcome.created is not None:
                    ratelimit.record_submission(request)
                return redirect(thanks_url)
        if not limited and form.errors:
            status = 400
    else:
        form = QuestionnaireForm(period=period)
    return render(
        request,
        "survey/questionnaire.html",
        {
            "period": period,
            "unit": period.unit,
            "form": form,
            "limited": limited,
            "invitation": invitation,
            "invitation_parameter": services.INVITATION_PARAMETER,
        },
        status=status,
    )


def thanks(request: HttpRequest, unit_slug: str) -> HttpResponse:
    agency = _agency_or_404(request)
    unit = SurveyUnit.objects.filter(agency=agency, slug=unit_slug).first()
    if unit is None:
        raise Http404("Unit layanan tidak ditemukan.")
    return render(request, "survey/thanks.html", {"unit": unit})


def _bar_chart(chart_id: str, rows: list[tuple[str, object, Decimal]]) -> dict:
    """Geometry of a horizontal bar chart; rows are (label, shown value, share 0..100)."""
    bars = []
    for position, (label, value, share) in enumerate(rows):
        top = CHART_TOP + position * CHART_ROW_HEIGHT
        width = share * CHART_BAR_WIDTH / 100
        bars.append(
            {
                "label": label,
                "value": value,
                "y": top + 4,
                "text_y": top + CHART_ROW_HEIGHT // 2 + 5,
                # Strings, so that the Indonesian decimal comma never reaches an SVG number.
                "width": f"{width:.1f}",
                "value_x": f"{CHART_BAR_X + width + 6:.1f}",
                # The HTML chart's bar length, in percent of the row (readable on a phone).
                "share": f"{share:.1f}",
            }
        )
    return {
        "id": chart_id,
        "bars": bars,
        "height": CHART_TOP * 2 + CHART_ROW_HEIGHT * len(bars),
        "bar_x": CHART_BAR_X,
        "bar_height": CHART_ROW_HEIGHT - 8,
        "label_x": CHART_BAR_X - 8,
    }


def results(request: HttpRequest) -> HttpResponse:
    agency = _agency_or_404(request)
    units: list[dict[str, Any]] = []
    for result in selectors.published_results(agency):
        if not units or units[-1]["unit"].pk != result.period.unit_id:
            units.append({"unit": result.period.unit, "items": []})
        chart = _bar_chart(
            f"chart-{result.period.pk}", [(e.name, e.nrr, e.bar_width) for e in result.elements]
        )
        units[-1]["items"].append({"result": result, "chart": chart})
    for group in units:
        # Oldest first, as a trend reads; the index runs 25..100, so a bar of 100 is full.
        periods = [item["result"].period for item in reversed(group["items"])]
        group["trend"] = periods
        group["trend_chart"] = _bar_chart(
            f"trend-{group['unit'].pk}", [(p.name, p.index, p.index) for p in periods]
        )
    return render(request, "survey/results.html", {"units": units})


def _published_or_404(request: HttpRequest, period_id: int):
    result = selectors.published_result(_agency_or_404(request), period_id)
    if result is None:
        raise Http404("Hasil survei tidak ditemukan.")
    return result


def _download(content: bytes | str, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


REPORT_DOWNLOADS_PER_HOUR = 60


def _report(request: HttpRequest, period_id: int, kind: str, build, content_type: str, name):
    """A published report, built once per published version and served from the cache.

    A published result is frozen, so its report only changes when staff edit what it prints
    (the follow-up plan, the names); those go into the key. Building a PDF costs far more than
    serving it, so an anonymous visitor must not be able to make the server build it on demand,
    and each visitor's downloads are limited too.
    """
    result = _published_or_404(request, period_id)
    if not hit_and_check(request, "skm-report", REPORT_DOWNLOADS_PER_HOUR, 3600):
        response = HttpResponse(
            _("Terlalu banyak unduhan dari perangkat ini dalam satu jam. Silakan coba lagi nanti."),
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "3600"
        return response
    period = result.period
    printed = "|".join(
        (
            str(period.published_at.timestamp()),
            period.name,
            period.unit.name,
            period.follow_up_plan,
            period.agency.name,
            get_language() or "",
        )
    )
    key = f"lontar:skm-report:{period.pk}:{kind}:{hashlib.sha256(printed.encode()).hexdigest()}"
    content = cache.get(key)
    if content is None:
        content = build(result)
        cache.set(key, content, None)
    return _download(content, content_type, name(result))


def report_pdf(request: HttpRequest, period_id: int) -> HttpResponse:
    return _report(
        request,
        period_id,
        "pdf",
        reports.render_pdf,
        "application/pdf",
        lambda result: reports.filename(result, "pdf"),
    )


def report_xlsx(request: HttpRequest, period_id: int) -> HttpResponse:
    return _report(
        request,
        period_id,
        "xlsx",
        reports.render_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda result: reports.filename(result, "xlsx"),
    )


def responses_csv(request: HttpRequest, period_id: int) -> HttpResponse:
    return _report(
        request,
        period_id,
        "csv",
        reports.render_csv,
        "text/csv; charset=utf-8",
        lambda result: reports.filename(result, "csv").replace("skm-", "skm-jawaban-", 1),
    )


# The query parameter that makes the page's feedback box say thank you after a submission.
FEEDBACK_DONE_PARAMETER = "umpan_balik"  # read in the template as request.GET.umpan_balik
FEEDBACK_DONE_VALUE = "terima-kasih"


@same_origin_post  # its form is on cached pages: no token (decision 0021)
@require_POST
@closed_when_retired
def page_feedback(request: HttpRequest, page_id: int) -> HttpResponse:
    """The answer to "Apakah informasi ini membantu?" posted from the foot of a page.

    Works without JavaScript: the page's own form posts here and is sent back to the page,
    whose feedback box then says thank you. Only live, public pages of this site take feedback.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("Situs tidak dikenal.")
    page = (
        Page.objects.live()
        .public()
        .descendant_of(site.root_page, inclusive=True)
        .filter(pk=page_id)
        .first()
    )
    if page is None:
        raise Http404("Halaman tidak ditemukan.")
    page_url = page.get_url(request) or "/"
    thanks_url = f"{page_url}?{FEEDBACK_DONE_PARAMETER}={FEEDBACK_DONE_VALUE}#umpan-balik"
    key = idempotency.key_on_shared_page(request.POST, request)
    if idempotency.earlier(_FEEDBACK_SCOPE, key) is not None:  # a repeat: thanks again
        return redirect(thanks_url)
    form = PageFeedbackForm(request.POST)
    if ratelimit.is_limited(request, ratelimit.PAGE_FEEDBACK):
        context = {"page": page, "page_url": page_url, "form": form, "limited": True}
        return render(request, "survey/page_feedback.html", context, status=429)
    if not form.is_valid():
        context = {"page": page, "page_url": page_url, "form": form, "limited": False}
        return render(request, "survey/page_feedback.html", context, status=400)
    outcome = idempotency.submit_once(
        _FEEDBACK_SCOPE,
        key,
        agency=agency_for_request(request),
        create=lambda: services.record_page_feedback(
            page=page, helpful=form.is_helpful, comment=form.cleaned_data["comment"]
        ),
    )
    if outcome.created is not None:
        ratelimit.record_submission(request, ratelimit.PAGE_FEEDBACK)
    return redirect(thanks_url)
