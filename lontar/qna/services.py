"""Changes to questions: asking, assigning, answering, publishing with redaction, feedback.

Every staff write (assign, answer/correct, publish, unpublish, decline) is one function here: it
checks the table in `states`, takes the row lock, writes, and appends an audit event with the
actor, their address and what changed, all in one transaction. The audit event never holds the
asker's name, e-mail or phone, nor any text as typed (only *that* it changed).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from lontar.agencies.selectors import agencies_visible_to
from lontar.core import audit
from lontar.core.audit import Actor
from lontar.qna import mail, states
from lontar.qna.models import Answer, Question
from lontar.qna.redaction import Hit, apply, detect


@transaction.atomic  # the question and its e-mail are stored together or not at all
def submit_question(
    *,
    agency,
    asker_name: str,
    email: str,
    phone: str,
    category: str,
    anonymous_in_public: bool,
    question_text: str,
    tracking_url_of,
) -> Question:
    """Store the question and its e-mail with the tracking link (the outbox sends it).

    `tracking_url_of(question) -> str` builds the absolute tracking link.
    """
    question = Question.objects.create(
        agency=agency,
        asker_name=asker_name,
        email=email,
        phone=phone,
        category=category,
        anonymous_in_public=anonymous_in_public,
        question_text=question_text,
    )
    url = tracking_url_of(question)
    mail.send_received(question, url)
    return question


def _may_act(user, question: Question, permission: str) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.has_perm(permission)
        and agencies_visible_to(user).filter(pk=question.agency_id).exists()
    )


def _has_answer(question: Question) -> bool:
    return Answer.objects.filter(question=question).exists()


def allowed_actions(question: Question, user) -> list[str]:
    """The actions this user may take on the question now, in table order (the buttons)."""
    actions = []
    may: dict[str, bool] = {}  # one permission-and-agency query per permission, not per button
    for transition in states.WORKFLOW.actions_from(question.status):
        if transition.action == states.PUBLISH and not _has_answer(question):
            continue
        if transition.permission not in may:
            may[transition.permission] = _may_act(user, question, transition.permission)
        if may[transition.permission]:
            actions.append(transition.action)
    return actions


def _lock(question: Question, action: str, actor: Actor) -> str:
    """Check the actor's permission, lock the row and return its current status (another
    staff member may have moved it since the page was loaded).

    Call inside `transaction.atomic()`. A system actor (no user: demo data, jobs) skips the
    permission check, never the table.
    """
    permission = states.WORKFLOW.transition(action).permission
    if actor.user is not None and not _may_act(actor.user, question, permission):
        raise PermissionDenied
    locked = Question.objects.select_for_update().only("status").get(pk=question.pk)
    question.status = locked.status
    return locked.status


def _begin(question: Question, action: str, actor: Actor) -> tuple[str, str]:
    """`_lock`, then check `action` against the table: (status before, status after)."""
    from_state = _lock(question, action, actor)
    return from_state, states.check(action, from_state)


def _record(
    question: Question,
    action: str,
    actor: Actor,
    before: dict,
    after: dict,
    from_state: str,
    to_state: str,
    *,
    personal: Iterable[str] = (),
    note: str = "",
) -> None:
    audit.record(
        actor=actor,
        action=f"qna.{action}",
        obj=question,
        from_state=from_state,
        to_state=to_state,
        changes=audit.redacted(audit.diff(before, after), *personal),
        note=note,
    )


def assign(question: Question, unit, *, actor: Actor) -> None:
    """Send the question to the unit that should answer it."""
    with transaction.atomic():
        from_state, to_state = _begin(question, states.ASSIGN, actor)
        before = audit.snapshot(question, ["status", "assigned_unit"])
        question.assigned_unit = unit
        question.status = to_state
        question.save(update_fields=["assigned_unit", "status"])
        _record(
            question,
            states.ASSIGN,
            actor,
            before,
            audit.snapshot(question, ["status", "assigned_unit"]),
            from_state,
            to_state,
        )


def answer(
    question: Question,
    *,
    text: str,
    unit,
    regulations: Iterable,
    actor: Actor,
    tracking_url: str,
    notify: bool = True,
) -> Answer:
    """Record the first answer (the asker is told by e-mail) or correct it later."""
    regulations = list(regulations)
    with transaction.atomic():
        from_state = _lock(question, states.CORRECT, actor)
        action = states.answer_action(from_state)
        to_state = states.check(action, from_state)
        existing = Answer.objects.filter(question=question).first()
        before = {
            "status": from_state,
            "text": existing.text if existing else None,
            "unit": existing.unit_id if existing else None,
            "regulations": sorted(existing.regulations.values_list("pk", flat=True))
            if existing
            else [],
        }
        answer_obj, _created = Answer.objects.update_or_create(
            question=question,
            defaults={
                "text": text,
                "unit": unit or question.assigned_unit,
                "answered_by": actor.user,
            },
        )
        answer_obj.regulations.set(regulations)
        if to_state != from_state:
            question.status = to_state
            question.save(update_fields=["status"])
        after = {
            "status": to_state,
            "text": text,
            "unit": answer_obj.unit_id,
            "regulations": sorted(getattr(r, "pk", r) for r in regulations),
        }
        # The answer may name the asker until it is redacted at publishing: log that it
        # changed, not what it says.
        _record(question, action, actor, before, after, from_state, to_state, personal=["text"])
        if action == states.ANSWER and notify:
            mail.send_answered(question, tracking_url)
    question.answer = answer_obj
    return answer_obj


def names_of(question: Question) -> list[str]:
    return [question.asker_name]


def hits_for(question: Question) -> tuple[list[Hit], list[Hit]]:
    """Personal data detected in the question and in the answer."""
    names = names_of(question)
    answer_text = question.answer.text if hasattr(question, "answer") else ""
    return detect(question.question_text, names), detect(answer_text, names)


def publish(
    question: Question, *, question_hits: Iterable[Hit], answer_hits: Iterable[Hit], actor: Actor
) -> None:
    """Publish the question with the chosen hits replaced by "[disamarkan]"."""
    question_hits, answer_hits = list(question_hits), list(answer_hits)
    fields = ["status", "public_question", "public_answer", "published_at"]
    with transaction.atomic():
        from_state, to_state = _begin(question, states.PUBLISH, actor)
        before = audit.snapshot(question, fields)
        text = Answer.objects.get(question=question).text
        question.public_question = apply(question.question_text, question_hits)
        question.public_answer = apply(text, answer_hits)
        question.status = to_state
        question.published_at = question.published_at or timezone.now()
        question.save(update_fields=fields)
        _record(
            question,
            states.PUBLISH,
            actor,
            before,
            audit.snapshot(question, fields),
            from_state,
            to_state,
            personal=["public_question", "public_answer"],
            note=f"{len(question_hits) + len(answer_hits)} temuan data pribadi disamarkan",
        )


def _move(question: Question, action: str, actor: Actor) -> None:
    with transaction.atomic():
        from_state, to_state = _begin(question, action, actor)
        question.status = to_state
        question.save(update_fields=["status"])
        _record(
            question,
            action,
            actor,
            {"status": from_state},
            {"status": to_state},
            from_state,
            to_state,
        )


def unpublish(question: Question, *, actor: Actor) -> None:
    """Take the entry off the FAQ; it stays answered and may be published again."""
    _move(question, states.UNPUBLISH, actor)


def decline(question: Question, *, actor: Actor) -> None:
    """Mark the question as not to be published (final)."""
    _move(question, states.DECLINE, actor)


def record_feedback(question: Question, helpful: bool) -> None:
    field = "helpful_yes" if helpful else "helpful_no"
    Question.objects.filter(pk=question.pk).update(**{field: F(field) + 1})
