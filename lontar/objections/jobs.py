"""Reminders to the Atasan PPID about objections awaiting an answer (run by `lontar worker`).

At 5, 2 and 0 working days before the answer is due, and every working day once overdue, the
agency's Atasan PPID get an e-mail; an overdue objection also goes to the Petugas PPID and the
agency admins (escalation). One `ObjectionReminder` row per objection, kind and day (a unique
constraint) with its mail queued in the same transaction, so a reminder is sent once however
often the job runs.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse

from lontar.agencies.calendar import calendar_for_agency
from lontar.agencies.roles import Role
from lontar.core import outbox
from lontar.core.calendar import WorkingCalendar
from lontar.core.schedule import periodic
from lontar.objections.deadlines import OVERDUE, reminder_kind
from lontar.objections.models import Objection, ObjectionReminder
from lontar.objections.states import Status

logger = logging.getLogger("lontar.objections")


def recipients(objection: Objection, *, escalate: bool) -> list[str]:
    roles = [Role.PPID_SUPERIOR.value]
    if escalate:
        roles += [Role.PPID_OFFICER.value, Role.AGENCY_ADMIN.value]
    users = get_user_model().objects.filter(
        is_active=True, groups__name__in=roles, staff_profile__agency=objection.agency_id
    )
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def remind(
    objection: Objection, today: date, calendar: WorkingCalendar
) -> ObjectionReminder | None:
    kind = reminder_kind(objection.answer_due, today, calendar)
    if kind is None:
        return None
    to = recipients(objection, escalate=kind == OVERDUE)
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "objections_admin_detail", args=[objection.pk]
    )
    try:
        with transaction.atomic():
            record = ObjectionReminder.objects.create(
                objection=objection, kind=kind, sent_on=today, recipient_count=len(to)
            )
            if to:
                late = kind == OVERDUE
                subject = (
                    f"[TERLAMBAT] Keberatan {objection.number} belum ditanggapi"
                    if late
                    else f"Pengingat: keberatan {objection.number} harus ditanggapi"
                )
                body = (
                    f"Keberatan {objection.number} harus ditanggapi Atasan PPID paling lambat "
                    f"{objection.answer_due:%d-%m-%Y} (UU 14/2008 Pasal 36 ayat (2)).\n\n{url}\n"
                )
                outbox.enqueue(
                    EmailMessage(subject, body, to=to),
                    key=f"objections.reminder:{record.pk}",
                    about=f"objections.objection:{objection.pk}",
                )
    except IntegrityError:
        return None  # already sent today
    return record


@periodic(every=timedelta(hours=1))
def send_objection_reminders() -> int:
    sent = 0
    calendars: dict[int, WorkingCalendar] = {}
    waiting = Objection.objects.filter(status=Status.REGISTERED).select_related("agency")
    for objection in waiting.order_by("agency_id", "pk"):
        agency = objection.agency
        calendar = calendars.setdefault(agency.pk, calendar_for_agency(agency))
        today = agency.today()
        if not calendar.is_working_day(today):
            continue
        try:
            if remind(objection, today, calendar):
                sent += 1
        except Exception:  # one broken row must not hold the others back
            logger.exception("reminder for objection %s failed", objection.pk)
    return sent
