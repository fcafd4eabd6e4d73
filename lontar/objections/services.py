"""Every write to an objection goes through one of these functions.

Filing (`register_objection`) numbers the objection gap-free per agency and year and starts the
Atasan PPID's 30-working-day clock. Staff actions (`answer_objection`, `record_dispute_step`)
check the workflow table in `states.py` and the user's permission and agency, lock the row,
write, and append an audit event (`core.audit`) in one transaction. Audit events never hold the
objector's identity, nor any text as typed (only *that* it changed).
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lontar.agencies.selectors import agencies_visible_to
from lontar.core import audit
from lontar.core.audit import Actor
from lontar.objections import states
from lontar.objections.clock import deadlines_for
from lontar.objections.models import DisputeStep, Objection, ObjectionCounter
from lontar.ppid import crypto
from lontar.ppid.numbering import format_registration_number

logger = logging.getLogger("lontar.objections")

NUMBER_PATTERN = "{nomor}/KEB-{singkatan}/{bulan_romawi}/{tahun}"


@dataclass
class ObjectionDetails:
    """What the objector gave (Permendes PDT 12/2025 Pasal 42; the Perki objection form)."""

    grounds: list[str]
    case_summary: str
    objector_name: str
    address: str
    phone: str = ""
    email: str = ""
    purpose: str = ""
    information_request: object | None = None  # the verified request, or None for ground b
    extra: dict = field(default_factory=dict)


def _next_sequence(agency, year: int) -> int:
    """The next objection number inside the caller's transaction (the counter row locked)."""
    ObjectionCounter.objects.get_or_create(agency=agency, year=year)
    counter = ObjectionCounter.objects.select_for_update().get(agency=agency, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def check_grounds(grounds: list[str], has_request: bool) -> list[str]:
    """The grounds, de-duplicated in legal order; ground b alone may stand without a request."""
    letters = sorted({g for g in grounds if g in states.Ground.values})
    if not letters:
        raise ValidationError({"grounds": _("Pilih sekurang-kurangnya satu alasan keberatan.")})
    if not has_request and not set(letters) <= states.STANDALONE_GROUNDS:
        raise ValidationError(
            {
                "request_number": _(
                    "Alasan selain huruf b memerlukan nomor pendaftaran permohonan dan kode "
                    "lacaknya."
                )
            }
        )
    return letters


@transaction.atomic
def register_objection(
    *, agency, details: ObjectionDetails, received_at: datetime, actor: Actor
) -> tuple[Objection, str]:
    """Store the objection, number it and start the answer clock; return it and its code."""
    if timezone.is_naive(received_at):
        raise ValueError("received_at must be timezone-aware")
    if received_at > timezone.now() + timedelta(minutes=5):
        raise ValidationError(_("Tanggal diterima tidak boleh di masa depan."))
    request = details.information_request
    if request is not None and request.agency_id != agency.pk:
        raise ValidationError(_("Permohonan itu bukan milik badan publik ini."))
    letters = check_grounds(details.grounds, request is not None)
    deadlines = deadlines_for(agency, received_at)
    sequence = _next_sequence(agency, deadlines.received_on.year)
    code = secrets.token_hex(4).upper()
    objection = Objection.objects.create(
        agency=agency,
        number=format_registration_number(
            NUMBER_PATTERN,
            sequence=sequence,
            received_on=deadlines.received_on,
            short_name=agency.short_name,
        ),
        year=deadlines.received_on.year,
        sequence=sequence,
        tracking_code_hash=crypto.tracking_code_hash(code),
        information_request=request,
        grounds=",".join(letters),
        case_summary=details.case_summary.strip(),
        purpose=details.purpose.strip(),
        received_at=received_at,
        objector_name=details.objector_name.strip(),
        address=details.address.strip(),
        phone=details.phone.strip(),
        email=details.email.strip(),
        answer_due=deadlines.answer_due,
        skipped_days=[day.as_dict() for day in deadlines.skipped],
    )
    audit.record(
        actor=actor,
        action="objections.register",
        obj=objection,
        to_state=objection.status,
        changes={"grounds": [None, objection.grounds]},
    )
    logger.info("keberatan %s diterima", objection.number)
    return objection, code


def may_act(user, objection: Objection, permission: str) -> bool:
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.has_perm(permission)
        and agencies_visible_to(user).filter(pk=objection.agency_id).exists()
    )


