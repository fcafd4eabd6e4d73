"""Downloadable reports of a published SKM period: PDF and XLSX, and the raw answers as CSV.

Every figure comes from the frozen result on the period (`selectors.PublishedResult`), never
from a recomputation, so a download always says what the results page says. The CSV holds the
responses that result was computed from (`selectors.counted_responses`).
"""

from __future__ import annotations

import csv
import io
import logging
from decimal import Decimal
from pathlib import Path

from django.utils.text import slugify
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace
from openpyxl import Workbook
from openpyxl.styles import Font

from lontar.core.exports import safe_cell, safe_row
from lontar.core.pdffonts import add_document_fonts
from lontar.survey import ikm
from lontar.survey.privacy import scrub_free_text
from lontar.survey.selectors import PublishedResult, counted_responses

# fpdf2 subsets embedded fonts with fontTools, which logs every glyph at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)

# Debian's fonts-dejavu-core; embedded when present so every Indonesian character prints.
# Without it the PDF falls back to the core Helvetica font, which knows Latin-1 only.
DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")

# Characters our texts use that Latin-1 (the core fonts' encoding) lacks.
_LATIN1_SUBSTITUTES = str.maketrans(
    {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "•": "-"}
)

CSV_PROFILE_FIELDS = ("sex", "age_band", "education", "occupation")


def format_decimal(value: Decimal | None) -> str:
    """Two decimals with the Indonesian decimal comma, as on the results page."""
    if value is None:
        return "-"
    return f"{value:.2f}".replace(".", ",")


def filename(result: PublishedResult, extension: str) -> str:
    period = result.period
    return f"skm-{period.unit.slug}-{slugify(period.name)}.{extension}"


def _csv_safe(text: str) -> str:
    # Open-data users open CSVs in spreadsheets; never let a citizen's text become a formula.
    return str(safe_cell(text))


def _summary_rows(result: PublishedResult) -> list[tuple[str, str, object]]:
    """(label, text for the PDF, value for the spreadsheet) of the report's heading block."""
    period = result.period
    sample = result.required_sample
    rows: list[tuple[str, str, object]] = [
        (_("Instansi"), period.agency.name, period.agency.name),
        (_("Unit layanan"), period.unit.name, period.unit.name),
        (_("Periode"), period.name, period.name),
        (
            _("Rentang waktu"),
            f"{period.starts_on:%d-%m-%Y} s.d. {period.ends_on:%d-%m-%Y}",
            f"{period.starts_on:%Y-%m-%d}/{period.ends_on:%Y-%m-%d}",
        ),
        (
            _("Diterbitkan"),
            f"{period.published_at:%d-%m-%Y}",
            period.published_at.date() if period.published_at else None,
        ),
        (_("Nilai IKM"), format_decimal(period.index), period.index),
        (_("Mutu pelayanan"), period.grade, period.grade),
        (_("Kinerja unit pelayanan"), period.label, period.label),
        (_("Jumlah responden"), str(period.respondents), period.respondents),
        (
            _("Sampel minimal (Krejcie dan Morgan)"),
            str(sample) if sample else "-",
            sample,
        ),
        (
            _("Populasi pengguna layanan"),
            str(period.population) if period.population else "-",
            period.population,
        ),
        (_("Versi rumus"), period.formula_version, period.formula_version),
    ]
    if result.meets_sample is not None:
        verdict = _("memenuhi") if result.meets_sample else _("belum memenuhi")
        rows.append((_("Sampel minimal terpenuhi"), verdict, verdict))
    if result.missing:
        missing = ", ".join(result.missing)
        rows.append((_("Unsur tidak dijawab (tidak dihitung)"), missing, missing))
    return rows


def _element_header() -> list[str]:
    return [_("Unsur pelayanan"), _("NRR (1–4)"), _("Nilai unsur (×25)"), _("Mutu"), _("Kinerja")]


def _follow_up(result: PublishedResult) -> str:
    return result.period.follow_up_plan.strip() or _("Rencana tindak lanjut belum diumumkan.")


# --- PDF ----------------------------------------------------------------------------------------


class _ReportPdf(FPDF):
    def __init__(self, font_dir: Path):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.unicode = add_document_fonts(self, "DejaVu", font_dir)
        if self.unicode:
            self.family = "DejaVu"
        else:
            self.family = "Helvetica"
        self.set_auto_page_break(auto=True, margin=15)
        self.set_margins(18, 18, 18)

    def text_for(self, text: str) -> str:
        if self.unicode:
            return text
        return text.translate(_LATIN1_SUBSTITUTES).encode("latin-1", "replace").decode("latin-1")

    def heading(self, text: str, size: int = 13) -> None:
        self.ln(3)
        self.set_font(self.family, "B", size)
        self.multi_cell(0, 7, self.text_for(text), new_x="LMARGIN", new_y="NEXT")
        self.set_font(self.family, "", 10)

    def paragraph(self, text: str) -> None:
        self.set_font(self.family, "", 10)
        self.multi_cell(0, 5, self.text_for(text), new_x="LMARGIN", new_y="NEXT")

    def grid(self, rows: list[list[str]], widths: tuple[int, ...], header: bool = True) -> None:
        self.set_font(self.family, "", 9)
        with self.table(
            col_widths=widths,
            first_row_as_headings=header,
            headings_style=FontFace(emphasis="BOLD"),
            line_height=5.5,
            text_align="LEFT",
        ) as table:
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(self.text_for(value))
        self.ln(2)


