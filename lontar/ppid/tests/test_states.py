"""The transition table of an information request, pair by pair (pure: no database).

The expected grid is written from the law as `states.py` states it, not read from TRANSITIONS,
so a change to the table must change this grid too.
"""

from __future__ import annotations

import pytest

from lontar.ppid.states import TRANSITIONS, Status, can_move

R, P, E, A, C, W = (
    Status.REGISTERED,
    Status.IN_PROCESS,
    Status.EXTENDED,
    Status.ANSWERED,
    Status.COMPLETED,
    Status.WITHDRAWN,
)
ORDER = [R, P, E, A, C, W]

# Row: from; column: to, in ORDER. "x" = allowed.
GRID = """
        R  P  E  A  C  W
    R   .  x  .  x  .  x     registered: taken into process, answered at once, or withdrawn
    P   .  .  x  x  .  x     in process: extended (once), answered, or withdrawn
    E   .  .  .  x  .  x     extended: answered or withdrawn; never extended again
    A   .  .  .  .  x  .     answered: only completed (the requester can no longer withdraw)
    C   .  .  .  .  .  .     completed: final
    W   .  .  .  .  .  .     withdrawn: final
"""


def _expected() -> dict[tuple[str, str], bool]:
    rows = [line.split() for line in GRID.strip().splitlines()[1:]]
    return {
        (ORDER[i], ORDER[j]): cell == "x"
        for i, row in enumerate(rows)
        for j, cell in enumerate(row[1:7])
    }


EXPECTED = _expected()


def test_the_grid_covers_every_pair_of_states():
    assert set(EXPECTED) == {(a, b) for a in Status for b in Status}
    assert set(TRANSITIONS) == set(Status)


@pytest.mark.parametrize(("from_status", "to_status"), sorted(EXPECTED))
def test_each_pair_of_states_is_allowed_exactly_as_the_law_says(from_status, to_status):
    assert can_move(from_status, to_status) is EXPECTED[(from_status, to_status)]


def test_no_state_moves_to_itself_and_nothing_returns_to_registered():
    for status in Status:
        assert not can_move(status, status)
        assert not can_move(status, Status.REGISTERED)


def test_the_open_states_are_exactly_those_that_can_still_be_withdrawn():
    assert Status.open_statuses() == {s for s in Status if can_move(s, Status.WITHDRAWN)}


def test_the_final_states_lead_nowhere():
    for status in (Status.COMPLETED, Status.WITHDRAWN):
        assert TRANSITIONS[status] == frozenset()


@pytest.mark.parametrize("unknown", ["", "hilang", "TERDAFTAR"])
def test_an_unknown_status_moves_nowhere(unknown):
    for status in Status:
        assert not can_move(unknown, status)
