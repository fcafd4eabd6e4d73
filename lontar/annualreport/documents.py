"""The annual report as PDF (fpdf2, like the PPID's notices) and as XLSX (openpyxl).

Both are built from `services.report_sections`, the same sections the public page shows, so
the three never disagree. A published report's figures are frozen, so a file built today and
one built next year are the same report.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from fpdf import FPDF
from openpyxl import Workbook

from lontar.annualreport.content import Section, per_request_rows
from lontar.core.calendar import format_long_date
from lontar.core.exports import safe_row
from lontar.core.pdffonts import add_document_fonts


def title_of(report) -> str:
    return _("Laporan Layanan Informasi Publik Tahun %(year)s") % {"year": report.year}


def status_line(report) -> str:
    if report.published_on:
        return _("Diterbitkan %(date)s") % {"date": format_long_date(report.published_on)}
    return _("DRAF — belum diterbitkan; angka dihitung dari data terkini")


class _Pdf(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.unicode = add_document_fonts(self)
        self.family = "body" if self.unicode else "helvetica"
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, 18)

    def clean(self, text: object) -> str:
        text = str(text)
        if self.unicode:
            return text
        text = text.replace("–", "-").replace("—", "-")
        return text.encode("latin-1", "replace").decode("latin-1")

    def para(self, text: object, size: float = 10, bold: bool = False, height: float = 5.5):
        self.set_font(self.family, "B" if bold else "", size)
        self.multi_cell(0, height, self.clean(text), new_x="LMARGIN", new_y="NEXT")

    def grid(self, headers, rows) -> None:
        self.set_font(self.family, "", 9)
        widths: tuple[int, ...] = {2: (120, 50), 3: (50, 90, 30)}.get(
            len(headers), (50, 30, 30, 20, 40)
        )
        with self.table(col_widths=widths, text_align="LEFT") as table:
            head = table.row()
            for heading in headers:
                head.cell(self.clean(heading))
            for row in rows or [("—",) + ("",) * (len(headers) - 1)]:
                cells = table.row()
                for value in row:
                    cells.cell(self.clean(value))
        self.ln(3)


def report_pdf(report, sections: list[Section], data: dict, decisions: dict) -> bytes:
    pdf = _Pdf()
    pdf.add_page()
    pdf.para(report.agency.name, 11, bold=True)
    pdf.para(title_of(report), 15, bold=True, height=8)
    pdf.para(status_line(report), 9)
    pdf.ln(3)
    for section in sections:
        pdf.para(f"{section.letter}. {section.title}", 12, bold=True, height=7)
        for heading, text in section.parts:
            if heading:
                pdf.para(heading, 10, bold=True)
            pdf.para(text)
            pdf.ln(1)
        for table in section.tables:
            pdf.para(table.title, 10, bold=True)
            pdf.grid(table.headers, table.rows)
    rows = per_request_rows(data, decisions)
    if rows:
        pdf.add_page()
        pdf.para(_("Lampiran: waktu pemenuhan setiap permohonan"), 12, bold=True, height=7)
        pdf.grid(_per_request_headers(), rows)
    return bytes(pdf.output())


def _per_request_headers() -> tuple[str, ...]:
    return (
        _("Nomor permohonan"),
        _("Diterima"),
        _("Dijawab"),
        _("Hari kerja"),
        _("Keputusan"),
    )


def report_xlsx(report, sections: list[Section], data: dict, decisions: dict) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Laporan"
    sheet.append(safe_row([report.agency.name]))
    sheet.append(safe_row([title_of(report)]))
    sheet.append(safe_row([status_line(report)]))
    for section in sections:
        sheet.append([])
        sheet.append(safe_row([f"{section.letter}. {section.title}"]))
        for heading, text in section.parts:
            sheet.append(safe_row([heading or section.title, text]))
        for table in section.tables:
            sheet.append(safe_row([table.title]))
            sheet.append(safe_row(list(table.headers)))
            for row in table.rows:
                sheet.append(safe_row(list(row)))
    detail = workbook.create_sheet("Per permohonan")
    detail.append(safe_row(list(_per_request_headers())))
    for row in per_request_rows(data, decisions):
        detail.append(safe_row(list(row)))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
