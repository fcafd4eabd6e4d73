"""The audit trail: who changed what, when and from which address.

Every write that matters to a citizen or to the agency's accountability (publishing an answer,
publishing survey results, issuing or revoking a partner key, importing regulations, publishing a
dataset) goes through one service, which calls `record(...)` inside its transaction. Events are
append-only (`core.models.AuditEvent`). Information requests keep their own, richer legal
record (`ppid.RequestEvent`); everything else uses this one table. See
docs/decisions/0010-audit-trail.md.

`changes` holds field names with their old and new values; it must never hold personal data
(names, e-mail, phone, NIK): log that a field changed with `redacted(...)`, not its value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models

REDACTED = "[disamarkan]"


@dataclass(frozen=True)
class Actor:
    """The person (or the system, when `user` is None) on whose behalf a service writes."""

    user: Any = None
    ip: str | None = None

    @classmethod
    def from_request(cls, request: Any) -> Actor:
        from lontar.core.client import client_ip

        user = getattr(request, "user", None)
        if user is not None and not getattr(user, "is_authenticated", False):
            user = None
        return cls(user=user, ip=client_ip(request) or None)

    @classmethod
    def system(cls) -> Actor:
        return cls(user=None, ip=None)

    @property
    def user_id(self) -> int | None:
        return getattr(self.user, "pk", None)


def _plain(value: Any) -> Any:
    """A JSON-safe picture of a field value."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    return str(value)


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of `fields` on `obj` (foreign keys by id), ready for `diff`."""
    values: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        attname = getattr(field, "attname", name)
        values[name] = _plain(getattr(obj, attname))
    return values


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """`{field: [old, new]}` for the fields whose value changed."""
    return {
        name: [_plain(before.get(name)), _plain(after.get(name))]
        for name in after
        if _plain(before.get(name)) != _plain(after.get(name))
    }


def redacted(changes: Mapping[str, list[Any]], *fields: str) -> dict[str, list[Any]]:
    """`changes` with the values of personal `fields` replaced: the event keeps *that* they
    changed, not what they were."""
    return {
        name: ([REDACTED, REDACTED] if name in fields else values)
        for name, values in changes.items()
    }


def record(
    *,
    actor: Actor,
    action: str,
    obj: models.Model,
    agency: Any = None,
    from_state: str = "",
    to_state: str = "",
    changes: Mapping[str, Any] | None = None,
    note: str = "",
):
    """Append one event for `obj`. Call it inside the service's transaction."""
    from lontar.core.models import AuditEvent

    if agency is None:
        agency_id = getattr(obj, "agency_id", None)
    else:
        agency_id = agency.pk
    return AuditEvent.objects.create(
        agency_id=agency_id,
        actor=actor.user if actor.user_id else None,
        ip_address=actor.ip,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        action=action,
        from_state=from_state,
        to_state=to_state,
        changes={str(k): _plain(v) for k, v in (changes or {}).items()},
        note=note[:2000],
    )


def events_for(obj: models.Model):
    """The events of one record, oldest first."""
    from lontar.core.models import AuditEvent

    return AuditEvent.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor")
