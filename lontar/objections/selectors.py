"""Reads of objections. Views never call `.objects.get` on objections directly."""

from __future__ import annotations

import hmac

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from lontar.agencies.selectors import agencies_visible_to
from lontar.objections.models import Objection
from lontar.ppid import crypto

VIEW_PERMISSION = "objections.view_objection"


def may_handle_objections(user) -> bool:
    return bool(user.is_authenticated and user.has_perm(VIEW_PERMISSION))


def objections_for_staff(user) -> QuerySet[Objection]:
    if not may_handle_objections(user):
        raise PermissionDenied
    return Objection.objects.filter(agency__in=agencies_visible_to(user))


def get_objection_for_staff(user, pk: int) -> Objection:
    """The one way an admin view loads an objection: another agency's is a 404."""
    try:
        return objections_for_staff(user).select_related("agency", "information_request").get(pk=pk)
    except Objection.DoesNotExist as exc:
        raise Http404 from exc


def track_objection(number: str, code: str) -> Objection | None:
    """The objection with this number whose secret code matches, else None."""
    candidates = Objection.objects.filter(number=number.strip().upper()).select_related("agency")
    wanted = crypto.tracking_code_hash(code.strip().upper())
    for candidate in candidates:
        if hmac.compare_digest(candidate.tracking_code_hash, wanted):
            return candidate
    return None


def public_register(agency) -> QuerySet[Objection]:
    """The rows of the public objection register (its columns carry no personal data)."""
    return (
        Objection.objects.filter(agency=agency)
        .select_related("information_request")
        .only(
            "number",
            "received_at",
            "grounds",
            "status",
            "outcome",
            "answered_at",
            "superior_name",
            "superior_position",
            "dispute_outcome",
            "agency_id",
            "information_request__number",
            "information_request__public_summary",
        )
        .order_by("-received_at")
    )


def objection_counts(agency, year: int) -> list[Objection]:
    """An agency's objections of a year, with their dispute steps (for the statistics)."""
    return list(
        Objection.objects.filter(agency=agency, year=year)
        .only(
            "grounds",
            "status",
            "outcome",
            "dispute_outcome",
            "answered_at",
            "answer_due",
            "received_at",
            "agency_id",
        )
        .prefetch_related("dispute_steps")
    )
