"""A workflow as data: which action may move a record from which state to which.

Each app that has a lifecycle writes its table once (`qna/states.py`, `survey/states.py` …) as a
`Workflow` of `Transition`s. Its services call `workflow.check(action, state)` before writing,
and its `allowed_actions(obj, user)` asks `workflow.actions_from(state)` so that buttons and
services can never disagree. Pure Python: importable and testable without a database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class TransitionNotAllowed(ValueError):
    """The action is not allowed from the record's current state."""

    def __init__(self, action: str, state: str, message: str = "") -> None:
        self.action = action
        self.state = state
        super().__init__(message or f"'{action}' is not allowed from state '{state}'.")


@dataclass(frozen=True)
class Transition:
    """`action` moves a record in any of `sources` to `target` (None: the state stays)."""

    action: str
    sources: frozenset[str]
    target: str | None = None
    permission: str = ""  # the Django permission the acting user needs, "app.codename"

    def target_from(self, state: str) -> str:
        return state if self.target is None else self.target


class Workflow:
    """An ordered table of transitions, keyed by action name."""

    def __init__(self, transitions: Iterable[Transition]) -> None:
        self._by_action: dict[str, Transition] = {}
        for transition in transitions:
            if transition.action in self._by_action:
                raise ValueError(f"action '{transition.action}' listed twice")
            self._by_action[transition.action] = transition

    @property
    def actions(self) -> tuple[str, ...]:
        return tuple(self._by_action)

    def transition(self, action: str) -> Transition:
        try:
            return self._by_action[action]
        except KeyError:
            raise KeyError(f"unknown action '{action}'") from None

    def can(self, action: str, state: str) -> bool:
        transition = self._by_action.get(action)
        return transition is not None and state in transition.sources

    def check(self, action: str, state: str) -> str:
        """The state after `action` from `state`; raises `TransitionNotAllowed` otherwise."""
        if not self.can(action, state):
            raise TransitionNotAllowed(action, state)
        return self._by_action[action].target_from(state)

    def actions_from(self, state: str) -> list[Transition]:
        return [t for t in self._by_action.values() if state in t.sources]

    def states(self) -> frozenset[str]:
        found: set[str] = set()
        for transition in self._by_action.values():
            found |= transition.sources
            if transition.target is not None:
                found.add(transition.target)
        return frozenset(found)
