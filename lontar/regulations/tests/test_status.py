"""The status rules of docs/domain/jdih.md ("Status"), without a database."""

import pytest

from lontar.regulations.status import Status, connected, derive_statuses

B, D, T = Status.IN_FORCE, Status.AMENDED, Status.NOT_IN_FORCE


@pytest.mark.parametrize(
    ("relations", "expected"),
    [
        pytest.param([], {"A": B, "B": B, "C": B, "D": B}, id="no relations: all in force"),
        pytest.param([("B", "mencabut", "A")], {"A": T, "B": B}, id="B revokes A"),
        pytest.param([("B", "mengubah", "A")], {"A": D, "B": B}, id="B amends A"),
        pytest.param(
            [("B", "mengubah", "A"), ("C", "mengubah", "A")],
            {"A": D, "B": B, "C": B},
            id="two amendments",
        ),
        pytest.param(
            [("B", "mengubah", "A"), ("C", "mencabut", "A")],
            {"A": T, "B": T, "C": B},
            id="revoking the original revokes its amendment",
        ),
        pytest.param(
            [("B", "mengubah", "A"), ("C", "mengubah", "B"), ("D", "mencabut", "A")],
            {"A": T, "B": T, "C": T, "D": B},
            id="revocation propagates down a chain of amendments",
        ),
        pytest.param(
            [("B", "mencabut", "A"), ("C", "mencabut", "B")],
            {"A": T, "B": T, "C": B},
            id="revoking the revoker does not revive A",
        ),
        pytest.param(
            [("B", "melaksanakan", "A"), ("C", "mencabut", "A")],
            {"A": T, "B": B, "C": B},
            id="implementing regulation stays in force",
        ),
        pytest.param(
            [("C", "mengubah", "A"), ("C", "mengubah", "B"), ("D", "mencabut", "A")],
            {"A": T, "B": D, "C": B, "D": B},
            id="amendment of two survives while one target lives",
        ),
        pytest.param(
            [("B", "mengubah", "A"), ("A", "mengubah", "B")],
            {"A": D, "B": D},
            id="a cycle of amendments terminates",
        ),
        pytest.param(
            [("B", "mengubah", "A"), ("B", "mencabut", "A")],
            {"A": T, "B": B},
            id="revocation wins over amendment",
        ),
    ],
)
def test_derive_statuses(relations, expected):
    statuses = derive_statuses(expected.keys(), relations)
    assert statuses == expected


def test_self_relations_are_ignored():
    assert derive_statuses(["A"], [("A", "mencabut", "A")]) == {"A": B}


def test_unknown_relation_kind_is_refused():
    with pytest.raises(ValueError):
        derive_statuses(["A", "B"], [("B", "membatalkan", "A")])


def test_connected_follows_relations_both_ways():
    edges = [("B", "mengubah", "A"), ("C", "mencabut", "B"), ("E", "mencabut", "D")]
    assert connected("A", edges) == {"A", "B", "C"}
    assert connected("C", edges) == {"A", "B", "C"}
    assert connected("X", edges) == {"X"}
