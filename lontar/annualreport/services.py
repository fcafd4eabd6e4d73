"""Writes on the annual report: the PPID's narrative and publication (which freezes the figures).

Each checks the user's permission and agency, writes in one transaction and appends an audit
event. `report_sections` is the one place the page, the PDF and the XLSX get their content.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lontar.agencies.calendar import calendar_for_agency
from lontar.agencies.selectors import agencies_visible_to
from lontar.annualreport import content, rules
from lontar.annualreport.models import NARRATIVE_MAX, AnnualReport
from lontar.annualreport.selectors import objection_rows, request_rows
from lontar.core import audit
from lontar.core.audit import Actor
from lontar.objections.states import DisputeOutcome, DisputeStage, Outcome
from lontar.ppid.models import InformationRequest
from lontar.ppid.states import Decision

EDIT_PERMISSION = "annualreport.change_annualreport"
PUBLISH_PERMISSION = "annualreport.publish_annualreport"


def may(user, agency_id: int, permission: str) -> bool:
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.has_perm(permission)
        and agencies_visible_to(user).filter(pk=agency_id).exists()
    )


def live_figures(agency, year: int) -> dict:
    return content.snapshot(
        year, request_rows(agency, year), objection_rows(agency, year), calendar_for_agency(agency)
    )


def figures_of(report: AnnualReport) -> dict:
    """The frozen figures of a published report; the live ones of a draft."""
    if report.is_published and report.figures:
        return report.figures
    return live_figures(report.agency, report.year)


def labels() -> dict:
    return {
        "channels": dict(InformationRequest.Channel.choices),
        "decisions": dict(Decision.choices),
        "answers": dict(Outcome.choices),
        "stages": dict(DisputeStage.choices),
        "outcomes": dict(DisputeOutcome.choices),
    }


def report_sections(report: AnnualReport, data: dict | None = None) -> list[content.Section]:
    return content.sections(
        data if data is not None else figures_of(report), report.narrative(), labels()
    )


def report_for(agency, year: int) -> AnnualReport:
    """The year's report, or an unsaved draft (reading never writes)."""
    report = AnnualReport.objects.filter(agency=agency, year=year).first()
    return report or AnnualReport(agency=agency, year=year)


def draft_for(agency, year: int) -> AnnualReport:
    report, _created = AnnualReport.objects.get_or_create(agency=agency, year=year)
    return report


def save_narrative(report: AnnualReport, values: dict[str, str], *, actor: Actor) -> None:
    if actor.user is not None and not may(actor.user, report.agency_id, EDIT_PERMISSION):
        raise PermissionDenied
    if report.is_published:
        raise ValidationError(_("Laporan yang sudah terbit tidak dapat diubah."))
    changed = []
    for name in content.NARRATIVE_FIELDS:
        value = (values.get(name) or "").strip()
        if len(value) > NARRATIVE_MAX:
            raise ValidationError(
                _("Setiap bagian paling banyak %(max)s karakter.") % {"max": NARRATIVE_MAX}
            )
        if getattr(report, name) != value:
            setattr(report, name, value)
            changed.append(name)
    if not changed:
        return
    with transaction.atomic():
        report.save()
        audit.record(
            actor=actor,
            action="annualreport.edit",
            obj=report,
            agency=report.agency,
            changes={name: ["…", "…"] for name in changed},
        )


def publish(report: AnnualReport, *, actor: Actor) -> None:
    """Freeze the figures as they stand now and publish the report (it joins the DIP)."""
    if actor.user is not None and not may(actor.user, report.agency_id, PUBLISH_PERMISSION):
        raise PermissionDenied
    today = report.agency.today()
    if not rules.may_publish(report.year, today):
        raise ValidationError(_("Laporan dapat diterbitkan setelah tahun laporannya berakhir."))
    with transaction.atomic():
        locked = AnnualReport.objects.select_for_update().get(pk=report.pk)
        if locked.is_published:
            raise ValidationError(_("Laporan ini sudah terbit."))
        missing = [name for name in ("overview", "recommendations") if not report.narrative()[name]]
        if missing:
            raise ValidationError(
                _(
                    "Lengkapi dahulu gambaran umum pelaksanaan (b) serta rekomendasi dan rencana "
                    "tindak lanjut (f)."
                )
            )
        report.figures = live_figures(report.agency, report.year)
        report.status = AnnualReport.Status.PUBLISHED
        report.published_at = timezone.now()
        report.published_on = today
        report.published_by = actor.user if actor.user_id else None
        report.save()
        audit.record(
            actor=actor,
            action="annualreport.publish",
            obj=report,
            agency=report.agency,
            from_state=AnnualReport.Status.DRAFT,
            to_state=AnnualReport.Status.PUBLISHED,
        )
