"""The objections beside the requests on the PPID officer's admin home (issue 16).

Objections still waiting for the Atasan PPID's answer: the overdue ones and those due within
the officer's working week (the same five working days as the requests' panel), each with its
due date.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from wagtail.admin.ui.components import Component

from lontar.agencies.calendar import calendar_for_agency
from lontar.agencies.selectors import agencies_visible_to, agency_of_user
from lontar.objections.models import Objection
from lontar.objections.selectors import may_handle_objections, objections_for_staff
from lontar.objections.states import Status

DUE_SOON_WORKING_DAYS = 5
SHOWN = 8


@dataclass(frozen=True)
class Row:
    objection: Objection
    overdue: bool
    working_days_left: int


class PendingObjectionsPanel(Component):
    name = "objections_pending"
    order = 51
    template_name = "objections/admin/dashboard_panel.html"

    def __init__(self, agency, rows: list[Row]) -> None:
        self.agency, self.rows = agency, rows

    def get_context_data(self, parent_context: dict | None = None) -> dict:
        overdue = [row for row in self.rows if row.overdue]
        due_soon = [
            row
            for row in self.rows
            if not row.overdue and row.working_days_left <= DUE_SOON_WORKING_DAYS
        ]
        return {
            "agency": self.agency,
            "overdue": overdue[:SHOWN],
            "overdue_count": len(overdue),
            "due_soon": due_soon[:SHOWN],
            "due_soon_count": len(due_soon),
            "due_soon_days": DUE_SOON_WORKING_DAYS,
            "queue_url": reverse("objections_admin_queue"),
        }


def rows_for(user, agency) -> list[Row]:
    today = agency.today()
    calendar = calendar_for_agency(agency)
    waiting = objections_for_staff(user).filter(agency=agency, status=Status.REGISTERED)
    rows = []
    for objection in waiting.order_by("answer_due", "pk"):
        overdue = objection.answer_due < today
        left = 0 if overdue else calendar.working_days_between(today, objection.answer_due)
        rows.append(Row(objection, overdue, left))
    return rows


def panels_for(request: HttpRequest) -> list[Component]:
    user = request.user
    if not may_handle_objections(user):
        return []
    agency = agency_of_user(user)
    visible = agencies_visible_to(user)
    if agency is None or not visible.filter(pk=agency.pk).exists():
        agency = visible.order_by("name").first()
    if agency is None:
        return []
    return [PendingObjectionsPanel(agency, rows_for(user, agency))]
