"""The audit trail report in the admin: who did what to which record, per agency.

Read-only. Agency admins see their own agency's events; platform admins see every agency's and
may filter by agency. Information requests keep their own history on the request page
(`ppid.RequestEvent`); this report covers every other audited write (`core/audit.py`).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from lontar.agencies.selectors import agencies_visible_to
from lontar.core.models import AuditEvent, OutboxMessage
from lontar.core.params import choice, parse_date, parse_int, parse_page

PERMISSION = "core.view_auditevent"
AUDIT_REPORT_URL_NAME = "core_audit_report"
PER_PAGE = 50


def may_see_audit_trail(user) -> bool:
    return bool(user.is_authenticated and user.has_perm(PERMISSION))


def visible_events(user):
    """The events of the agencies the user may manage, newest first."""
    return (
        AuditEvent.objects.filter(agency__in=agencies_visible_to(user))
        .select_related("actor", "agency")
        .order_by("-at", "-pk")
    )


def audit_report(request: HttpRequest) -> HttpResponse:
    if not may_see_audit_trail(request.user):
        raise PermissionDenied
    events = visible_events(request.user)
    agencies = agencies_visible_to(request.user)
    object_types = sorted(set(events.values_list("object_type", flat=True).distinct()))
    object_type = choice(request.GET.get("jenis"), "jenis", frozenset(object_types))
    since = parse_date(request.GET.get("dari"), "dari")
    until = parse_date(request.GET.get("sampai"), "sampai")
    agency_id = parse_int(request.GET.get("instansi"), "instansi", minimum=1, maximum=2**31 - 1)
    if object_type:
        events = events.filter(object_type=object_type)
    if since:
        events = events.filter(at__date__gte=since)
    if until:
        events = events.filter(at__date__lte=until)
    if agency_id:
        events = events.filter(agency_id=agency_id)
    kept = {"jenis": object_type, "dari": since, "sampai": until, "instansi": agency_id}
    filter_query = urlencode({key: value for key, value in kept.items() if value})
    page = Paginator(events, PER_PAGE).get_page(parse_page(request.GET.get("halaman")))
    title = _("Catatan audit")
    return TemplateResponse(
        request,
        "core/admin/audit.html",
        {
            "page": page,
            "filter_query": filter_query,
            "object_types": object_types,
            "object_type": object_type or "",
            "since": since,
            "until": until,
            "agencies": agencies if request.user.is_superuser else None,
            "agency_id": agency_id,
            "page_title": title,
            "header_title": title,
            "header_icon": "history",
        },
    )


# --- the outbox (decision 0015) ------------------------------------------------------------------

OUTBOX_PERMISSION = "core.view_outboxmessage"  # held by platform admins (superusers) only
OUTBOX_REPORT_URL_NAME = "core_outbox_report"


def may_see_outbox(user) -> bool:
    return bool(user.is_authenticated and user.has_perm(OUTBOX_PERMISSION))


def outbox_report(request: HttpRequest) -> HttpResponse:
    """E-mails waiting or given up: the bookkeeping only, never the addresses or the text."""
    if not may_see_outbox(request.user):
        raise PermissionDenied
    statuses = frozenset(OutboxMessage.Status.values)
    status = choice(request.GET.get("status"), "status", statuses) or OutboxMessage.Status.FAILED
    rows = OutboxMessage.objects.filter(status=status).order_by("-created_at", "-pk")
    rows = rows.only(
        "key", "status", "attempts", "next_attempt_at", "last_error", "created_at", "sent_at"
    )
    counts = {
        value: OutboxMessage.objects.filter(status=value).count()
        for value in OutboxMessage.Status.values
    }
    page = Paginator(rows, PER_PAGE).get_page(parse_page(request.GET.get("halaman")))
    title = _("Surel keluar")
    return TemplateResponse(
        request,
        "core/admin/outbox.html",
        {
            "page": page,
            "status": status,
            "statuses": [
                (value, label, counts[value]) for value, label in OutboxMessage.Status.choices
            ],
            "page_title": title,
            "header_title": title,
            "header_icon": "mail",
        },
    )