def render_pdf(result: PublishedResult, *, font_dir: Path = DEJAVU_DIR) -> bytes:
    period = result.period
    pdf = _ReportPdf(font_dir)
    pdf.set_title(pdf.text_for(f"SKM {period.unit.name} {period.name}"))
    pdf.set_author(pdf.text_for(period.agency.name))
    pdf.add_page()
    pdf.heading(_("Laporan Hasil Survei Kepuasan Masyarakat"), size=15)
    pdf.paragraph(
        _(
            "Indeks Kepuasan Masyarakat (IKM) menurut Peraturan Menteri PANRB Nomor 14 Tahun "
            "2017: rata-rata nilai unsur pelayanan dikalikan 25, rentang 25 sampai 100."
        )
    )
    pdf.ln(2)
    pdf.grid([[label, text] for label, text, _value in _summary_rows(result)], (60, 114), False)

    pdf.heading(_("Nilai unsur pelayanan"))
    rows = [_element_header()]
    rows += [
        [e.name, format_decimal(e.nrr), format_decimal(e.index), e.grade, e.label]
        for e in result.elements
    ]
    pdf.grid(rows, (62, 24, 32, 16, 40))

    if result.profile:
        pdf.heading(_("Profil responden"))
        for dimension in result.profile:
            rows = [[dimension.heading.capitalize(), _("Responden"), "%"]]
            rows += [[r.label, str(r.count), format_decimal(r.percent)] for r in dimension.rows]
            pdf.grid(rows, (94, 40, 40))

    pdf.heading(_("Rencana tindak lanjut"))
    pdf.paragraph(_follow_up(result))
    return bytes(pdf.output())


# --- XLSX ---------------------------------------------------------------------------------------


def render_xlsx(result: PublishedResult) -> bytes:
    """Numbers are stored as numbers (two decimals), so the sheet can be computed on."""
    bold = Font(bold=True)
    workbook = Workbook()
    summary = workbook.active
    summary.title = _("Ringkasan")
    summary.append([_("Laporan Hasil Survei Kepuasan Masyarakat")])
    summary["A1"].font = bold
    for label, _text, value in _summary_rows(result):
        summary.append(safe_row([label, value]))
        if isinstance(value, Decimal):
            summary.cell(row=summary.max_row, column=2).number_format = "0.00"
    summary.column_dimensions["A"].width = 38
    summary.column_dimensions["B"].width = 40

    elements = workbook.create_sheet(_("Unsur"))
    elements.append(_element_header())
    for element in result.elements:
        elements.append(
            safe_row([element.name, element.nrr, element.index, element.grade, element.label])
        )
        for column in (2, 3):
            elements.cell(row=elements.max_row, column=column).number_format = "0.00"
    elements.column_dimensions["A"].width = 40

    profile = workbook.create_sheet(_("Profil responden"))
    profile.append([_("Kategori"), _("Pilihan"), _("Responden"), "%"])
    for dimension in result.profile:
        for row in dimension.rows:
            profile.append(
                safe_row([dimension.heading.capitalize(), row.label, row.count, row.percent])
            )
            profile.cell(row=profile.max_row, column=4).number_format = "0.00"
    profile.column_dimensions["A"].width = 28
    profile.column_dimensions["B"].width = 30

    follow_up = workbook.create_sheet(_("Tindak lanjut"))
    follow_up.append([_("Rencana tindak lanjut")])
    follow_up.append(safe_row([_follow_up(result)]))
    follow_up.column_dimensions["A"].width = 100

    for sheet in workbook.worksheets:
        for cell in sheet[1]:
            cell.font = bold
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- CSV ----------------------------------------------------------------------------------------


def csv_header() -> list[str]:
    return [
        "nomor",
        *ikm.ELEMENT_KEYS,
        "jenis_kelamin",
        "usia",
        "pendidikan",
        "pekerjaan",
        "jenis_layanan",
        "tanggal_layanan",
        "saran",
    ]


def render_csv(result: PublishedResult) -> str:
    """One row per counted response: answers by element key, the profile codes, the date.

    The CSV is open data: anyone may download it. Suggestions are useful to other readers
    ("ruang tunggu panas"), so they are kept, but only after `scrub_free_text` has masked
    e-mails, phone numbers and NIK-like numbers (see lontar/survey/privacy.py for what it
    cannot catch); the service name is free text too and is scrubbed the same way.

    No database id, submission time or network data: the row number is its position, and the
    date is the day the service was received, which the respondent chose to give.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(csv_header())
    rows = counted_responses(result.period).values_list(
        "answers", *CSV_PROFILE_FIELDS, "service_received", "service_date", "suggestion"
    )
    for number, (answers, *profile, service, service_date, suggestion) in enumerate(rows, 1):
        writer.writerow(
            [
                number,
                *(answers.get(key, "") for key in ikm.ELEMENT_KEYS),
                *profile,
                _csv_safe(scrub_free_text(service)),
                service_date.isoformat(),
                _csv_safe(scrub_free_text(suggestion)),
            ]
        )
    return buffer.getvalue()
