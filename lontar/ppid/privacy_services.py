"""The requester's rights under UU 27/2022, exercised through an officer: correct and erase.

A requester asks the data protection officer (named in the privacy notice) to correct or delete
their data; the officer does it here. Each change is an event on the request and a row in the
audit trail naming which fields changed — never the values, which are personal.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lontar.agencies.models import Agency
from lontar.ppid import limits
from lontar.ppid.actions import Action, require
from lontar.ppid.erasure import erase_personal_data
from lontar.ppid.events import _record, audit_officer_action, settings_for
from lontar.ppid.models import InformationRequest
from lontar.ppid.privacy import PrivacyFacts, privacy_notice

# What a requester may have corrected, with its maximum length.
CORRECTABLE: Mapping[str, int] = {
    "name": limits.NAME_MAX,
    "address": limits.ADDRESS_MAX,
    "phone": limits.PHONE_MAX,
    "email": limits.EMAIL_MAX,
    "occupation": limits.OCCUPATION_MAX,
    "group_name": 200,
    "represented_person": 200,
}
REASON_MIN, REASON_MAX = 10, 500


def privacy_notice_for(agency: Agency) -> str:
    """The privacy notice of `agency` as the form and the intake show it, today."""
    row = settings_for(agency)
    return privacy_notice(
        PrivacyFacts(
            agency_name=agency.name,
            privacy_officer=row.privacy_officer,
            contact=agency.ppid_email or agency.ppid_phone or agency.email,
            retention_years=row.retention_years,
        )
    )


def _check(action: Action, information_request: InformationRequest, by, reason: str) -> str:
    require(action, information_request, by=by)
    reason = " ".join(reason.split())
    if not REASON_MIN <= len(reason) <= REASON_MAX:
        raise ValidationError(
            {"reason": _("Tuliskan dasar permintaan pemohon (10 sampai 500 huruf).")}
        )
    return reason


@transaction.atomic
def correct_personal_data(
    information_request: InformationRequest,
    *,
    changes: Mapping[str, str],
    reason: str,
    by,
    ip: str | None = None,
) -> list[str]:
    """Apply the requester's corrections; return the names of the fields that changed."""
    reason = _check(Action.CORRECT, information_request, by, reason)
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise ValidationError(_("Kolom ini tidak dapat diperbaiki di sini."))
    r = InformationRequest.objects.select_for_update().get(pk=information_request.pk)
    changed = []
    errors = {}
    for name, value in changes.items():
        value = value.strip()
        if len(value) > CORRECTABLE[name]:
            errors[name] = _("Terlalu panjang.")
        elif name == "name" and not value:
            errors[name] = _("Nama tidak boleh kosong.")
        elif getattr(r, name) != value:
            setattr(r, name, value)
            changed.append(name)
    if errors:
        raise ValidationError(errors)
    if not changed:
        return []
    r.save(update_fields=changed)
    _record(
        r,
        kind="personal_data_corrected",
        by=by,
        ip=ip,
        internal_note=_("Data pribadi diperbaiki atas permintaan pemohon (%(fields)s): %(why)s")
        % {"fields": ", ".join(changed), "why": reason},
    )
    audit_officer_action(
        Action.CORRECT,
        r,
        by=by,
        ip=ip,
        changes=dict.fromkeys(changed, "diperbaiki"),  # which, never the values
        note=reason,
    )
    information_request.refresh_from_db()
    return changed


@transaction.atomic
def erase_on_request(
    information_request: InformationRequest, *, reason: str, by, ip: str | None = None
) -> None:
    """Erase the requester's personal data at their request (UU 27/2022 Pasal 43).

    Not while the request is being served: it cannot be answered without knowing to whom.
    """
    reason = _check(Action.ERASE, information_request, by, reason)  # not while still open
    erase_personal_data(
        information_request,
        by=by,
        ip=ip,
        retention_ended=False,
        reason=_("Data pribadi dihapus atas permintaan pemohon: %(why)s") % {"why": reason},
    )
    audit_officer_action(Action.ERASE, information_request, by=by, ip=ip, note=reason)
