"""The lifecycle of a survey period and the only moves the admin may make.

A period's state is derived from two stored facts, whether its result is published
(`published_at`) and whether it takes responses (`is_open`):

    open ──close──▶ closed ──reopen──▶ open
    open | closed ──publish──▶ published
    published ──reopen_published──▶ reopened ──close_reopened──▶ published

A published result is frozen: reopening a published period only collects further responses,
which never change the stored index. Services check this table before writing; the admin's
buttons come from `survey.services.allowed_actions`, which reads it too.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lontar.core.transitions import Transition, Workflow

OPEN = "open"
CLOSED = "closed"
PUBLISHED = "published"
REOPENED = "reopened"

PERMISSION = "survey.change_surveyperiod"

WORKFLOW = Workflow(
    [
        Transition("publish", frozenset({OPEN, CLOSED}), PUBLISHED, PERMISSION),
        Transition("close", frozenset({OPEN}), CLOSED, PERMISSION),
        Transition("reopen", frozenset({CLOSED}), OPEN, PERMISSION),
        Transition("reopen_published", frozenset({PUBLISHED}), REOPENED, PERMISSION),
        Transition("close_reopened", frozenset({REOPENED}), PUBLISHED, PERMISSION),
    ]
)

# The admin's button for each action.
ACTION_LABELS = {
    "publish": _("Terbitkan hasil"),
    "close": _("Tutup periode"),
    "reopen": _("Buka kembali"),
    "reopen_published": _("Buka kembali (hasil tetap)"),
    "close_reopened": _("Tutup periode"),
}


def state_of(*, published: bool, is_open: bool) -> str:
    if published:
        return REOPENED if is_open else PUBLISHED
    return OPEN if is_open else CLOSED
