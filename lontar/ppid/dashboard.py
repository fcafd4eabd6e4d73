"""The PPID officer's panel on the admin dashboard: what is due and what waits (issue 17)."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.urls import reverse
from wagtail.admin.ui.components import Component

from lontar.ppid import officer
from lontar.ppid.selectors import may_handle_requests, officer_queue
from lontar.ppid.states import Status

# "Due soon" on the dashboard: the officer's working week ahead.
DUE_SOON_WORKING_DAYS = 5
SHOWN = 8


class PendingRequestsPanel(Component):
    name = "ppid_pending"
    order = 50
    template_name = "ppid/admin/dashboard_panel.html"

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def get_context_data(self, parent_context: dict | None = None) -> dict:
        user = self.request.user
        agency = officer.queue_agency(user, None)
        today = agency.today()
        rows = officer_queue(user, agency, today)
        overdue = [row for row in rows if row.overdue]
        due_soon = [
            row
            for row in rows
            if not row.overdue and row.working_days_left <= DUE_SOON_WORKING_DAYS
        ]
        waiting = [
            row
            for row in rows
            if row.request.status == Status.IN_PROCESS and row.request.assigned_unit_id
        ]
        return {
            "agency": agency,
            "open_count": len(rows),
            "overdue": overdue[:SHOWN],
            "overdue_count": len(overdue),
            "due_soon": due_soon[:SHOWN],
            "due_soon_count": len(due_soon),
            "waiting": waiting[:SHOWN],
            "waiting_count": len(waiting),
            "due_soon_days": DUE_SOON_WORKING_DAYS,
            "queue_url": reverse("ppid_admin_queue"),
        }


def panels_for(request: HttpRequest) -> list[Component]:
    if not may_handle_requests(request.user):
        return []
    try:
        officer.queue_agency(request.user, None)
    except Http404:  # a user of no agency with requests: nothing to show
        return []
    return [PendingRequestsPanel(request)]
