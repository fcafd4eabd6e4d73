"""Writes that matter on the DIP desk: urgent notices and the confirmation of sources.

Each checks the workflow (`states.py`), the user's permission and agency, writes in one
transaction and appends an audit event (`core.audit`).
"""

from __future__ import annotations

import hashlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lontar.agencies.selectors import agencies_visible_to
from lontar.core import audit
from lontar.core.audit import Actor
from lontar.core.transitions import TransitionNotAllowed
from lontar.infolist import registry, states
from lontar.infolist.categories import Category
from lontar.infolist.models import SourceConfirmation, UrgentNotice
from lontar.infolist.selectors import forget_banner


def _may(user, agency_id: int, permission: str) -> bool:
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.has_perm(permission)
        and agencies_visible_to(user).filter(pk=agency_id).exists()
    )


def allowed_notice_actions(notice: UrgentNotice, user) -> list[str]:
    return [
        t.action
        for t in states.NOTICE_WORKFLOW.actions_from(notice.status)
        if _may(user, notice.agency_id, t.permission)
    ]


def proof_digest(notice: UrgentNotice) -> str:
    """SHA-256 over what was published and when: the proof a later copy can be checked against."""
    text = "\n".join([notice.title, notice.body, notice.link, notice.published_at.isoformat()])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _move(notice: UrgentNotice, action: str, actor: Actor) -> tuple[str, str]:
    permission = states.NOTICE_WORKFLOW.transition(action).permission
    if actor.user is not None and not _may(actor.user, notice.agency_id, permission):
        raise PermissionDenied
    locked = UrgentNotice.objects.select_for_update().get(pk=notice.pk)
    try:
        return locked.status, states.NOTICE_WORKFLOW.check(action, locked.status)
    except TransitionNotAllowed as exc:
        raise ValidationError(str(states.REFUSALS[action])) from exc


def publish_notice(notice: UrgentNotice, *, actor: Actor) -> None:
    """Show the notice on every page of the agency's site now, with proof of publication."""
    with transaction.atomic():
        from_state, to_state = _move(notice, states.PUBLISH, actor)
        notice.status = to_state
        notice.published_at = timezone.now()
        notice.published_by = actor.user if actor.user_id else None
        notice.proof_digest = proof_digest(notice)
        notice.save()
        audit.record(
            actor=actor,
            action="infolist.publish_notice",
            obj=notice,
            from_state=from_state,
            to_state=to_state,
            changes={"proof_digest": [None, notice.proof_digest]},
        )
        # Now for this request, and again after commit in case a page re-cached the old list.
        forget_banner(notice.agency_id)
        transaction.on_commit(lambda: forget_banner(notice.agency_id))


def withdraw_notice(notice: UrgentNotice, *, actor: Actor) -> None:
    with transaction.atomic():
        from_state, to_state = _move(notice, states.WITHDRAW, actor)
        notice.status = to_state
        notice.withdrawn_at = timezone.now()
        notice.save(update_fields=["status", "withdrawn_at"])
        audit.record(
            actor=actor,
            action="infolist.withdraw_notice",
            obj=notice,
            from_state=from_state,
            to_state=to_state,
        )
        # Now for this request, and again after commit in case a page re-cached the old list.
        forget_banner(notice.agency_id)
        transaction.on_commit(lambda: forget_banner(notice.agency_id))


def confirm_source(agency, source_key: str, category: str, *, actor: Actor) -> SourceConfirmation:
    """The PPID confirms (or corrects) the category of an automatic DIP source, once."""
    if registry.source(source_key) is None:
        raise ValidationError(_("Sumber DIP tidak dikenal."))
    if category not in Category.values:
        raise ValidationError(_("Kategori tidak dikenal."))
    if actor.user is not None and not _may(actor.user, agency.pk, states.DESK_PERMISSION):
        raise PermissionDenied
    with transaction.atomic():
        row, created = SourceConfirmation.objects.get_or_create(
            agency=agency,
            source_key=source_key,
            defaults={"category": category, "confirmed_by": actor.user if actor.user_id else None},
        )
        if not created:
            raise ValidationError(_("Kategori sumber ini sudah dikonfirmasi."))
        audit.record(
            actor=actor,
            action="infolist.confirm_source",
            obj=row,
            changes={"source_key": [None, source_key], "category": [None, category]},
        )
    return row