def allowed_actions(objection: Objection, user) -> list[str]:
    """The actions this user may take now, in table order (the admin draws these only)."""
    may: dict[str, bool] = {}
    actions = []
    for transition in states.WORKFLOW.actions_from(objection.status):
        if transition.permission not in may:
            may[transition.permission] = may_act(user, objection, transition.permission)
        if may[transition.permission]:
            actions.append(transition.action)
    return actions


def _begin(objection: Objection, action: str, actor: Actor) -> tuple[str, str]:
    """Permission, row lock, then the table: (status before, status after)."""
    permission = states.WORKFLOW.transition(action).permission
    if actor.user is not None and not may_act(actor.user, objection, permission):
        raise PermissionDenied
    locked = Objection.objects.select_for_update().only("status").get(pk=objection.pk)
    objection.status = locked.status
    try:
        return locked.status, states.check(action, locked.status)
    except states.TransitionNotAllowed as exc:
        raise ValidationError(str(exc)) from exc


@dataclass
class Answer:
    outcome: str
    text: str
    superior_name: str
    superior_position: str


def answer_objection(objection: Objection, answer: Answer, *, actor: Actor) -> None:
    """The Atasan PPID's written answer (Pasal 36 ayat (2)); only once."""
    errors = {}
    if answer.outcome not in states.Outcome.values:
        errors["outcome"] = _("Pilih keputusan Atasan PPID.")
    if len(answer.text.strip()) < 20:
        errors["text"] = _("Tuliskan tanggapan dan pertimbangannya (sekurang-kurangnya 20 huruf).")
    if not answer.superior_name.strip() or not answer.superior_position.strip():
        errors["superior_name"] = _("Nama dan jabatan Atasan PPID wajib diisi.")
    if errors:
        raise ValidationError(errors)
    fields = ["status", "outcome", "answer_text", "superior_name", "superior_position"]
    with transaction.atomic():
        from_state, to_state = _begin(objection, states.ANSWER, actor)
        before = audit.snapshot(objection, fields)
        objection.outcome = answer.outcome
        objection.answer_text = answer.text.strip()
        objection.superior_name = answer.superior_name.strip()
        objection.superior_position = answer.superior_position.strip()
        objection.answered_at = timezone.now()
        objection.answered_by = actor.user if actor.user_id else None
        objection.status = to_state
        objection.save()
        audit.record(
            actor=actor,
            action="objections.answer",
            obj=objection,
            from_state=from_state,
            to_state=to_state,
            # The answer may quote the objector: log that it changed, not what it says.
            changes=audit.redacted(
                audit.diff(before, audit.snapshot(objection, fields)), "answer_text"
            ),
        )


@dataclass
class Step:
    stage: str
    on: date
    reference: str = ""
    outcome: str = ""
    note: str = ""


def record_dispute_step(objection: Objection, step: Step, *, actor: Actor) -> DisputeStep:
    """A stage of the dispute; a step with an outcome closes the dispute."""
    if step.stage not in states.DisputeStage.values:
        raise ValidationError({"stage": _("Pilih tahap sengketa.")})
    if step.outcome and step.outcome not in states.DisputeOutcome.values:
        raise ValidationError({"outcome": _("Pilih hasil sengketa.")})
    if step.on > objection.agency.today():
        raise ValidationError({"on": _("Tanggal tidak boleh di masa depan.")})
    action = states.CLOSE if step.outcome else states.DISPUTE
    with transaction.atomic():
        if action == states.CLOSE:
            # A final outcome may be recorded together with its stage: open the dispute first.
            status = Objection.objects.only("status").get(pk=objection.pk).status
            if status != states.Status.DISPUTED:
                _begin(objection, states.DISPUTE, actor)
                objection.status = states.Status.DISPUTED
                objection.save(update_fields=["status"])
        from_state, to_state = _begin(objection, action, actor)
        recorded = DisputeStep.objects.create(
            objection=objection,
            stage=step.stage,
            on=step.on,
            reference=step.reference.strip(),
            outcome=step.outcome,
            note=step.note.strip(),
            recorded_by=actor.user if actor.user_id else None,
        )
        objection.status = to_state
        if step.outcome:
            objection.dispute_outcome = step.outcome
        objection.save(update_fields=["status", "dispute_outcome"])
        audit.record(
            actor=actor,
            action=f"objections.{action}",
            obj=objection,
            from_state=from_state,
            to_state=to_state,
            changes={"stage": [None, step.stage], "outcome": [None, step.outcome]},
        )
    return recorded
