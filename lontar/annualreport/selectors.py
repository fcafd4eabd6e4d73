"""What the annual report reads: the year's records as plain rows, and the reports themselves."""

from __future__ import annotations

from django.db.models import QuerySet

from lontar.annualreport.content import ObjectionRow, RequestRow
from lontar.annualreport.models import AnnualReport
from lontar.objections.selectors import objection_counts
from lontar.objections.states import DisputeStage
from lontar.ppid.deadlines import local_date
from lontar.ppid.models import InformationRequest
from lontar.ppid.states import Status


def request_rows(agency, year: int) -> list[RequestRow]:
    """The year's requests (by the year of their number) without any personal data."""
    tz = agency.time_zone
    rows = InformationRequest.objects.filter(agency=agency, year=year).values(
        "number",
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
    return [
        RequestRow(
            number=r["number"],
            received_on=local_date(r["received_at"], tz),
            channel=r["channel"],
            decision=r["decision"] if r["answered_at"] else "",
            refusal_ground=r["refusal_ground"] if r["answered_at"] else "",
            answered_on=local_date(r["answered_at"], tz) if r["answered_at"] else None,
            due=r["extended_due"] if r["extended_at"] else r["notice_due"],
            withdrawn=r["status"] == Status.WITHDRAWN,
        )
        for r in rows
    ]


def objection_rows(agency, year: int) -> list[ObjectionRow]:
    tz = agency.time_zone
    rows = []
    for o in objection_counts(agency, year):
        steps = tuple((step.stage, step.outcome) for step in o.dispute_steps.all())
        if not steps and o.dispute_outcome:
            steps = ((DisputeStage.FILED.value, ""),)
        rows.append(
            ObjectionRow(
                grounds=tuple(o.ground_letters),
                outcome=o.outcome,
                answered_on=local_date(o.answered_at, tz) if o.answered_at else None,
                due=o.answer_due,
                stages=steps,
                final_outcome=o.dispute_outcome,
            )
        )
    return rows


def reports_for(agency) -> QuerySet[AnnualReport]:
    return AnnualReport.objects.filter(agency=agency)


def published_reports(agency) -> QuerySet[AnnualReport]:
    return reports_for(agency).filter(status=AnnualReport.Status.PUBLISHED).order_by("-year")


def published_report(agency, year: int) -> AnnualReport | None:
    return published_reports(agency).filter(year=year).first()
