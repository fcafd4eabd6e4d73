"""Reads of the SKM: open questionnaires and published results of an agency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from lontar.survey import ikm
from lontar.survey.models import SurveyPeriod, SurveyResponse

# Profile field -> (heading, choices), in the order shown on the results page.
PROFILE_DIMENSIONS = (
    ("sex", SurveyResponse._meta.get_field("sex").verbose_name, SurveyResponse.Sex.choices),
    (
        "age_band",
        SurveyResponse._meta.get_field("age_band").verbose_name,
        SurveyResponse.AgeBand.choices,
    ),
    (
        "education",
        SurveyResponse._meta.get_field("education").verbose_name,
        SurveyResponse.Education.choices,
    ),
    (
        "occupation",
        SurveyResponse._meta.get_field("occupation").verbose_name,
        SurveyResponse.Occupation.choices,
    ),
)


def today_for(agency) -> date:
    """Today's date where the agency is, which decides whether a period is running."""
    return agency.today()


def get_period_for_staff(user, pk: int, permission: str = "survey.change_surveyperiod"):
    """A period for the admin: 403 without `permission`, 404 when it does not exist *or*
    belongs to an agency the user does not manage (another agency's record is not confirmed)."""
    from lontar.agencies.admin_scoping import scope_queryset  # admin-only: keep reads light

    if not user.has_perm(permission):
        raise PermissionDenied
    visible = scope_queryset(SurveyPeriod.objects.all(), user, SurveyPeriod.agency_scope)
    return get_object_or_404(visible.select_related("unit", "agency"), pk=pk)


def open_periods(agency, today: date) -> QuerySet[SurveyPeriod]:
    """Periods of the agency accepting responses today, one row per unit and period."""
    return (
        SurveyPeriod.objects.filter(
            agency=agency, is_open=True, starts_on__lte=today, ends_on__gte=today
        )
        .select_related("unit")
        .order_by("unit__sort_order", "unit__name", "-starts_on", "pk")
    )


def open_period_for_unit(agency, unit_slug: str, today: date) -> SurveyPeriod | None:
    """The running period of a unit; the most recently started one if several overlap."""
    return (
        open_periods(agency, today)
        .filter(unit__slug=unit_slug)
        .order_by("-starts_on", "-pk")
        .first()
    )


@dataclass(frozen=True)
class ElementScore:
    key: str
    name: str
    nrr: Decimal  # rounded to 2 places, for display
    index: Decimal  # NRR x 25, rounded to 2 places
    grade: str
    label: str
    bar_width: Decimal  # share of the chart's full width, 0..100


@dataclass(frozen=True)
class ProfileRow:
    label: str
    count: int
    percent: Decimal


@dataclass(frozen=True)
class ProfileDimension:
    heading: str
    rows: tuple[ProfileRow, ...]


@dataclass(frozen=True)
class PublishedResult:
    period: SurveyPeriod
    elements: tuple[ElementScore, ...]
    missing: tuple[str, ...]  # names of elements nobody answered
    required_sample: int | None
    profile: tuple[ProfileDimension, ...] = ()

    @property
    def meets_sample(self) -> bool | None:
        if self.required_sample is None:
            return None
        return (self.period.respondents or 0) >= self.required_sample


def _element_scores(period: SurveyPeriod) -> tuple[ElementScore, ...]:
    scores = period.published_element_scores
    rows = []
    for element in ikm.ELEMENTS:
        if element.key not in scores:
            continue
        nrr = scores[element.key]
        element_index = ikm.round_nrr(nrr * 25)
        grade, label = ikm.grade_for(element_index)
        rows.append(
            ElementScore(
                key=element.key,
                name=element.name,
                nrr=ikm.round_nrr(nrr),
                index=element_index,
                grade=grade,
                label=label,
                bar_width=ikm.round_nrr(nrr / ikm.MAX_SCORE * 100),
            )
        )
    return tuple(rows)


def _profile(period: SurveyPeriod) -> tuple[ProfileDimension, ...]:
    stored = period.respondent_profile or {}
    dimensions = []
    for field, heading, choices in PROFILE_DIMENSIONS:
        counts = stored.get(field) or {}
        total = sum(counts.values())
        if not total:
            continue
        rows = tuple(
            ProfileRow(
                label=str(label),
                count=counts.get(value, 0),
                percent=ikm.round_nrr(Decimal(counts.get(value, 0) * 100) / total),
            )
            for value, label in choices
        )
        dimensions.append(ProfileDimension(heading=str(heading), rows=rows))
    return tuple(dimensions)


def _published_result(period: SurveyPeriod) -> PublishedResult:
    scores = period.element_scores
    return PublishedResult(
        period=period,
        elements=_element_scores(period),
        missing=tuple(e.name for e in ikm.ELEMENTS if e.key not in scores),
        required_sample=period.required_sample,
        profile=_profile(period),
    )


def published_periods(agency) -> QuerySet[SurveyPeriod]:
    """The agency's published periods with their unit, oldest first (the open-data table)."""
    return (
        SurveyPeriod.objects.filter(agency=agency, published_at__isnull=False)
        .select_related("unit")
        .order_by("starts_on", "pk")
    )


def published_results(agency) -> list[PublishedResult]:
    """Every published period of the agency, by unit, newest period first (one query)."""
    periods = (
        SurveyPeriod.objects.filter(agency=agency, published_at__isnull=False)
        .select_related("unit")
        .order_by("unit__sort_order", "unit__name", "unit_id", "-ends_on", "-pk")
    )
    return [_published_result(period) for period in periods]


def published_result(agency, period_id: int) -> PublishedResult | None:
    """One published period of the agency, or None (unpublished, unknown, another agency's)."""
    period = (
        SurveyPeriod.objects.filter(agency=agency, published_at__isnull=False, pk=period_id)
        .select_related("unit", "agency")
        .first()
    )
    return _published_result(period) if period else None


def counted_responses(period: SurveyPeriod) -> QuerySet[SurveyResponse]:
    """The responses a published result was computed from, oldest first.

    A period reopened after publishing may hold later responses; they are not part of the
    published figures and so not part of its open data either.
    """
    responses = period.responses.order_by("pk")
    if period.last_counted_response_id is not None:
        return responses.filter(pk__lte=period.last_counted_response_id)
    if period.published_at is not None:  # published before the last counted id was recorded
        return responses.filter(created_at__lte=period.published_at)
    return responses
