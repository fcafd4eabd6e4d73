"""Reads of questions for the public FAQ, the tracking page and the staff desk."""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from lontar.agencies.selectors import agencies_visible_to
from lontar.core.params import neutral_search_terms
from lontar.qna.models import Category, Question
from lontar.qna.similarity import rank_similar
from lontar.qna.states import PERMISSION

SEARCH_KEY = "tanya-jawab"
MAX_SIMILAR_CANDIDATES = 300


def published_questions(agency) -> QuerySet[Question]:
    return Question.objects.published().filter(agency=agency)


def faq(agency, *, category: str = "", query: str = "") -> QuerySet[Question] | list[Question]:
    questions = published_questions(agency).select_related("answer__unit")
    if category in Category.values:
        questions = questions.filter(category=category)
    questions = questions.order_by("-published_at", "-pk")
    query = neutral_search_terms(query)
    if query:
        ids = [q.pk for q in published_questions(agency).search(query, operator="or")[:200]]
        return questions.filter(pk__in=ids)
    return questions


def faq_entry(agency, pk: int) -> Question:
    return (
        published_questions(agency)
        .select_related("answer__unit")
        .prefetch_related(Prefetch("answer__regulations"))
        .get(pk=pk)
    )


def similar_questions(question: Question, limit: int = 5) -> list[Question]:
    candidates = (
        published_questions(question.agency_id)
        .exclude(pk=question.pk)
        .order_by("-published_at")
        .values_list("pk", "category", "public_question")[:MAX_SIMILAR_CANDIDATES]
    )
    ids = rank_similar(question.public_question, question.category, candidates, limit)
    by_id = Question.objects.in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


# Tokens are `secrets.token_urlsafe`; anything else (a NUL, which PostgreSQL refuses, or a
# megabyte of text) is no token and never reaches the database.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def tracked_question(token: str) -> Question | None:
    if not _TOKEN.fullmatch(token):
        return None
    return (
        Question.objects.select_related("agency", "assigned_unit", "answer__unit")
        .prefetch_related(Prefetch("answer__regulations"))
        .filter(tracking_token=token)
        .first()
    )


def may_handle_questions(user) -> bool:
    return bool(user.is_authenticated and user.has_perm(PERMISSION))


def questions_for_staff(user) -> QuerySet[Question]:
    """The questions of the agencies this staff member serves (all for platform admins)."""
    if not may_handle_questions(user):
        raise PermissionDenied
    return Question.objects.filter(agency__in=agencies_visible_to(user))


def get_question_for_staff(user, pk: int) -> Question:
    """One question for the staff desk; 404 when it belongs to an agency outside the user's."""
    try:
        return (
            questions_for_staff(user)
            .select_related("agency", "assigned_unit", "answer__unit")
            .get(pk=pk)
        )
    except Question.DoesNotExist as exc:
        raise Http404 from exc
