"""Public pages of the SKM: the list of open surveys, the questionnaire, and the results."""

from __future__ import annotations

from decimal import Decimal

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from lontar.agencies.selectors import agency_for_request
from lontar.survey import ratelimit, selectors, services
from lontar.survey.forms import QuestionnaireForm, answer_field_name
from lontar.survey.models import SurveyUnit

# The element-score chart: one horizontal bar per element on the 1..4 scale (full width = 4).
CHART_ROW_HEIGHT = 28
CHART_TOP = 8
CHART_BAR_X = 260
CHART_BAR_WIDTH = 320


def _agency_or_404(request: HttpRequest):
    agency = agency_for_request(request)
    if agency is None:
        raise Http404("Situs ini belum terhubung dengan instansi.")
    return agency


def survey_index(request: HttpRequest) -> HttpResponse:
    agency = _agency_or_404(request)
    periods = list(selectors.open_periods(agency, selectors.today_for(agency)))
    return render(request, "survey/index.html", {"periods": periods})


@require_http_methods(["GET", "POST"])
def questionnaire(request: HttpRequest, unit_slug: str) -> HttpResponse:
    agency = _agency_or_404(request)
    today = selectors.today_for(agency)
    period = selectors.open_period_for_unit(agency, unit_slug, today)
    if period is None:
        unit = SurveyUnit.objects.filter(agency=agency, slug=unit_slug).first()
        if unit is None:
            raise Http404("Unit layanan tidak ditemukan.")
        return render(request, "survey/closed.html", {"unit": unit}, status=404)

    limited = False
    status = 200
    if request.method == "POST":
        form = QuestionnaireForm(request.POST, period=period)
        if ratelimit.is_limited(request):
            limited = True
            status = 429
        elif form.is_valid():
            try:
                services.submit_response(
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
                )
            except services.MissingAnswers as exc:  # the form requires all; kept for safety
                for key in exc.missing:
                    form.add_error(answer_field_name(key), str(exc))
            else:
                ratelimit.record_submission(request)
                return redirect(reverse("survey:thanks", args=[period.unit.slug]))
        if not limited and form.errors:
            status = 400
    else:
        form = QuestionnaireForm(period=period)
    return render(
        request,
        "survey/questionnaire.html",
        {"period": period, "unit": period.unit, "form": form, "limited": limited},
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
    units = []
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
