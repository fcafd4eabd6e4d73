"""Changes to questions: asking, assigning, answering, publishing with redaction, feedback."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from lontar.qna import mail
from lontar.qna.models import Answer, Question, Status
from lontar.qna.redaction import Hit, apply, detect


def submit_question(*, agency, asker_name: str, email: str, phone: str, category: str,
                    anonymous_in_public: bool, question_text: str, tracking_url_of) -> Question:
    """Store the question; the e-mail with the tracking link goes out after commit.

    `tracking_url_of(question) -> str` builds the absolute tracking link.
    """
    question = Question.objects.create(
        agency=agency, asker_name=asker_name, email=email, phone=phone, category=category,
        anonymous_in_public=anonymous_in_public, question_text=question_text,
    )
    url = tracking_url_of(question)
    transaction.on_commit(lambda: mail.send_received(question, url))
    return question


def assign(question: Question, unit) -> None:
    question.assigned_unit = unit
    if question.status == Status.NEW:
        question.status = Status.ASSIGNED
    question.save(update_fields=["assigned_unit", "status"])


def answer(question: Question, *, text: str, unit, regulations: Iterable, user,
           tracking_url: str, notify: bool = True) -> Answer:
    """Record (or correct) the answer; the asker is told by e-mail the first time."""
    first_time = question.status in (Status.NEW, Status.ASSIGNED)
    answer_obj, _ = Answer.objects.update_or_create(
        question=question, defaults={"text": text, "unit": unit or question.assigned_unit,
                                     "answered_by": user},
    )
    answer_obj.regulations.set(regulations)
    if first_time:
        question.status = Status.ANSWERED
        question.save(update_fields=["status"])
        if notify:
            transaction.on_commit(lambda: mail.send_answered(question, tracking_url))
    return answer_obj


def names_of(question: Question) -> list[str]:
    return [question.asker_name]


def hits_for(question: Question) -> tuple[list[Hit], list[Hit]]:
    """Personal data detected in the question and in the answer."""
    names = names_of(question)
    answer_text = question.answer.text if hasattr(question, "answer") else ""
    return detect(question.question_text, names), detect(answer_text, names)


def publish(question: Question, *, question_hits: Iterable[Hit],
            answer_hits: Iterable[Hit]) -> None:
    """Publish the question with the chosen hits replaced by "[disamarkan]"."""
    question.public_question = apply(question.question_text, question_hits)
    question.public_answer = apply(question.answer.text, answer_hits)
    question.status = Status.PUBLISHED
    question.published_at = question.published_at or timezone.now()
    question.save(update_fields=["public_question", "public_answer", "status", "published_at"])


def unpublish(question: Question) -> None:
    question.status = Status.ANSWERED
    question.save(update_fields=["status"])


def decline(question: Question) -> None:
    question.status = Status.DECLINED
    question.save(update_fields=["status"])


def record_feedback(question: Question, helpful: bool) -> None:
    field = "helpful_yes" if helpful else "helpful_no"
    Question.objects.filter(pk=question.pk).update(**{field: F(field) + 1})
