"""Writes of the SKM: storing a response and publishing (freezing) a period's result."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.db import transaction
from django.utils import timezone

from lontar.survey import ikm
from lontar.survey.models import SurveyPeriod, SurveyResponse

# Respondent profile fields counted into a published result.
PROFILE_FIELDS = ("sex", "age_band", "education", "occupation")


class SurveyClosed(ikm.SurveyError):
    """The period does not accept responses (closed, not started or already over)."""


class MissingAnswers(ikm.InvalidResponse):
    """Some elements were left unanswered; `missing` lists their keys."""

    def __init__(self, missing: tuple[str, ...]):
        self.missing = missing
        names = ", ".join(ikm.ELEMENTS_BY_KEY[key].name for key in missing)
        super().__init__(f"Unsur berikut belum dijawab: {names}.")


class AlreadyPublished(ikm.SurveyError):
    """A published result is frozen and cannot be published again."""


def accepts_responses(period: SurveyPeriod, today: date) -> bool:
    return period.is_open and period.starts_on <= today <= period.ends_on


def submit_response(
    *,
    period: SurveyPeriod,
    answers: Mapping[str, int],
    sex: str,
    age_band: str,
    education: str,
    occupation: str,
    service_received: str,
    service_date: date,
    suggestion: str = "",
    today: date | None = None,
) -> SurveyResponse:
    """Validate and store one respondent's answers to every element of the questionnaire.

    The public questionnaire asks all nine elements, so each must be answered 1..4; the rule
    itself (`ikm.compute_ikm`) validates the scores, so form and formula cannot disagree.
    """
    today = today or timezone.localdate()
    if not accepts_responses(period, today):
        raise SurveyClosed("Periode survei ini tidak sedang menerima jawaban.")
    missing = tuple(key for key in ikm.ELEMENT_KEYS if key not in answers)
    if missing:
        raise MissingAnswers(missing)
    ikm.compute_ikm([answers])  # raises InvalidResponse for an unknown key or a bad score
    clean = {key: answers[key] for key in ikm.ELEMENT_KEYS}
    return SurveyResponse.objects.create(
        period=period,
        answers=clean,
        sex=sex,
        age_band=age_band,
        education=education,
        occupation=occupation,
        service_received=service_received.strip(),
        service_date=service_date,
        suggestion=suggestion.strip(),
    )


@transaction.atomic
def publish_period(period: SurveyPeriod, *, by) -> SurveyPeriod:
    """Compute the IKM over the period's responses and freeze it on the period.

    Publishing closes the period to new responses. Should it be reopened later, the stored
    result still stays as published: nothing recomputes it.
    """
    locked = SurveyPeriod.objects.select_for_update().get(pk=period.pk)
    if locked.published_at is not None:
        raise AlreadyPublished("Hasil periode ini sudah diterbitkan dan tidak dapat diubah.")
    rows = list(locked.responses.order_by("pk").values_list("answers", *PROFILE_FIELDS))
    result = ikm.compute_ikm(row[0] for row in rows)  # NoResponses when nobody answered
    profile = {field: {} for field in PROFILE_FIELDS}
    for row in rows:
        for field, value in zip(PROFILE_FIELDS, row[1:], strict=True):
            profile[field][value] = profile[field].get(value, 0) + 1
    locked.index = result.index
    locked.grade = result.grade
    locked.label = result.label
    locked.respondents = result.respondents
    locked.formula_version = result.formula_version
    locked.element_scores = {key: str(nrr) for key, nrr in result.element_scores.items()}
    locked.respondent_profile = profile
    locked.published_at = timezone.now()
    locked.published_by = by if getattr(by, "pk", None) else None
    locked.is_open = False
    locked.save()
    # Keep the caller's instance in step with what was stored.
    for field in (
        "index",
        "grade",
        "label",
        "respondents",
        "formula_version",
        "element_scores",
        "respondent_profile",
        "published_at",
        "published_by",
        "is_open",
    ):
        setattr(period, field, getattr(locked, field))
    return period
