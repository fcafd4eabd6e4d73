"""The agenda and the programmes as sources of stories (the newsroom's prompt registry).

An event that has ended asks its organising unit for a report; a programme whose quarter has
realisation figures asks for a story of targets against results. When the report of an event
is published, the event links it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils.translation import gettext as _

from lontar.agencies.models import Agency
from lontar.newsroom.registry import PromptSource, Suggestion, register_source
from lontar.programs.models import Event, Program
from lontar.programs.progress import yearly_realisation
from lontar.programs.realisation import IndicatorFigures, quarter_sentences

LOOK_BACK = timedelta(days=30)  # an event older than this is not worth a report any more
DEFAULT_LENGTH = timedelta(hours=2)  # an event without an end time ends two hours in


def _ended_events(agency: Agency, now: datetime) -> Iterator[Suggestion]:
    events = (
        Event.objects.filter(agency=agency, report=None, starts_at__gte=now - LOOK_BACK)
        .filter(Q(ends_at__lte=now) | Q(ends_at=None, starts_at__lte=now - DEFAULT_LENGTH))
        .select_related("unit", "program__unit")
    )
    for event in events:
        unit = event.unit or (event.program.unit if event.program else None)
        local = event.starts_at.astimezone(agency.zone)
        when = local.date()
        organiser = unit.name if unit else agency.short_name
        where = f" di {event.place}" if event.place else ""
        lead = f"{organiser} menyelenggarakan {event.title}{where} pada {when:%d-%m-%Y}."
        paragraphs = [lead]
        if event.description:
            paragraphs.append(event.description[:1500])
        if event.audience:
            paragraphs.append(f"Peserta: {event.audience}.")
        yield Suggestion(
            key=f"acara:{event.pk}",
            object_key=str(event.pk),
            title=event.title,
            prompt=_("Agenda “%(title)s” sudah selesai: tulis laporan kegiatannya.")
            % {"title": event.title},
            on=when,
            unit_id=unit.pk if unit else None,
            place=event.place,
            lead=lead[:400],
            paragraphs=tuple(paragraphs),
            source_line=organiser,
            category=event.get_category_display(),
            link_path=event.get_absolute_url(),
            link_text=f"Agenda: {event.title}",
            template="liputan-kegiatan",
            tags=(event.get_category_display().split("/")[0].lower(),),
        )


def attach_report(object_key: str, article_id: int) -> None:
    if object_key.isdigit():
        Event.objects.filter(pk=int(object_key), report=None).update(report_id=article_id)


def _quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def _realisations(agency: Agency, now: datetime) -> Iterator[Suggestion]:
    today = now.astimezone(agency.zone).date()
    programs = (
        Program.objects.filter(agency=agency, year=today.year)
        .prefetch_related("indicators")
        .select_related("unit")
    )
    current = _quarter_of(today.month)
    for program in programs:
        indicators = list(program.indicators.all())
        reported = [
            q
            for q in range(1, current + 1)
            if any(getattr(i, f"realised_q{q}") is not None for i in indicators)
        ]
        if not reported:
            continue
        quarter = reported[-1]
        figures = [
            IndicatorFigures(
                name=i.name,
                measure_unit=i.measure_unit,
                target_quarter=getattr(i, f"target_q{quarter}"),
                realised_quarter=getattr(i, f"realised_q{quarter}"),
                target_year=i.target,
                realised_to_date=yearly_realisation(
                    [getattr(i, f"realised_q{q}") for q in range(1, quarter + 1)],
                    cumulative=i.cumulative,
                ),
            )
            for i in indicators
        ]
        sentences = quarter_sentences(
            program.name,
            program.year,
            quarter,
            figures,
            program.budget,
            program.budget_realised,
        )
        label = ("I", "II", "III", "IV")[quarter - 1]
        yield Suggestion(
            key=f"realisasi:{program.pk}:{program.year}-{quarter}",
            object_key=str(program.pk),
            title=f"Capaian {program.name} triwulan {label} {program.year}",
            prompt=_("Realisasi triwulan %(q)s “%(name)s” sudah diisi: ceritakan capaiannya.")
            % {"q": label, "name": program.name},
            on=today,
            unit_id=program.unit_id,
            lead=sentences[0][:400],
            paragraphs=tuple(sentences[1:]),
            source_line=program.unit.name if program.unit else agency.short_name,
            category="Program",
            link_path=program.get_absolute_url(),
            link_text=str(program.name),
            tags=("capaian-kinerja",),
        )


register_source(
    PromptSource(kind="acara", label="Agenda selesai", find=_ended_events, attach=attach_report)
)
register_source(PromptSource(kind="realisasi", label="Realisasi triwulan", find=_realisations))
