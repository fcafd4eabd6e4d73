"""The life of a question, as a table: which staff action may move it from which status to which.

new → (assign) → assigned → (answer) → answered → (publish, with redaction) → published;
a published entry may be unpublished back to answered, and an answer may be corrected while
answered or published (republishing then refreshes the public text). A question that is not
published may be declined; declined is final. Services check this table before writing and
`services.allowed_actions` reads it for the buttons, so the two never disagree. Pure: no
database needed to import or test it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from lontar.core.transitions import Transition, TransitionNotAllowed, Workflow


class Status(models.TextChoices):
    NEW = "baru", _("Baru")
    ASSIGNED = "didisposisi", _("Didisposisi ke unit")
    ANSWERED = "dijawab", _("Dijawab")
    PUBLISHED = "terbit", _("Terbit di FAQ")
    DECLINED = "ditolak", _("Tidak diterbitkan")


# Every action on the question desk needs the desk permission; the agency scope is checked
# when the question is loaded (`selectors.get_question_for_staff`).
PERMISSION = "qna.change_question"

ASSIGN = "assign"
ANSWER = "answer"  # the first answer: the asker is told by e-mail
CORRECT = "correct"  # a later correction of the answer; the status stays
PUBLISH = "publish"  # (re)publish the redacted public text
UNPUBLISH = "unpublish"
DECLINE = "decline"

WORKFLOW = Workflow(
    [
        Transition(ASSIGN, frozenset({Status.NEW, Status.ASSIGNED}), Status.ASSIGNED, PERMISSION),
        Transition(ANSWER, frozenset({Status.NEW, Status.ASSIGNED}), Status.ANSWERED, PERMISSION),
        Transition(CORRECT, frozenset({Status.ANSWERED, Status.PUBLISHED}), None, PERMISSION),
        Transition(
            PUBLISH, frozenset({Status.ANSWERED, Status.PUBLISHED}), Status.PUBLISHED, PERMISSION
        ),
        Transition(UNPUBLISH, frozenset({Status.PUBLISHED}), Status.ANSWERED, PERMISSION),
        Transition(
            DECLINE,
            frozenset({Status.NEW, Status.ASSIGNED, Status.ANSWERED}),
            Status.DECLINED,
            PERMISSION,
        ),
    ]
)

# What the staff detail page calls each action in the question's history.
ACTION_LABELS = {
    ASSIGN: _("Didisposisikan"),
    ANSWER: _("Dijawab"),
    CORRECT: _("Jawaban dikoreksi"),
    PUBLISH: _("Diterbitkan"),
    UNPUBLISH: _("Ditarik dari FAQ"),
    DECLINE: _("Ditandai tidak diterbitkan"),
}

# Why an action is refused, for the staff member who tried it (shown as an admin message).
REFUSALS = {
    ASSIGN: _(
        "Pertanyaan yang sudah dijawab, terbit, atau tidak diterbitkan tidak dapat "
        "didisposisikan lagi."
    ),
    ANSWER: _("Pertanyaan ini sudah dijawab atau tidak diterbitkan; gunakan koreksi jawaban."),
    CORRECT: _(
        "Jawaban hanya dapat dikoreksi setelah pertanyaan dijawab dan selama belum "
        "ditandai tidak diterbitkan."
    ),
    PUBLISH: _("Hanya pertanyaan yang sudah dijawab yang dapat diterbitkan."),
    UNPUBLISH: _("Hanya tanya jawab yang sedang terbit yang dapat ditarik dari FAQ."),
    DECLINE: _(
        "Tanya jawab yang sedang terbit harus ditarik dari FAQ dahulu; pertanyaan yang "
        "sudah tidak diterbitkan tidak perlu ditandai lagi."
    ),
}


def check(action: str, status: str) -> str:
    """The status after `action`; `TransitionNotAllowed` with a message for staff otherwise."""
    try:
        return WORKFLOW.check(action, status)
    except TransitionNotAllowed as exc:
        raise TransitionNotAllowed(action, status, str(REFUSALS[action])) from exc


def answer_action(status: str) -> str:
    """Saving an answer is the first answer before one exists, a correction afterwards."""
    return ANSWER if WORKFLOW.can(ANSWER, status) else CORRECT
