"""Plugs programs and agenda events into the site search (/cari/, lontar.search.registry)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lontar.search.registry import SearchSource, register_searchable

SNIPPET_CHARS = 300


def _programs_of(agency):
    from lontar.programs.models import Program

    return Program.objects.filter(agency=agency)


def _events_of(agency):
    from lontar.programs.models import Event

    return Event.objects.filter(agency=agency)


def _programs_of_agencies(agencies):
    from lontar.programs.models import Program

    return Program.objects.filter(agency__in=agencies)


def _events_of_agencies(agencies):
    from lontar.programs.models import Event

    return Event.objects.filter(agency__in=agencies)


def _program_date(program):
    from datetime import date

    return date(program.year, 1, 1)


def register() -> None:
    from lontar.programs.models import Event, Program

    register_searchable(
        SearchSource(
            key="program",
            label=_("Program dan kegiatan"),
            model=Program,
            queryset_for_agency=_programs_of,
            date_of=_program_date,
            url_of=lambda program, request: program.get_absolute_url(),
            text_of=lambda program: f"{program.name}. {program.goal}"[:SNIPPET_CHARS],
            date_field="year",
            queryset_for_agencies=_programs_of_agencies,
        )
    )
    register_searchable(
        SearchSource(
            key="agenda",
            label=_("Agenda"),
            model=Event,
            queryset_for_agency=_events_of,
            date_of=lambda event: event.starts_at.date(),
            url_of=lambda event, request: event.get_absolute_url(),
            text_of=lambda event: f"{event.title}. {event.place}. {event.description}"[
                :SNIPPET_CHARS
            ],
            date_field="starts_at",
            queryset_for_agencies=_events_of_agencies,
        )
    )
