"""Writes of the SKM: storing a response and publishing (freezing) a period's result."""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from datetime import date
from urllib.parse import urlencode

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lontar.core import audit
from lontar.core.audit import Actor
from lontar.core.personal_data import redact as mask_personal_data
from lontar.core.transitions import TransitionNotAllowed
from lontar.survey import ikm, states
from lontar.survey.models import (
    PageFeedback,
    SurveyInvitation,
    SurveyPeriod,
    SurveyResponse,
    SurveyUnit,
)
from lontar.survey.privacy import scrub_free_text

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


class ActionNotAllowed(ikm.SurveyError):
    """The action is not allowed from the period's current state (see survey/states.py)."""


class UnknownUnit(ikm.SurveyError):
    """The agency has no survey unit with this slug."""


class InvalidReference(ikm.SurveyError):
    """An invitation reference must be "kind:id" and must not look like personal data."""


class InvitationUsed(ikm.SurveyError):
    """The invitation was already used for a response."""


class InvitationMismatch(ikm.SurveyError):
    """The invitation belongs to another unit than the questionnaire answered."""


# "permohonan:123", "permohonan:PPID-2026-0001": a record kind and its id or number.
REFERENCE_PATTERN = re.compile(r"[a-z][a-z0-9_-]{0,30}:[A-Za-z0-9_./-]{1,48}")
INVITATION_PARAMETER = "undangan"


def accepts_responses(period: SurveyPeriod, today: date | None = None) -> bool:
    """Whether the period takes responses on `today`, by default the agency's own date (not
    the installation's: a period ending on the 31st closes at midnight where the agency is)."""
    today = today or period.agency.today()
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
    invitation: SurveyInvitation | None = None,
) -> SurveyResponse:
    """Validate and store one respondent's answers to every element of the questionnaire.

    The public questionnaire asks all nine elements, so each must be answered 1..4; the rule
    itself (`ikm.compute_ikm`) validates the scores, so form and formula cannot disagree.
    With an invitation, the response and the invitation's use are stored together, once:
    a second response on the same invitation raises `InvitationUsed`.
    """
    today = today or period.agency.today()
    if not accepts_responses(period, today):
        raise SurveyClosed("Periode survei ini tidak sedang menerima jawaban.")
    missing = tuple(key for key in ikm.ELEMENT_KEYS if key not in answers)
    if missing:
        raise MissingAnswers(missing)
    ikm.compute_ikm([answers])  # raises InvalidResponse for an unknown key or a bad score
    clean = {key: answers[key] for key in ikm.ELEMENT_KEYS}
    with transaction.atomic():
        if invitation is not None:
            _use_invitation(invitation, period)
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


def _use_invitation(invitation: SurveyInvitation, period: SurveyPeriod) -> None:
    locked = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.unit_id != period.unit_id:
        raise InvitationMismatch("Undangan ini untuk layanan lain.")
    if locked.used_at is not None:
        raise InvitationUsed("Undangan ini sudah dipakai untuk mengisi survei.")
    # The reference pointed at the service (and so at the person served); once used, it is
    # dropped, and the time of use is kept to the day only, so that neither the reference nor
    # a matching timestamp can tie the anonymous answer to the invitation and its person.
    locked.used_at = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    locked.reference = ""
    locked.save(update_fields=["used_at", "reference"])
    invitation.used_at, invitation.reference = locked.used_at, locked.reference


def invitation_url(invitation: SurveyInvitation) -> str:
    """The questionnaire's absolute address with the invitation token, on the agency's site."""
    path = reverse("survey:questionnaire", args=[invitation.unit.slug])
    path = f"{path}?{urlencode({INVITATION_PARAMETER: invitation.token})}"
    return invitation.unit.agency.absolute_url(path)


def invite_after_service(agency, unit_slug: str, reference: str = "") -> str:
    """Issue (or reuse) a single-use survey invitation once a service was completed.

    Called by other apps, e.g. when an information request is closed:
    `invite_after_service(agency, "ppid", f"permohonan:{request.pk}")`. The URL is what the
    caller sends to the person served. Calling again for the same unused reference returns
    the same link rather than a second one. The reference must be a record kind and id, never
    a name, e-mail, phone or NIK.
    """
    unit = (
        SurveyUnit.objects.select_related("agency__site")
        .filter(agency=agency, slug=unit_slug)
        .first()
    )
    if unit is None:
        raise UnknownUnit(f"Unit layanan survei '{unit_slug}' tidak ditemukan.")
    reference = reference.strip()
    if reference and (
        not REFERENCE_PATTERN.fullmatch(reference) or mask_personal_data(reference) != reference
    ):
        raise InvalidReference("Rujukan undangan harus berbentuk jenis:nomor, tanpa data pribadi.")
    invitation = None
    if reference:
        invitation = SurveyInvitation.objects.filter(
            unit=unit, reference=reference, used_at__isnull=True
        ).first()
    if invitation is None:
        invitation = SurveyInvitation.objects.create(
            unit=unit, token=secrets.token_urlsafe(24), reference=reference
        )
    invitation.unit = unit
    return invitation_url(invitation)


