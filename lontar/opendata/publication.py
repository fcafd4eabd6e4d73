"""Publishing a dataset (making it public) and withdrawing it to partners only, audited.

A dataset's visibility is edited in its Wagtail snippet form; the form's create and edit views
(`opendata/wagtail_hooks.py`) hand every save to `record_saved`, inside the view's transaction,
so a change of visibility is checked against `states.DATASET_WORKFLOW` and recorded with who,
from where and when, or the whole save is rolled back. `set_visibility` does the same move
without a form (for code and tests).
"""

from __future__ import annotations

from django.db import transaction

from lontar.core import audit
from lontar.core.audit import Actor
from lontar.opendata import states
from lontar.opendata.models import Dataset


def state_of(dataset: Dataset) -> str:
    return dataset.visibility if dataset.pk else ""


def allowed_actions(dataset: Dataset, user) -> list[str]:
    return [
        transition.action
        for transition in states.DATASET_WORKFLOW.actions_from(state_of(dataset))
        if user is not None and user.has_perm(transition.permission)
    ]


def stored_state(pk: int | None) -> str:
    """The visibility stored for `pk` before a form saves over it ("" for a new dataset)."""
    if pk is None:
        return ""
    return Dataset.objects.filter(pk=pk).values_list("visibility", flat=True).first() or ""


def _action_between(before: str, after: str) -> str | None:
    if before == after:
        return None
    if after == states.PUBLIC:
        return "publish"
    if before == states.PUBLIC:
        return "unpublish"
    return None  # a new dataset shared with partners only: nothing was published


def record_saved(dataset: Dataset, before: str, actor: Actor) -> str | None:
    """Call inside the transaction that saved `dataset` from a form whose stored visibility
    was `before`: checks and records a publication or withdrawal (the action, or None).
    A refused move raises `TransitionNotAllowed`, which rolls the save back."""
    action = _action_between(before, dataset.visibility)
    if action is None:
        return None
    to_state = states.DATASET_WORKFLOW.check(action, before)
    audit.record(
        actor=actor,
        action=action,
        obj=dataset,
        from_state=before,
        to_state=to_state,
        changes={"visibility": [before or None, dataset.visibility]},
    )
    return action


@transaction.atomic
def set_visibility(dataset: Dataset, action: str, actor: Actor) -> Dataset:
    """Publish (`"publish"`) or withdraw to partners only (`"unpublish"`) one dataset."""
    locked = Dataset.objects.select_for_update().get(pk=dataset.pk)
    before = locked.visibility
    to_state = states.DATASET_WORKFLOW.check(action, before)
    locked.visibility = to_state
    locked.save(update_fields=["visibility", "updated_at"])
    audit.record(
        actor=actor,
        action=action,
        obj=locked,
        from_state=before,
        to_state=to_state,
        changes={"visibility": [before, to_state]},
    )
    dataset.visibility = locked.visibility
    return dataset
