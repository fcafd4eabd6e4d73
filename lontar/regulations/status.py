"""The legal status of documents, derived from the relations recorded between them.

Pure rules, no database: given the documents and the relations "source <kind> target", say
which documents are in force. See docs/domain/jdih.md (section "Status") for the worked
examples that `tests/test_status.py` checks.

- A document revoked by another (`mencabut`) is *Tidak berlaku*.
- A document amended by another (`mengubah`) and not revoked is *Diubah*.
- An amending document has no life of its own: once every document it amends has lost its
  force, it has lost its force too (revoking "Pergub 3/2019 as amended by Pergub 8/2021"
  revokes both). This propagates along chains of amendments. A document that revokes
  something itself has a life of its own and is not affected.
- `melaksanakan` (implements) never changes a status: an implementing regulation stays in
  force until it is revoked itself (transitional provisions usually keep it alive).
- Revoking a revoking document does not bring the first one back.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Hashable, Iterable
from enum import StrEnum


class Status(StrEnum):
    IN_FORCE = "berlaku"
    AMENDED = "diubah"
    NOT_IN_FORCE = "tidak_berlaku"


class RelationKind(StrEnum):
    AMENDS = "mengubah"
    REVOKES = "mencabut"
    IMPLEMENTS = "melaksanakan"


Edge = tuple[Hashable, str, Hashable]  # (source id, RelationKind value, target id)


def derive_statuses(
    documents: Iterable[Hashable], relations: Iterable[Edge]
) -> dict[Hashable, Status]:
    """The status of every document in `documents` given every relation between them."""
    ids = list(documents)
    edges = [(s, RelationKind(k), t) for s, k, t in relations if s != t]
    revoked = {t for _s, k, t in edges if k is RelationKind.REVOKES}
    amended = {t for _s, k, t in edges if k is RelationKind.AMENDS}
    amends: dict[Hashable, set[Hashable]] = defaultdict(set)
    for source, kind, target in edges:
        if kind is RelationKind.AMENDS:
            amends[source].add(target)

    revokers = {s for s, k, _t in edges if k is RelationKind.REVOKES}
    dead = set(revoked)
    changed = True
    while changed:  # fixed point: each round can only add documents, so it terminates
        changed = False
        for source, targets in amends.items():
            if source not in dead and source not in revokers and targets <= dead:
                dead.add(source)
                changed = True

    statuses = {}
    for doc in ids:
        if doc in dead:
            statuses[doc] = Status.NOT_IN_FORCE
        elif doc in amended:
            statuses[doc] = Status.AMENDED
        else:
            statuses[doc] = Status.IN_FORCE
    return statuses


def connected(start: Hashable, relations: Iterable[Edge]) -> set[Hashable]:
    """Every document reachable from `start` through relations in either direction."""
    neighbours: dict[Hashable, set[Hashable]] = defaultdict(set)
    for source, _kind, target in relations:
        neighbours[source].add(target)
        neighbours[target].add(source)
    seen = {start}
    queue = deque([start])
    while queue:
        for other in neighbours[queue.popleft()]:
            if other not in seen:
                seen.add(other)
                queue.append(other)
    return seen
