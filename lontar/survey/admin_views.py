"""Admin views of the survey app: publishing (freezing) a period, and the page feedback report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Page
from wagtail.permissions import policy_registry

from lontar.agencies.selectors import agencies_visible_to
from lontar.core.audit import Actor
from lontar.core.params import clean_text
from lontar.survey import ikm, selectors, services, states
from lontar.survey.models import PageFeedback, SurveyPeriod

PUBLISH_URL_NAME = "survey_publish_period"


def publish_url(period: SurveyPeriod) -> str:
    return reverse(PUBLISH_URL_NAME, args=[period.pk])


@require_http_methods(["GET", "POST"])
def publish_period(request: HttpRequest, pk: int) -> HttpResponse:
    """The period's actions page: the publish preview, and the buttons the workflow allows
    (publish, close, reopen). POST `action` names one; without it, "publish"."""
    # Publishing freezes the period: the same right as changing it. Another agency's period is
    # simply not found, as in the scoped listings.
    period = selectors.get_period_for_staff(request.user, pk)
    index_url = reverse("wagtailsnippets_survey_surveyperiod:list")

    if request.method == "POST":
        action = clean_text(request.POST.get("action"), "action", max_length=40) or "publish"
        if action in states.WORKFLOW.actions and not request.user.has_perm(
            states.WORKFLOW.transition(action).permission
        ):
            raise PermissionDenied
        try:
            services.perform(period, action, actor=Actor.from_request(request))
        except ikm.SurveyError as exc:
            messages.error(request, str(exc))
        else:
            if action == "publish":
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
            else:
                messages.success(
                    request,
                    _("%(period)s: %(action)s.")
                    % {"period": period, "action": states.ACTION_LABELS[action]},
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
    allowed = services.allowed_actions(period, request.user)
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
            "can_publish": "publish" in allowed,
            "other_actions": [
                (action, states.ACTION_LABELS[action]) for action in allowed if action != "publish"
            ],
            "page_title": title,
            "header_title": title,
            "page_subtitle": str(period),
            "header_icon": "doc-full",
        },
    )


# --- "Umpan balik halaman": what readers said at the foot of the agency's pages -------------

FEEDBACK_REPORT_URL_NAME = "survey_page_feedback_report"
COMMENTS_PER_PAGE = 3
REPORT_PAGE_LIMIT = 200
MAX_COMMENTS = REPORT_PAGE_LIMIT * COMMENTS_PER_PAGE


def may_see_page_feedback(user) -> bool:
    """Staff who may publish pages (editors, agency admins) read their readers' feedback.

    Page permissions rather than a model permission: they are what makes someone responsible
    for the agency's pages, and they already come with the roles. (Wagtail counts "add" as
    "change" for one's own pages, so "change" would let every writer in too.)
    """
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return policy_registry.get_by_type(Page).user_has_any_permission(user, ["publish"])


def feedback_scope(user) -> Q:
    """Feedback on pages under the site root of an agency the user may manage."""
    if user.is_superuser:
        return Q()
    roots = [
        agency.site.root_page.path
        for agency in agencies_visible_to(user).select_related("site__root_page")
        if agency.site is not None
    ]
    scope = Q(pk__in=[])
    for path in roots:
        scope |= Q(page__path__startswith=path)
    return scope


@dataclass
class PageFeedbackRow:
    page_id: int
    title: str
    helpful: int
    not_helpful: int
    latest: object
    comments: list[Mapping[str, object]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.helpful + self.not_helpful

    @property
    def helpful_share(self) -> Decimal:
        return ikm.round_nrr(Decimal(self.helpful * 100) / self.total) if self.total else Decimal(0)


def page_feedback_rows(user) -> list[PageFeedbackRow]:
    """Pages with feedback, the least helpful first, each with its latest comments (2 queries)."""
    feedback = PageFeedback.objects.filter(feedback_scope(user))
    counts = (
        feedback.values("page_id", "page__title")
        .annotate(
            yes_count=Count("pk", filter=Q(helpful=True)),
            no_count=Count("pk", filter=Q(helpful=False)),
            latest=Max("created_at"),
        )
        .order_by("-no_count", "yes_count", "page__title")[:REPORT_PAGE_LIMIT]
    )
    rows = {
        row["page_id"]: PageFeedbackRow(
            page_id=row["page_id"],
            title=row["page__title"],
            helpful=row["yes_count"],
            not_helpful=row["no_count"],
            latest=row["latest"],
        )
        for row in counts
    }
    recent = (
        feedback.filter(page_id__in=list(rows))
        .exclude(comment="")
        .order_by("-created_at", "-pk")
        .values("page_id", "helpful", "comment", "created_at")[
            : REPORT_PAGE_LIMIT * COMMENTS_PER_PAGE
        ]
    )
    for comment in recent:
        comments = rows[comment["page_id"]].comments
        if len(comments) < COMMENTS_PER_PAGE:
            comments.append(comment)
    return list(rows.values())


def page_feedback_report(request: HttpRequest) -> HttpResponse:
    if not may_see_page_feedback(request.user):
        raise PermissionDenied
    title = _("Umpan balik halaman")
    return TemplateResponse(
        request,
        "survey/admin/page_feedback_report.html",
        {
            "rows": page_feedback_rows(request.user),
            "comments_per_page": COMMENTS_PER_PAGE,
            "page_title": title,
            "header_title": title,
            "header_icon": "help",
        },
    )