def state_of(period: SurveyPeriod) -> str:
    return states.state_of(published=period.is_published, is_open=period.is_open)


def allowed_actions(period: SurveyPeriod, user) -> list[str]:
    """The actions `user` may take on `period` now; the admin shows exactly these buttons."""
    return [
        transition.action
        for transition in states.WORKFLOW.actions_from(state_of(period))
        if user is not None and user.has_perm(transition.permission)
    ]


# Fields whose change an audit event of the period lists.
AUDITED_FIELDS = ("is_open", "index", "grade", "label", "respondents", "formula_version")


def _check(action: str, period: SurveyPeriod) -> tuple[str, str]:
    """(from_state, to_state) of `action` on the (locked) period, or the refusal."""
    from_state = state_of(period)
    try:
        return from_state, states.WORKFLOW.check(action, from_state)
    except TransitionNotAllowed:
        if action == "publish" and period.is_published:
            raise AlreadyPublished(
                "Hasil periode ini sudah diterbitkan dan tidak dapat diubah."
            ) from None
        raise ActionNotAllowed("Tindakan ini tidak dapat dilakukan pada periode ini.") from None


def _actor(actor: Actor | None, by) -> Actor:
    # `by` (a user) is the older spelling kept for callers outside the admin (demo, tests).
    return actor if actor is not None else Actor(user=by if getattr(by, "pk", None) else None)


def _keep_in_step(period: SurveyPeriod, locked: SurveyPeriod, fields) -> None:
    for name in fields:
        setattr(period, name, getattr(locked, name))


@transaction.atomic
def publish_period(period: SurveyPeriod, *, actor: Actor | None = None, by=None) -> SurveyPeriod:
    """Compute the IKM over the period's responses and freeze it on the period.

    Publishing closes the period to new responses. Should it be reopened later, the stored
    result still stays as published: nothing recomputes it.
    """
    actor = _actor(actor, by)
    locked = SurveyPeriod.objects.select_for_update().get(pk=period.pk)
    from_state, to_state = _check("publish", locked)
    before = audit.snapshot(locked, AUDITED_FIELDS)
    rows = list(locked.responses.order_by("pk").values_list("pk", "answers", *PROFILE_FIELDS))
    row_ids = [row[0] for row in rows]
    rows = [row[1:] for row in rows]
    result = ikm.compute_ikm(row[0] for row in rows)  # NoResponses when nobody answered
    profile: dict[str, dict[str, int]] = {field: {} for field in PROFILE_FIELDS}
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
    locked.last_counted_response_id = row_ids[-1]
    locked.published_at = timezone.now()
    locked.published_by = actor.user
    locked.is_open = False
    locked.save()
    audit.record(
        actor=actor,
        action="publish",
        obj=locked,
        from_state=from_state,
        to_state=to_state,
        changes=audit.diff(before, audit.snapshot(locked, AUDITED_FIELDS)),
    )
    # Keep the caller's instance in step with what was stored.
    _keep_in_step(
        period,
        locked,
        (
            "index",
            "grade",
            "label",
            "respondents",
            "formula_version",
            "element_scores",
            "respondent_profile",
            "last_counted_response_id",
            "published_at",
            "published_by",
            "is_open",
        ),
    )
    return period


@transaction.atomic
def _set_open(period: SurveyPeriod, action: str, is_open: bool, actor: Actor) -> SurveyPeriod:
    locked = SurveyPeriod.objects.select_for_update().get(pk=period.pk)
    from_state, to_state = _check(action, locked)
    before = audit.snapshot(locked, ("is_open",))
    locked.is_open = is_open
    locked.save(update_fields=["is_open"])
    audit.record(
        actor=actor,
        action=action,
        obj=locked,
        from_state=from_state,
        to_state=to_state,
        changes=audit.diff(before, audit.snapshot(locked, ("is_open",))),
    )
    period.is_open = locked.is_open
    return period


def close_period(period: SurveyPeriod, *, actor: Actor) -> SurveyPeriod:
    """Stop taking responses (an open period, or a published one that was reopened)."""
    action = "close_reopened" if period.is_published else "close"
    return _set_open(period, action, False, actor)


def reopen_period(period: SurveyPeriod, *, actor: Actor) -> SurveyPeriod:
    """Take responses again; a published result stays as it was published."""
    action = "reopen_published" if period.is_published else "reopen"
    return _set_open(period, action, True, actor)


def perform(period: SurveyPeriod, action: str, *, actor: Actor) -> SurveyPeriod:
    """Run one of the workflow's actions by name (what the admin's buttons post)."""
    if action == "publish":
        return publish_period(period, actor=actor)
    if action in ("close", "close_reopened"):
        return _set_open(period, action, False, actor)
    if action in ("reopen", "reopen_published"):
        return _set_open(period, action, True, actor)
    raise ActionNotAllowed("Tindakan tidak dikenal.")


def record_page_feedback(*, page, helpful: bool, comment: str = "") -> PageFeedback:
    """Store a reader's yes/no on a page; the comment is kept scrubbed of personal data."""
    return PageFeedback.objects.create(
        page=page, helpful=helpful, comment=scrub_free_text(comment)[:1000]
    )
