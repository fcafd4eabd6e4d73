"""The request's timeline and what every event moves: the end of the retention period.

Shared by the services, the erasure and the officers' privacy actions, so that every event,
whoever writes it, counts for retention (UU 27/2022; `retention.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import models

from lontar.agencies.models import Agency
from lontar.core import audit
from lontar.ppid import retention
from lontar.ppid.actions import Action
from lontar.ppid.models import InformationRequest, PPIDSettings, RequestEvent


def settings_for(agency: Agency) -> PPIDSettings:
    row, _created = PPIDSettings.objects.get_or_create(agency=agency)
    return row


def extend_retention(information_request, on: date) -> None:
    """Retention counts from the last event, whatever the state (UU 27/2022; ppid/retention.py)."""
    years = settings_for(information_request.agency).retention_years
    until = retention.erase_on(on, years)
    information_request.retain_personal_data_until = until
    if information_request.pk:
        InformationRequest.objects.filter(pk=information_request.pk).update(
            retain_personal_data_until=until
        )


def _record(
    information_request,
    *,
    kind,
    by=None,
    ip=None,
    from_status="",
    to_status="",
    public_note="",
    internal_note="",
) -> RequestEvent:
    if kind != "personal_data_erased":
        extend_retention(information_request, information_request.agency.today())
    return RequestEvent.objects.create(
        information_request=information_request,
        actor=by if getattr(by, "is_authenticated", False) else None,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        public_note=public_note,
        internal_note=internal_note,
        ip_address=ip,
    )


def audit_officer_action(
    action: Action,
    information_request: InformationRequest,
    *,
    by,
    ip: str | None = None,
    obj: models.Model | None = None,
    changes: Mapping[str, Any] | None = None,
    note: str = "",
) -> None:
    """The audit row every officer action leaves beside its RequestEvent: `ppid.<event kind>`.

    `changes` and `note` must hold no personal data (name fields, never their values).
    """
    audit.record(
        actor=audit.Actor(user=by if getattr(by, "is_authenticated", False) else None, ip=ip),
        action=f"ppid.{action.event_kind}",
        obj=obj or information_request,
        agency=information_request.agency,
        changes=changes,
        note=note,
    )
