"""The lifecycles the open-data admin may move records through.

A partner key is issued active and can only be revoked (for good: a revoked key is never
reactivated; issue a new one). A dataset is public (in the catalogue and the CKAN API for
everyone) or shared with partners only; publishing and withdrawing it are audited. Services in
`opendata/partners.py` and `opendata/publication.py` check these tables before writing.
"""

from __future__ import annotations

from typing import Any

from lontar.core.transitions import Transition, Workflow

# Partner keys.
ACTIVE = "active"
REVOKED = "revoked"
KEY_PERMISSION = "opendata.change_partneragreement"

KEY_WORKFLOW = Workflow(
    [
        Transition("issue", frozenset({""}), ACTIVE, KEY_PERMISSION),
        Transition("revoke", frozenset({ACTIVE}), REVOKED, KEY_PERMISSION),
    ]
)


def key_state(key: Any) -> str:
    if key.pk is None:
        return ""
    return REVOKED if key.revoked_at is not None else ACTIVE


# Datasets: the state is the stored `visibility` value ("publik" / "mitra").
PUBLIC = "publik"
PARTNERS = "mitra"
DATASET_PERMISSION = "opendata.change_dataset"

DATASET_WORKFLOW = Workflow(
    [
        Transition("publish", frozenset({"", PARTNERS}), PUBLIC, DATASET_PERMISSION),
        Transition("unpublish", frozenset({PUBLIC}), PARTNERS, DATASET_PERMISSION),
    ]
)
