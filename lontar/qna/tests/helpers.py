"""Small builders shared by the question tests."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.utils import timezone

from lontar.qna.models import Answer, Question, Status


def make_question(
    agency,
    *,
    text="Bagaimana cara mengajukan cuti besar?",
    category="cuti",
    status=Status.NEW,
    answer_text="",
    unit=None,
    **extra,
) -> Question:
    question = Question.objects.create(
        agency=agency,
        asker_name=extra.pop("asker_name", "Siti Rahmawati"),
        email=extra.pop("email", "siti@example.id"),
        category=category,
        question_text=text,
        status=status,
        **extra,
    )
    if answer_text:
        Answer.objects.create(question=question, text=answer_text, unit=unit)
    if status == Status.PUBLISHED:
        question.public_question = question.public_question or text
        question.public_answer = question.public_answer or answer_text
        question.published_at = timezone.now()
        question.save()
    return question


def grant_question_desk(user) -> None:
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="qna", codename="change_question")
    )
