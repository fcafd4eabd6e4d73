"""Demo content: two budget years of the BKD's programs, its agenda, planning documents and
the "Program" and "Agenda" menu items. Idempotent: records are found by name and year."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents.models import Document

from lontar.demo.loader import DemoContext, add_menu_item
from lontar.programs import demo_data
from lontar.programs.models import Event, PerformanceIndicator, PlanningDocument, Program

MILLION = Decimal("1000000")


def _scaled(total: float, share: float | None) -> Decimal | None:
    return None if share is None else Decimal(str(round(total * share, 2)))


def _programs(agency, year: int, quarters, spent: float, status: str) -> None:
    parent = None
    for code, level, name, unit_hint, millions, indicators in demo_data.PROGRAMS:
        budget = Decimal(millions) * MILLION
        program, created = Program.objects.get_or_create(
            agency=agency,
            year=year,
            code=code,
            defaults={
                "level": level,
                "name": name,
                "parent": parent if level == "kegiatan" else None,
                "goal": f"Terselenggaranya {name.lower()} yang akuntabel.",
                "unit": agency.units.filter(name__icontains=unit_hint).first(),
                "status": status,
                "budget": budget,
                "budget_realised": (budget * Decimal(str(spent))).quantize(MILLION),
            },
        )
        if level == "program":
            parent = program
        if not created:
            continue
        for order, (label, measure, target) in enumerate(indicators):
            fields = {}
            for q, share in enumerate(quarters, start=1):
                fields[f"target_q{q}"] = _scaled(target, 0.25)
                fields[f"realised_q{q}"] = _scaled(target, share)
            cumulative = measure not in ("persen", "nilai")
            if not cumulative:  # a rate: each quarter reports the level reached so far
                for q, share in enumerate(quarters, start=1):
                    fields[f"target_q{q}"] = Decimal(target)
                    fields[f"realised_q{q}"] = _scaled(target, None if share is None else 0.97)
            PerformanceIndicator.objects.create(
                program=program,
                sort_order=order,
                name=label,
                measure_unit=measure,
                target=Decimal(target),
                cumulative=cumulative,
                **fields,
            )


def _start(spec, zone: ZoneInfo) -> datetime:
    if isinstance(spec, tuple):
        return datetime(*spec, tzinfo=zone)
    day = timezone.localdate() + timedelta(days=spec)
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=zone)


def _events(agency) -> None:
    from lontar.news.models import NewsArticlePage

    zone = ZoneInfo(agency.time_zone)
    articles = NewsArticlePage.objects.live().descendant_of(agency.site.root_page)
    program = Program.objects.filter(agency=agency, code="5.03.02.2.02").order_by("-year").first()
    for title, category, start, hours, place, audience, report in demo_data.EVENTS:
        starts = _start(start, zone)
        Event.objects.get_or_create(
            agency=agency,
            title=title,
            defaults={
                "category": category,
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=hours),
                "place": place,
                "audience": audience,
                "description": f"{title} diselenggarakan oleh {agency.name}.",
                "program": program if category in ("sosialisasi", "seleksi") else None,
                "report": articles.filter(title=report).first() if report else None,
            },
        )


def _pdf(title: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 8, title.replace("–", "-"), align="C")
    return bytes(pdf.output())


def _documents(agency, this_year: int) -> None:
    for kind, offset, title in demo_data.DOCUMENTS:
        year = this_year + offset
        if PlanningDocument.objects.filter(agency=agency, kind=kind, year=year).exists():
            continue
        full_title = title if kind == "renstra" else f"{title} Tahun {year}"
        extra = {"collection_id": agency.collection_id} if agency.collection_id else {}
        file = Document.objects.create(
            title=full_title, file=ContentFile(_pdf(full_title), name=f"{kind}-{year}.pdf"), **extra
        )
        PlanningDocument.objects.create(
            agency=agency, kind=kind, year=year, title=full_title, document=file
        )


@transaction.atomic
def load(ctx: DemoContext) -> None:
    agency = ctx.agencies["bkd"]
    this_year = timezone.localdate().year
    _programs(
        agency,
        this_year - 1,
        demo_data.LAST_YEAR_QUARTERS,
        demo_data.LAST_YEAR_SPENT,
        Program.Status.DONE,
    )
    _programs(
        agency,
        this_year,
        demo_data.THIS_YEAR_QUARTERS,
        demo_data.THIS_YEAR_SPENT,
        Program.Status.ONGOING,
    )
    _events(agency)
    _documents(agency, this_year)
    add_menu_item(agency, label="Program", url="/program/", after="Berita")
    add_menu_item(agency, label="Agenda", url="/agenda/", after="Program")
