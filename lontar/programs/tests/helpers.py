"""Small builders for this app's tests."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from lontar.programs.models import Event, PerformanceIndicator, Program

WITA = ZoneInfo("Asia/Makassar")


def program(agency, *, year: int = 2025, name: str = "Program Pengembangan SDM", **kwargs):
    fields = {
        "code": "5.03.02",
        "goal": "Meningkatnya kompetensi ASN.",
        "status": Program.Status.ONGOING,
        "budget": Decimal("1250000000"),
        "budget_realised": Decimal("937500000"),
    }
    fields.update(kwargs)
    return Program.objects.create(agency=agency, year=year, name=name, **fields)


def indicator(prog, *, name: str = "ASN yang mengikuti pelatihan", target="400", **quarters):
    values = {"target_q1": 100, "target_q2": 100, "target_q3": 100, "target_q4": 100}
    values.update({"realised_q1": 90, "realised_q2": 110})
    values.update(quarters)
    return PerformanceIndicator.objects.create(
        program=prog, name=name, measure_unit="orang", target=Decimal(target), **values
    )


def event(agency, *, title: str = "Sosialisasi Manajemen Talenta ASN", when=None, **kwargs):
    fields = {
        "category": Event.Category.SOCIALISATION,
        "place": "Aula Rumah Jabatan Gubernur",
        "audience": "Pejabat pengelola kepegawaian",
    }
    fields.update(kwargs)
    starts = when or datetime(2030, 11, 18, 9, 0, tzinfo=WITA)
    return Event.objects.create(agency=agency, title=title, starts_at=starts, **fields)
