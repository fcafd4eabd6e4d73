"""The workflow table helper: pure, no database."""

import pytest

from lontar.core.transitions import Transition, TransitionNotAllowed, Workflow

DRAFT, PUBLISHED, ARCHIVED = "draft", "published", "archived"

WORKFLOW = Workflow(
    [
        Transition("publish", frozenset({DRAFT}), PUBLISHED, "app.publish_thing"),
        Transition("archive", frozenset({DRAFT, PUBLISHED}), ARCHIVED),
        Transition("edit", frozenset({DRAFT, PUBLISHED})),
    ]
)


@pytest.mark.parametrize(
    ("action", "state", "expected"),
    [
        ("publish", DRAFT, PUBLISHED),
        ("archive", DRAFT, ARCHIVED),
        ("archive", PUBLISHED, ARCHIVED),
        ("edit", PUBLISHED, PUBLISHED),
        ("edit", DRAFT, DRAFT),
    ],
)
def test_allowed_moves_give_the_next_state(action, state, expected):
    assert WORKFLOW.can(action, state)
    assert WORKFLOW.check(action, state) == expected


@pytest.mark.parametrize(
    ("action", "state"),
    [("publish", PUBLISHED), ("publish", ARCHIVED), ("edit", ARCHIVED), ("archive", ARCHIVED)],
)
def test_other_moves_are_refused(action, state):
    assert not WORKFLOW.can(action, state)
    with pytest.raises(TransitionNotAllowed) as caught:
        WORKFLOW.check(action, state)
    assert caught.value.action == action and caught.value.state == state


def test_an_unknown_action_is_never_allowed():
    assert not WORKFLOW.can("delete", DRAFT)
    with pytest.raises(TransitionNotAllowed):
        WORKFLOW.check("delete", DRAFT)


def test_actions_from_a_state_keep_the_table_order():
    assert [t.action for t in WORKFLOW.actions_from(DRAFT)] == ["publish", "archive", "edit"]
    assert WORKFLOW.actions_from(ARCHIVED) == []
    assert WORKFLOW.states() == {DRAFT, PUBLISHED, ARCHIVED}


def test_an_action_cannot_be_listed_twice():
    with pytest.raises(ValueError):
        Workflow([Transition("a", frozenset({DRAFT})), Transition("a", frozenset({PUBLISHED}))])
