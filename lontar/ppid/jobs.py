"""Deadline reminders to the officers handling information requests (run by `lontar worker`).

At 5, 2 and 0 working days before a request's current due date, and every working day once it
is overdue, the agency's Petugas PPID (and those of the unit the request was sent to) get an
e-mail; an overdue request also goes to the agency's Atasan PPID. Each reminder is recorded in
`ReminderSent`, whose unique constraint makes sure no one gets the same reminder twice a day
however often the job runs; the record and the mail in the outbox are written in one
transaction, so a reminder counts as sent only once its mail is queued (decision 0015).
Reminders are only sent on the agency's working days.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from lontar.agencies.calendar import calendar_for_agency
from lontar.agencies.roles import Role
from lontar.core import outbox
from lontar.core.calendar import WorkingCalendar
from lontar.core.schedule import periodic
from lontar.ppid import mail
from lontar.ppid.models import InformationRequest, ReminderSent
from lontar.ppid.states import Status

logger = logging.getLogger("lontar.ppid")

THRESHOLDS = {
    5: ReminderSent.Kind.FIVE_DAYS,
    2: ReminderSent.Kind.TWO_DAYS,
    0: ReminderSent.Kind.DUE_TODAY,
}


@dataclass(frozen=True)
class Reminder:
    kind: str
    working_days: int  # left before the due date, or past it when overdue

    @property
    def overdue(self) -> bool:
        return self.kind == ReminderSent.Kind.OVERDUE


def reminder_due(
    information_request: InformationRequest, today: date, calendar: WorkingCalendar
) -> Reminder | None:
    """Which reminder, if any, this request calls for today (a working day)."""
    due = information_request.current_due
    if today > due:
        return Reminder(ReminderSent.Kind.OVERDUE, calendar.working_days_between(due, today))
    left = calendar.working_days_between(today, due)
    kind = THRESHOLDS.get(left)
    return Reminder(kind, left) if kind else None


def _staff_with_role(role: Role, query: Q) -> list[str]:
    users = (
        get_user_model()
        .objects.filter(query, is_active=True, groups__name=role.value)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def recipients(information_request: InformationRequest, *, escalate: bool) -> list[str]:
    """Petugas PPID of the agency and of the assigned unit; Atasan PPID when escalating."""
    officers = Q(staff_profile__agency=information_request.agency_id)
    if information_request.assigned_unit_id:
        officers |= Q(staff_profile__unit=information_request.assigned_unit_id)
    emails = _staff_with_role(Role.PPID_OFFICER, officers)
    if escalate:
        superiors = _staff_with_role(
            Role.PPID_SUPERIOR, Q(staff_profile__agency=information_request.agency_id)
        )
        emails = sorted(set(emails) | set(superiors))
    return emails


def _enqueue(
    information_request: InformationRequest, reminder: Reminder, to: list[str], record: ReminderSent
) -> None:
    context = {
        "r": information_request,
        "agency": information_request.agency,
        "reminder": reminder,
        "url": information_request.agency.absolute_url(
            reverse("ppid_admin_detail", args=[information_request.pk])
        ),
    }
    with translation.override(settings.LANGUAGE_CODE):  # staff mail is in Indonesian
        subject = render_to_string("emails/ppid/reminder_subject.txt", context).strip()
        body = render_to_string("emails/ppid/reminder_body.txt", context)
    outbox.enqueue(
        EmailMessage(subject, body, to=to),
        key=f"ppid.reminder:{record.pk}",
        about=mail.about(information_request),
    )


def remind(
    information_request: InformationRequest, today: date, calendar: WorkingCalendar
) -> ReminderSent | None:
    """Send today's reminder for one request unless it was already sent today."""
    reminder = reminder_due(information_request, today, calendar)
    if reminder is None:
        return None
    to = recipients(information_request, escalate=reminder.overdue)
    try:
        with transaction.atomic():
            record = ReminderSent.objects.create(
                information_request=information_request,
                kind=reminder.kind,
                sent_on=today,
                due=information_request.current_due,
                recipient_count=len(to),
                escalated=reminder.overdue,
            )
            if to:  # a failure here undoes the record: the next run tries again
                _enqueue(information_request, reminder, to, record)
    except IntegrityError:
        return None  # already sent today (perhaps by another worker)
    if not to:
        logger.warning("no PPID officer to remind for request %s", information_request.pk)
    return record


@periodic(every=timedelta(hours=1))
def send_deadline_reminders() -> int:
    """Remind the officers of every open request due soon or overdue; return how many sent.

    Each agency's working day starts at its own midnight (`Agency.today()`).
    """
    sent = 0
    calendars: dict[int, WorkingCalendar] = {}
    open_requests = InformationRequest.objects.filter(
        status__in=Status.open_statuses()
    ).select_related("agency", "assigned_unit")
    for information_request in open_requests.order_by("agency_id", "pk"):
        agency = information_request.agency
        if agency.pk not in calendars:
            calendars[agency.pk] = calendar_for_agency(agency)
        calendar = calendars[agency.pk]
        today = agency.today()
        if not calendar.is_working_day(today):
            continue
        try:
            if remind(information_request, today, calendar):
                sent += 1
        except Exception:  # one broken request must not keep the others' reminders back
            logger.exception("reminder for request %s failed", information_request.pk)
    return sent


@periodic(every=timedelta(days=1))
def erase_expired_personal_data() -> None:
    """Requesters' personal data goes when the agency's retention period ends (UU 27/2022)."""
    from lontar.ppid.services import erase_expired_personal_data as erase

    erased = erase()  # each agency's own today
    if erased:
        logger.info("data pribadi %d permohonan dihapus (masa simpan berakhir)", erased)
