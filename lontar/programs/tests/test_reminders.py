"""The reminder sent when a year's planning or performance document is missing."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from lontar.programs.jobs import remind_agency
from lontar.programs.models import DocumentReminderSettings, PlanningDocument
from lontar.programs.reminders import missing_documents


def test_plans_are_expected_for_this_year_and_reports_for_last_year():
    missing = missing_documents([], {("renja", 2026)}, date(2026, 4, 1), 3)
    assert missing == [("dpa", 2026), ("lkjip", 2025), ("laporan-keuangan", 2025)]


def test_no_reminder_before_the_configured_month():
    assert missing_documents(["renja"], set(), date(2026, 2, 28), 3) == []


def _document(agency, kind: str, year: int) -> PlanningDocument:
    file = Document.objects.create(title=f"{kind} {year}", file=ContentFile(b"%PDF-1.4", "a.pdf"))
    return PlanningDocument.objects.create(
        agency=agency, kind=kind, year=year, title=f"{kind} {year}", document=file
    )


@pytest.mark.django_db
def test_admins_of_the_agency_get_one_email_listing_what_is_missing(
    agency_a, agency_admin_a, agency_admin_b, editor, mailoutbox, django_capture_on_commit_callbacks
):
    agency_admin_a.email = "admin-a@example.go.id"
    agency_admin_a.save()
    editor.email = "editor@example.go.id"
    editor.save()
    DocumentReminderSettings.objects.create(
        agency=agency_a, required_kinds=["renja", "dpa"], remind_from_month=2
    )
    _document(agency_a, "renja", 2026)

    with django_capture_on_commit_callbacks(execute=True):  # the mail is tried after commit
        missing = remind_agency(agency_a, date(2026, 3, 1))

    assert missing == [("dpa", 2026)]
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["admin-a@example.go.id"]
    assert "Dokumen Pelaksanaan Anggaran (DPA) 2026" in mailoutbox[0].body


@pytest.mark.django_db
def test_no_email_when_everything_is_published(agency_a, agency_admin_a, mailoutbox):
    agency_admin_a.email = "admin-a@example.go.id"
    agency_admin_a.save()
    DocumentReminderSettings.objects.create(agency=agency_a, required_kinds=["renja"])
    _document(agency_a, "renja", 2026)

    assert remind_agency(agency_a, date(2026, 6, 1)) == []
    assert mailoutbox == []
