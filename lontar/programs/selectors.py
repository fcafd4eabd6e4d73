"""Reads behind the public pages: programs of a year, the agenda, the planning documents."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from lontar.programs.models import Event, PerformanceIndicator, PlanningDocument, Program


def program_years(agency) -> list[int]:
    return list(
        Program.objects.filter(agency=agency)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


def programs_of_year(agency, year: int, unit_id: int | None = None) -> QuerySet[Program]:
    programs = Program.objects.filter(agency=agency, year=year).select_related("unit", "parent")
    if unit_id:
        programs = programs.filter(unit_id=unit_id)
    return programs.prefetch_related(
        Prefetch("indicators", queryset=PerformanceIndicator.objects.order_by("sort_order", "pk"))
    ).order_by("code", "name")


def program_for_page(agency, pk: int) -> Program | None:
    return (
        Program.objects.filter(agency=agency, pk=pk)
        .select_related("unit", "parent", "agency")
        .prefetch_related(
            "indicators",
            Prefetch("children", queryset=Program.objects.order_by("code", "name")),
            Prefetch("events", queryset=Event.objects.order_by("starts_at")),
        )
        .first()
    )


def _events(agency, category: str | None = None) -> QuerySet[Event]:
    events = Event.objects.filter(agency=agency).select_related("report")
    if category:
        events = events.filter(category=category)
    return events


def upcoming_events(agency, now: datetime | None = None, category: str | None = None):
    now = now or timezone.now()
    return _events(agency, category).filter(starts_at__gte=now).order_by("starts_at")


def past_events(agency, now: datetime | None = None, category: str | None = None):
    now = now or timezone.now()
    return _events(agency, category).filter(starts_at__lt=now).order_by("-starts_at")


def event_for_page(agency, pk: int) -> Event | None:
    return (
        _events(agency)
        .filter(pk=pk)
        .select_related("program")
        .prefetch_related("documents")
        .first()
    )


def feed_events(agency, category: str | None = None, limit: int = 500) -> list[Event]:
    return list(_events(agency, category).order_by("-starts_at")[:limit])


def planning_documents(agency) -> QuerySet[PlanningDocument]:
    return PlanningDocument.objects.filter(agency=agency).select_related("document")


def all_events(agency) -> QuerySet[Event]:
    """Every event of the agency, past and coming, newest first (the content API)."""
    return Event.objects.filter(agency=agency).order_by("-starts_at", "-pk")
