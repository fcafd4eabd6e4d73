"""An FAQ answer many readers found helpful asks to be told as a story."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from django.db.models import F
from django.utils.translation import gettext as _

from lontar.agencies.models import Agency
from lontar.newsroom.registry import PromptSource, Suggestion, register_source
from lontar.qna.models import Question

HELPFUL_AT_LEAST = 10  # "many people found it helpful": ten votes, and twice the "no" votes


def _helpful_answers(agency: Agency, now: datetime) -> Iterator[Suggestion]:
    questions = (
        Question.objects.published()
        .filter(agency=agency, helpful_yes__gte=HELPFUL_AT_LEAST)
        .filter(helpful_yes__gte=F("helpful_no") * 2)
        .select_related("assigned_unit")
        .order_by("-helpful_yes")
    )
    for question in questions:
        asked = question.public_question[:300]
        yield Suggestion(
            key=f"faq:{question.pk}",
            object_key=str(question.pk),
            title=asked[:255] or f"Tanya jawab #{question.pk}",
            prompt=_("%(n)s pembaca terbantu oleh jawaban “%(q)s”: jadikan berita tanya jawab.")
            % {"n": question.helpful_yes, "q": asked[:80]},
            on=now.astimezone(agency.zone).date(),
            unit_id=question.assigned_unit_id,
            lead=asked[:400],
            paragraphs=(asked, question.public_answer[:2000]),
            source_line=question.assigned_unit.name if question.assigned_unit else "",
            category="Kepegawaian",
            link_path=question.get_absolute_url(),
            link_text=asked[:120],
            template="tanya-jawab-kepegawaian",
            tags=("tanya-jawab",),
        )


register_source(PromptSource(kind="faq", label="Jawaban yang membantu", find=_helpful_answers))
