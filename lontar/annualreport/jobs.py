"""Reminders about the annual report (run by `lontar worker`): from January until it is out.

Once a day, for each agency, the report of the year that has just ended is looked at
(`rules.reminder_due`): from 1 January the Petugas PPID get a reminder every two weeks; from
1 April, when it is late, every week, with the Atasan PPID and the agency's admins copied. The
day is recorded on the report (a draft row is created for it) in the same transaction as the
queued mail, whose key names the agency, year and day, so a reminder goes once however often
the job runs.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse

from lontar.agencies.roles import Role
from lontar.annualreport import rules
from lontar.annualreport.models import AnnualReport
from lontar.core import outbox
from lontar.core.schedule import periodic

logger = logging.getLogger("lontar.annualreport")


def recipients(agency, *, late: bool) -> list[str]:
    roles = [Role.PPID_OFFICER.value]
    if late:
        roles += [Role.PPID_SUPERIOR.value, Role.AGENCY_ADMIN.value]
    users = get_user_model().objects.filter(
        is_active=True, groups__name__in=roles, staff_profile__agency=agency.pk
    )
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def remind(agency, today: date) -> rules.Reminder | None:
    """Send today's reminder about last year's report, if one is due."""
    year = rules.year_to_report(today)
    report = AnnualReport.objects.filter(agency=agency, year=year).first()
    published_on = report.published_on if report and report.is_published else None
    last = report.last_reminded_on if report else None
    kind = rules.reminder_due(year, today, published_on, last)
    if kind is None:
        return None
    late = kind == rules.Reminder.LATE
    due = rules.due_date(year)
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "annualreport_admin_edit", args=[year]
    )
    with transaction.atomic():
        report, _created = AnnualReport.objects.get_or_create(agency=agency, year=year)
        AnnualReport.objects.filter(pk=report.pk).update(last_reminded_on=today)
        to = recipients(agency, late=late)
        if to:
            subject = (
                f"[TERLAMBAT] Laporan layanan informasi publik {year} belum terbit"
                if late
                else f"Pengingat: laporan layanan informasi publik {year}"
            )
            body = (
                f"Laporan tahunan layanan informasi publik {year} {agency.name} wajib terbit "
                f"paling lambat {due:%d-%m-%Y} (tiga bulan setelah tahun anggaran berakhir). "
                f"Angkanya sudah tersusun dari data permohonan dan keberatan; lengkapi narasinya "
                f"lalu terbitkan:\n\n{url}\n"
            )
            outbox.enqueue(
                EmailMessage(subject, body, to=to),
                key=f"annualreport.reminder:{agency.pk}:{year}:{today.isoformat()}",
                about=f"annualreport.report:{report.pk}",
            )
    return kind


@periodic(every=timedelta(hours=6))
def send_annual_report_reminders() -> int:
    from lontar.agencies.models import Agency

    sent = 0
    for agency in Agency.objects.filter(retired_at__isnull=True).order_by("pk"):
        try:
            if remind(agency, agency.today()):
                sent += 1
        except Exception:  # one agency's failure must not hold the others back
            logger.exception("annual report reminder for agency %s failed", agency.pk)
    return sent
