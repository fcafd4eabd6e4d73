"""The programs of a year as one flat table: for CSV/XLSX export and the open-data catalogue."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.utils.translation import gettext as _

from lontar.core.exports import safe_row
from lontar.programs import selectors


def programs_table(agency, year: int) -> tuple[list[str], list[list]]:
    """One row per indicator (or per program without indicators): (columns, rows)."""
    columns = [
        _("Tahun"),
        _("Kode"),
        _("Tingkat"),
        _("Program/Kegiatan"),
        _("Unit penanggung jawab"),
        _("Status"),
        _("Pagu (Rp)"),
        _("Realisasi anggaran (Rp)"),
        _("Indikator"),
        _("Satuan"),
        _("Target"),
        _("Realisasi TW I"),
        _("Realisasi TW II"),
        _("Realisasi TW III"),
        _("Realisasi TW IV"),
        _("Capaian (%)"),
    ]
    rows: list[list] = []
    for program in selectors.programs_of_year(agency, year):
        base = [
            program.year,
            program.code,
            program.get_level_display(),
            program.name,
            program.unit.name if program.unit else "",
            program.get_status_display(),
            program.budget,
            program.budget_realised,
        ]
        indicators = list(program.indicators.all())
        if not indicators:
            rows.append(base + [""] * 8)
        for indicator in indicators:
            rows.append(
                base
                + [
                    indicator.name,
                    indicator.measure_unit,
                    indicator.target,
                    *[q.realised for q in indicator.quarters],
                    indicator.progress.percent,
                ]
            )
    return columns, rows


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return str(value)


def as_csv(columns: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(safe_row(columns))
    for row in rows:
        writer.writerow(safe_row(_cell(value) for value in row))
    return buffer.getvalue()


def as_xlsx(columns: list[str], rows: list[list], title: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(safe_row(columns))
    for row in rows:
        sheet.append(safe_row(float(v) if isinstance(v, Decimal) else v for v in row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
