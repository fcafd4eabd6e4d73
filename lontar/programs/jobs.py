"""Remind each agency's Admin Agency staff when a required planning document is missing."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

from lontar.agencies.models import Agency
from lontar.agencies.roles import Role, scope_group_name
from lontar.core import outbox
from lontar.core.schedule import periodic
from lontar.programs.models import DocumentReminderSettings, PlanningDocument
from lontar.programs.reminders import missing_documents

DEFAULT_REMIND_FROM_MONTH = 3


def _admin_emails(agency: Agency) -> list[str]:
    users = (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__name=scope_group_name(agency.short_name, Role.AGENCY_ADMIN),
        )
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def remind_agency(agency: Agency, today: date) -> list[tuple[str, int]]:
    """Queue one e-mail listing the missing documents; return what was missing."""
    settings = DocumentReminderSettings.objects.filter(agency=agency).first()
    required = settings.required_kinds if settings else []
    month = settings.remind_from_month if settings else DEFAULT_REMIND_FROM_MONTH
    published = set(
        PlanningDocument.objects.filter(agency=agency, year__gte=today.year - 1).values_list(
            "kind", "year"
        )
    )
    missing = missing_documents(required, published, today, month)
    recipients = _admin_emails(agency)
    if missing and recipients:
        labels = dict(PlanningDocument.Kind.choices)
        lines = [f"- {labels.get(kind, kind)} {year}" for kind, year in missing]
        subject = _("[%(agency)s] Dokumen perencanaan/kinerja belum diunggah") % {
            "agency": agency.short_name
        }
        body = "\n".join(
            [
                _("Dokumen berikut belum tersedia di situs sebagai informasi berkala:"),
                "",
                *lines,
                "",
                _("Unggah melalui menu Program dan agenda › Dokumen perencanaan."),
            ]
        )
        # One a day at most, however often the job runs (decision 0015).
        outbox.enqueue(
            EmailMessage(subject, body, to=recipients),
            key=f"programs.missing_documents:{agency.pk}:{today.isoformat()}",
        )
    return missing


@periodic(every=timedelta(days=7))
def remind_missing_planning_documents() -> None:
    for agency in Agency.objects.all():
        # Each agency's own date: the month a document is due in turns where the agency is.
        remind_agency(agency, agency.today())
