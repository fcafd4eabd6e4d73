"""The PPID Utama over the PPID Pelaksana (issue 18): who sees which request, disposing a
request to an OPD and taking it back, and the province-wide queue.

- A PPID Utama is the PPID of an agency whose `ppid_role` is "utama"; its Pelaksana are the
  agencies whose `parent` is that agency and whose `ppid_role` is "pelaksana". A regency or city
  hosted on the same platform is its own PPID Utama and stays out of the province's desk.
- The Utama's officers see every request of their agency and of its Pelaksana; a Pelaksana's
  officers see their own agency's requests and those the Utama disposed to them, nothing else.
- Disposing keeps the request in the Utama's register and keeps its clock
  (`forwarding_rules.disposed_due`): it is the same public body. Both moves are events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from lontar.agencies.calendar import calendar_for_agency
from lontar.agencies.models import Agency
from lontar.agencies.selectors import agencies_visible_to, agency_of_user
from lontar.core.calendar import WorkingCalendar
from lontar.ppid.events import _record
from lontar.ppid.models import InformationRequest
from lontar.ppid.states import Status

AT_RISK_WORKING_DAYS = 2
NOTE_MAX = 500


def is_utama(agency: Agency | None) -> bool:
    return agency is not None and agency.ppid_role == Agency.PPIDRole.MAIN


def pelaksana_of(agency: Agency) -> QuerySet[Agency]:
    """The PPID Pelaksana under a PPID Utama (none for a Pelaksana)."""
    if not is_utama(agency):
        return Agency.objects.none()
    return Agency.objects.filter(parent=agency, ppid_role=Agency.PPIDRole.BRANCH)


def province_agencies(agency: Agency) -> QuerySet[Agency]:
    """The Utama's agency and its Pelaksana, by name."""
    return Agency.objects.filter(
        Q(pk=agency.pk) | Q(parent=agency, ppid_role=Agency.PPIDRole.BRANCH)
    ).order_by("name")


def utama_agency_of(user) -> Agency | None:
    """The user's agency when it is a PPID Utama, else None."""
    agency = agency_of_user(user)
    return agency if is_utama(agency) else None


def visible_requests_q(user) -> Q:
    """Which requests a PPID officer sees: own agency's, its Pelaksana's for a Utama, and those
    disposed to the officer's agency. Platform admins see all."""
    if user.is_superuser:
        return Q()
    own = agencies_visible_to(user)
    agency = agency_of_user(user)
    condition = Q(agency__in=own)
    if agency is not None:
        condition |= Q(handling_agency=agency)
        if is_utama(agency):
            condition |= Q(agency__in=pelaksana_of(agency))
    return condition


def may_act_on(user, information_request: InformationRequest) -> bool:
    """A Pelaksana's officers act on a request the Utama disposed to them."""
    agency = agency_of_user(user)
    return agency is not None and information_request.handling_agency_id == agency.pk


def _require_utama(user, information_request: InformationRequest) -> Agency:
    agency = agency_of_user(user)
    if user.is_superuser:
        agency = information_request.agency
    if (
        agency is None
        or not is_utama(agency)
        or information_request.agency_id != agency.pk
        or not user.has_perm("ppid.change_informationrequest")
    ):
        raise PermissionDenied(_("Hanya PPID Utama instansi ini yang dapat mendisposisikan."))
    return agency


def _clean_note(note: str) -> str:
    note = " ".join((note or "").split())
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": _("Catatan terlalu panjang (paling banyak 500 huruf).")})
    return note


@transaction.atomic
def dispose_to_pelaksana(
    information_request: InformationRequest, *, to: Agency, note: str, by, ip=None
) -> None:
    """The Utama hands an open request of its own to one of its Pelaksana; the clock stays."""
    utama = _require_utama(by, information_request)
    note = _clean_note(note)
    if information_request.status not in Status.open_statuses():
        raise ValidationError(
            _("Permohonan yang sudah dijawab atau ditutup tidak dapat didisposisikan.")
        )
    if not pelaksana_of(utama).filter(pk=to.pk).exists():
        raise ValidationError({"to": _("Pilih PPID Pelaksana di bawah PPID Utama ini.")})
    if information_request.handling_agency_id == to.pk:
        raise ValidationError({"to": _("Permohonan sudah didisposisikan ke instansi ini.")})
    information_request.handling_agency = to
    information_request.save(update_fields=["handling_agency"])
    _record(
        information_request,
        kind="disposed_to_pelaksana",
        by=by,
        ip=ip,
        public_note=_("Permohonan didisposisikan kepada PPID Pelaksana %(agency)s.")
        % {"agency": to.name},
        internal_note=note,
    )


@transaction.atomic
def take_back(information_request: InformationRequest, *, note: str, by, ip=None) -> None:
    """The Utama takes a disposed request back to its own desk; the clock stays."""
    _require_utama(by, information_request)
    note = _clean_note(note)
    if information_request.handling_agency_id is None:
        raise ValidationError(_("Permohonan ini tidak sedang didisposisikan."))
    previous = information_request.handling_agency
    information_request.handling_agency = None
    information_request.save(update_fields=["handling_agency"])
    _record(
        information_request,
        kind="taken_back",
        by=by,
        ip=ip,
        public_note=_("Permohonan ditarik kembali oleh PPID Utama dari %(agency)s.")
        % {"agency": previous.name if previous else "-"},
        internal_note=note,
    )


@dataclass
class AgencyQueue:
    agency: Agency
    open_count: int = 0
    at_risk: list = field(default_factory=list)
    overdue: list = field(default_factory=list)


def province_queue(utama: Agency, today: date) -> list[AgencyQueue]:
    """Per agency of the province (the one handling it), its open requests at risk or overdue."""
    agencies = list(province_agencies(utama))
    by_id = {agency.pk: AgencyQueue(agency) for agency in agencies}
    calendars: dict[int, WorkingCalendar] = {}
    requests = (
        InformationRequest.objects.filter(
            Q(agency__in=agencies) | Q(handling_agency__in=agencies),
            status__in=Status.open_statuses(),
        )
        .select_related("agency", "handling_agency")
        .only(
            "number",
            "status",
            "notice_due",
            "extended_due",
            "extended_at",
            "received_at",
            "public_summary",
            "agency",
            "handling_agency",
        )
        .order_by("notice_due", "received_at")
    )
    for item in requests:
        holder = item.handling_agency or item.agency
        row = by_id.get(holder.pk)
        if row is None:  # disposed outside the province: shown with its own agency
            row = by_id[item.agency_id]
        row.open_count += 1
        if item.agency_id not in calendars:
            calendars[item.agency_id] = calendar_for_agency(item.agency)
        if today > item.current_due:
            row.overdue.append(item)
            continue
        left = calendars[item.agency_id].working_days_between(today, item.current_due)
        if left <= AT_RISK_WORKING_DAYS:
            row.at_risk.append(item)
    return list(by_id.values())
