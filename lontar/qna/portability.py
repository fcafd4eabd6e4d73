"""The agency's FAQ out and back in (`core/portability.py`): only what the public page shows —
the published question and answer as redacted, the category, the public name of the asker
(or "anonymous"), the answering unit and the regulations cited. Never the text as typed,
the e-mail address or the tracking token."""

from __future__ import annotations

from django.db import transaction
from django.utils.dateparse import parse_datetime

from lontar.core.portability import Bundle, Portable, register_portable
from lontar.qna.models import Answer, Question, Status
from lontar.qna.selectors import published_questions

KEY = "faq"


def export(agency, bundle: Bundle) -> int:
    rows = []
    questions = published_questions(agency).select_related("answer__unit")
    for question in questions.prefetch_related("answer__regulations").order_by("pk"):
        answer = getattr(question, "answer", None)
        rows.append(
            {
                "id": question.pk,
                "category": question.category,
                "question": question.public_question,
                "answer": question.public_answer,
                "asker": "" if question.anonymous_in_public else question.asker_name,
                "published_at": question.published_at,
                "unit": answer.unit.name if answer and answer.unit_id else "",
                "regulations": sorted(r.pk for r in answer.regulations.all()) if answer else [],
            }
        )
    return bundle.write(KEY, rows)


@transaction.atomic
def load(agency, bundle: Bundle) -> int:
    rows = bundle.read(KEY)
    units = {unit.name: unit for unit in agency.units.all()}
    for row in rows:
        question = Question.objects.filter(
            agency=agency, status=Status.PUBLISHED, public_question=row["question"]
        ).first() or Question(agency=agency, email="")
        question.category = row["category"]
        question.asker_name = row.get("asker") or ""
        question.anonymous_in_public = not row.get("asker")
        # Only the published wording exists in the export: it is the record's text too.
        question.question_text = question.public_question = row["question"]
        question.public_answer = row["answer"]
        question.status = Status.PUBLISHED
        published = row.get("published_at")
        question.published_at = parse_datetime(published) if published else None
        question.save()
        answer, _created = Answer.objects.update_or_create(
            question=question,
            defaults={"text": row["answer"], "unit": units.get(row.get("unit") or "")},
        )
        cited = [bundle.new_id("regulation", pk) for pk in row.get("regulations") or []]
        answer.regulations.set([pk for pk in cited if pk])
        bundle.map("question", row["id"], question.pk)
    return len(rows)


register_portable(Portable(KEY, "Tanya jawab", 50, export, load))
