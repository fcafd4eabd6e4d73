"""Reads of information requests. Views never call `.objects.get` on requests directly."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, F, Q, QuerySet, When
from django.http import Http404

from lontar.agencies.calendar import calendar_for_agency
from lontar.core.models import OutboxMessage
from lontar.ppid import crypto
from lontar.ppid.models import InformationRequest, Notice
from lontar.ppid.notices import DeliveryState, delivery_state
from lontar.ppid.states import Status

AT_RISK_WORKING_DAYS = 2


def may_handle_requests(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("ppid.view_informationrequest"))


def requests_for_staff(user) -> QuerySet[InformationRequest]:
    """The requests of the agencies this PPID officer serves (all of them for platform admins)."""
    if not may_handle_requests(user):
        raise PermissionDenied
    from lontar.ppid.utama import visible_requests_q  # the PPID Utama sees its Pelaksana's

    return InformationRequest.objects.filter(visible_requests_q(user))


def get_request_for_staff(user, pk: int) -> InformationRequest:
    """The one way an admin view loads a request: another agency's request is a 404."""
    try:
        return requests_for_staff(user).select_related("agency", "assigned_unit").get(pk=pk)
    except InformationRequest.DoesNotExist as exc:
        raise Http404 from exc


def track_request(number: str, code: str) -> InformationRequest | None:
    """The request with this number whose secret code matches, else None (no hint which)."""
    candidates = InformationRequest.objects.filter(number=number.strip()).select_related("agency")
    wanted = crypto.tracking_code_hash(code.strip().upper())
    for candidate in candidates:
        if hmac.compare_digest(candidate.tracking_code_hash, wanted):
            return candidate
    return None


@dataclass(frozen=True)
class QueueRow:
    request: InformationRequest
    working_days_left: int
    today: date

    @property
    def overdue(self) -> bool:
        # By date, not by working days: on the Saturday after a Friday deadline no working
        # day has passed, yet the deadline has.
        return self.today > self.request.current_due

    @property
    def at_risk(self) -> bool:
        return not self.overdue and self.working_days_left <= AT_RISK_WORKING_DAYS


QUEUE_PAGE_SIZE = 50
QUEUE_COLUMNS = (
    "number",
    "agency_id",
    "received_at",
    "status",
    "notice_due",
    "extended_due",
    "extended_at",
    "assigned_unit",
)


def _queue(user, agency, *, status: str = "", unit_id: int | None = None) -> QuerySet:
    """The open requests of the queue, first by due date (the extended one once extended)."""
    queryset = (
        requests_for_staff(user)
        .filter(Q(agency=agency) | Q(handling_agency=agency))  # disposed to it by the Utama
        .select_related("agency", "assigned_unit")
    )
    if status:
        queryset = queryset.filter(status=status)
    else:
        queryset = queryset.filter(status__in=Status.open_statuses())
    if unit_id:
        queryset = queryset.filter(assigned_unit_id=unit_id)
    current_due = Case(
        When(extended_at__isnull=False, then=F("extended_due")), default=F("notice_due")
    )
    return queryset.order_by(current_due, "received_at", "pk")


def officer_queue(
    user, agency, today: date, *, status: str = "", unit_id: int | None = None
) -> list[QueueRow]:
    """One agency's open requests first by due date, with working days left (negative when
    overdue). Another agency's queue is empty, not an error: `queue_agency` already chose."""
    calendar = calendar_for_agency(agency)
    return [
        QueueRow(item, calendar.working_days_between(today, item.current_due), today)
        for item in _queue(user, agency, status=status, unit_id=unit_id)
    ]


def officer_queue_page(
    user,
    agency,
    today: date,
    page_number: int,
    *,
    status: str = "",
    unit_id: int | None = None,
) -> tuple[Page, list[QueueRow]]:
    """One page of `officer_queue`: a large agency's open requests, a page at a time, ordered
    in the database (issue 22: the queue's time grew with every open request)."""
    # Only what a row shows (number, dates, status, unit, deadline): a page is 50 rows and a
    # request has some forty columns, many of them long texts, plus its agency's (the queue's
    # own, given) — reading them all was most of the page's time once it was full (issue 22).
    queryset = (
        _queue(user, agency, status=status, unit_id=unit_id)
        .select_related(None)
        .select_related("assigned_unit")
        .only(*QUEUE_COLUMNS, "assigned_unit__name")
    )
    if page_number == 1:  # the usual case: the whole queue fits one page, no COUNT needed
        head = list(queryset[: QUEUE_PAGE_SIZE + 1])
        if len(head) <= QUEUE_PAGE_SIZE:
            chosen = Paginator(head, QUEUE_PAGE_SIZE).page(1)
        else:
            chosen = Page(head[:QUEUE_PAGE_SIZE], 1, Paginator(queryset, QUEUE_PAGE_SIZE))
    else:
        chosen = Paginator(queryset, QUEUE_PAGE_SIZE).get_page(page_number)
    calendar = calendar_for_agency(agency)
    rows = [
        QueueRow(item, calendar.working_days_between(today, item.current_due), today)
        for item in chosen.object_list
    ]
    return chosen, rows


def public_register(agency) -> QuerySet[InformationRequest]:
    """The rows of the public register; its columns (no personal data) are `ppid/register.py`."""
    return (
        InformationRequest.objects.filter(agency=agency)
        .only(
            "number",
            "received_at",
            "public_summary",
            "status",
            "decision",
            "refusal_ground",
            "answered_at",
            "completed_at",
            "notice_due",
            "extended_due",
            "extended_at",
            "obtain_method",
            "information_held",
            "holder_body",
            "information_form",
            "information_given_on",
            "payment_method",
            "register_remarks",
            "cost_amount",
            "agency_id",
        )
        .order_by("-received_at")
    )


def request_counts(agency) -> QuerySet:
    """Requests per year, status and decision — counts only (the open-data statistics)."""
    return (
        InformationRequest.objects.filter(agency=agency)
        .values("year", "status", "decision")
        .annotate(total=Count("pk"))
        .order_by("year", "status", "decision")
    )


def public_timeline(information_request) -> QuerySet:
    """The request's steps as the requester sees them (events with a public note), oldest
    first; used by the tracking page and by the objection dossier (lontar/objections)."""
    return information_request.events.exclude(public_note="").order_by("at", "pk")


def requests_for_statistics(agency, year: int) -> QuerySet[InformationRequest]:
    """One agency's requests of a year with only what the statistics count (no personal data;
    lontar/ppidstats)."""
    return InformationRequest.objects.filter(agency=agency, year=year).only(
        "agency_id",
        "received_at",
        "channel",
        "status",
        "decision",
        "refusal_ground",
        "answered_at",
        "notice_due",
        "extended_due",
        "extended_at",
    )


@dataclass(frozen=True)
class NoticeRow:
    """A notice with where it stands (`notices.delivery_state`), for the tracking and desk pages."""

    notice: Notice
    state: DeliveryState

    @property
    def delivered(self) -> bool:
        return self.state == DeliveryState.DELIVERED


def notices_with_delivery(information_request: InformationRequest) -> list[NoticeRow]:
    """The request's notices in order, each with its delivery state: two queries."""
    notices = list(information_request.notices.all())
    keys = [n.email_key for n in notices if n.email_key and n.delivered_at is None]
    mail_status = dict(
        OutboxMessage.objects.filter(key__in=keys).values_list("key", "status") if keys else []
    )
    return [
        NoticeRow(
            notice,
            delivery_state(
                channel=notice.channel,
                delivered=notice.delivered_at is not None,
                mail_status=mail_status.get(notice.email_key),
            ),
        )
        for notice in notices
    ]
