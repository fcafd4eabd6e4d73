"""The admin step that publishes (freezes) a period's SKM result."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lontar.agencies.admin_scoping import scope_queryset
from lontar.survey import ikm, services
from lontar.survey.models import SurveyPeriod

PUBLISH_URL_NAME = "survey_publish_period"


def publish_url(period: SurveyPeriod) -> str:
    return reverse(PUBLISH_URL_NAME, args=[period.pk])


@require_http_methods(["GET", "POST"])
def publish_period(request: HttpRequest, pk: int) -> HttpResponse:
    # Publishing freezes the period: the same right as changing it.
    if not request.user.has_perm("survey.change_surveyperiod"):
        raise PermissionDenied
    # Another agency's period is simply not found, as in the scoped listings.
    visible = scope_queryset(SurveyPeriod.objects.all(), request.user, SurveyPeriod.agency_scope)
    period = get_object_or_404(visible.select_related("unit", "agency"), pk=pk)
    index_url = reverse("wagtailsnippets_survey_surveyperiod:list")

    if request.method == "POST" and not period.is_published:
        try:
            services.publish_period(period, by=request.user)
        except ikm.SurveyError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("Hasil %(period)s diterbitkan: IKM %(index)s (%(grade)s, %(label)s).")
                % {
                    "period": period,
                    "index": period.index,
                    "grade": period.grade,
                    "label": period.label,
                },
            )
            return redirect(index_url)

    preview = None
    preview_error = ""
    if not period.is_published:
        answers = list(period.responses.values_list("answers", flat=True))
        try:
            preview = ikm.compute_ikm(answers)
        except ikm.SurveyError as exc:
            preview_error = str(exc)
    title = _("Terbitkan hasil survei")
    return TemplateResponse(
        request,
        "survey/admin/publish.html",
        {
            "period": period,
            "preview": preview,
            "preview_error": preview_error,
            "required_sample": period.required_sample,
            "index_url": index_url,
            "page_title": title,
            "header_title": title,
            "page_subtitle": str(period),
            "header_icon": "doc-full",
        },
    )
