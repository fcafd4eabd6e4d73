"""The DIP as XLSX (formula-safe cells, `core/exports.py`) and as PDF."""

from __future__ import annotations

import io

from fpdf import FPDF
from openpyxl import Workbook

from lontar.core.exports import safe_row
from lontar.core.pdffonts import add_document_fonts

HEADINGS = [
    "No.",
    "Ringkasan isi informasi",
    "Pejabat/unit yang menguasai informasi",
    "Penanggung jawab pembuatan/penerbitan",
    "Waktu dan tempat pembuatan",
    "Bentuk informasi",
    "Jangka waktu penyimpanan",
    "Kategori",
    "Unit pemilik",
    "Tinjauan berikutnya",
    "Tautan",
]


def row_values(number: int, row) -> list[object]:
    return [
        number,
        row.summary,
        row.holder,
        row.responsible,
        row.made_when_where,
        row.form_label,
        row.retention,
        row.category_label,
        row.owner_unit,
        row.next_review.isoformat() if row.next_review else "",
        row.url,
    ]


def dip_xlsx(agency, rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "DIP"
    sheet.append([f"Daftar Informasi Publik — {agency.name}"])
    sheet.append(HEADINGS)
    for number, row in enumerate(rows, start=1):
        sheet.append(safe_row(row_values(number, row)))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def dip_pdf(agency, rows) -> bytes:
    pdf = FPDF(orientation="L", format="A4")
    family = "body" if add_document_fonts(pdf) else "helvetica"
    pdf.set_margins(12, 12, 12)
    pdf.add_page()
    pdf.set_font(family, "B", 12)
    pdf.multi_cell(0, 7, f"Daftar Informasi Publik — {agency.name}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 7)
    with pdf.table(
        col_widths=(8, 48, 28, 28, 24, 16, 18, 14, 20, 16, 34), text_align="LEFT"
    ) as table:
        header = table.row()
        for heading in HEADINGS:
            header.cell(heading)
        for number, row in enumerate(rows, start=1):
            cells = table.row()
            for value in row_values(number, row):
                text = str(value)
                if family == "helvetica":
                    text = text.encode("latin-1", "replace").decode("latin-1")
                cells.cell(text)
    return bytes(pdf.output())
