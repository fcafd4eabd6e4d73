"""The question workflow table, without a database."""

import pytest

from lontar.core.transitions import TransitionNotAllowed
from lontar.qna import states
from lontar.qna.states import Status

S = Status

# (action, status before) → status after; every pair not listed is refused.
ALLOWED = {
    (states.ASSIGN, S.NEW): S.ASSIGNED,
    (states.ASSIGN, S.ASSIGNED): S.ASSIGNED,
    (states.ANSWER, S.NEW): S.ANSWERED,
    (states.ANSWER, S.ASSIGNED): S.ANSWERED,
    (states.CORRECT, S.ANSWERED): S.ANSWERED,
    (states.CORRECT, S.PUBLISHED): S.PUBLISHED,
    (states.PUBLISH, S.ANSWERED): S.PUBLISHED,
    (states.PUBLISH, S.PUBLISHED): S.PUBLISHED,
    (states.UNPUBLISH, S.PUBLISHED): S.ANSWERED,
    (states.DECLINE, S.NEW): S.DECLINED,
    (states.DECLINE, S.ASSIGNED): S.DECLINED,
    (states.DECLINE, S.ANSWERED): S.DECLINED,
}


def test_the_table_lists_the_desk_actions_and_every_status():
    assert set(states.WORKFLOW.actions) == {
        "assign",
        "answer",
        "correct",
        "publish",
        "unpublish",
        "decline",
    }
    assert states.WORKFLOW.states() == set(Status.values)


@pytest.mark.parametrize("action", states.WORKFLOW.actions)
@pytest.mark.parametrize("status", Status.values)
def test_each_action_from_each_status(action, status):
    expected = ALLOWED.get((action, status))
    if expected is None:
        with pytest.raises(TransitionNotAllowed) as refused:
            states.check(action, status)
        assert str(refused.value) == str(states.REFUSALS[action])  # a sentence for staff
    else:
        assert states.check(action, status) == expected


def test_every_action_needs_the_question_desk_permission():
    for action in states.WORKFLOW.actions:
        assert states.WORKFLOW.transition(action).permission == "qna.change_question"


def test_declined_is_final():
    assert states.WORKFLOW.actions_from(Status.DECLINED) == []


def test_saving_an_answer_is_a_first_answer_then_a_correction():
    assert states.answer_action(Status.NEW) == states.ANSWER
    assert states.answer_action(Status.ASSIGNED) == states.ANSWER
    assert states.answer_action(Status.ANSWERED) == states.CORRECT
    assert states.answer_action(Status.PUBLISHED) == states.CORRECT


def test_every_action_has_a_label_and_a_refusal():
    assert set(states.ACTION_LABELS) == set(states.WORKFLOW.actions) == set(states.REFUSALS)


def test_models_re_export_the_status():
    from lontar.qna.models import Status as ModelStatus

    assert ModelStatus is Status
