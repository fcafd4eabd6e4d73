"""The objection's receipt and the dispute dossier (berkas sengketa) for the Komisi Informasi.

The dossier is one ZIP: a PDF that sets out the request, the written notice's decision, the
objection, the Atasan PPID's answer and the whole timeline, plus the written notice exactly as
it was stored and sent. Built on demand from the records; nothing personal is written to disk.
"""

from __future__ import annotations

import io
import zipfile

from fpdf import FPDF

from lontar.core.calendar import format_long_date
from lontar.core.pdffonts import add_document_fonts
from lontar.objections import clock
from lontar.ppid.deadlines import local_date
from lontar.ppid.selectors import public_timeline


class _Document(FPDF):
    def __init__(self, agency) -> None:
        super().__init__(format="A4")
        self.unicode = add_document_fonts(self)
        if self.unicode:
            self.family = "body"
        else:  # core fonts know Latin-1 only
            self.family = "helvetica"
        self.set_margins(20, 18, 20)
        self.add_page()
        self.set_font(self.family, "B", 13)
        self.para(agency.name)
        self.set_font(self.family, "", 9)
        self.para(agency.address.replace("\n", ", "))
        self.ln(4)

    def para(self, text: str, height: float = 6) -> None:
        if not self.unicode:
            text = text.encode("latin-1", "replace").decode("latin-1")
        self.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")

    def heading(self, text: str) -> None:
        self.ln(2)
        self.set_font(self.family, "B", 11)
        self.para(text)
        self.set_font(self.family, "", 10)

    def field(self, label: str, value: str) -> None:
        self.set_font(self.family, "B", 10)
        self.para(label, 5)
        self.set_font(self.family, "", 10)
        self.para(value or "-", 5)
        self.ln(1)


def _date(moment, agency) -> str:
    return format_long_date(local_date(moment, agency.time_zone)) if moment else "-"


def receipt_pdf(objection) -> bytes:
    """Proof that the objection was received, with its number and the answer's due date."""
    o = objection
    pdf = _Document(o.agency)
    pdf.heading("TANDA BUKTI PENERIMAAN KEBERATAN")
    pdf.field("Nomor keberatan", o.number)
    pdf.field("Tanggal diterima", _date(o.received_at, o.agency))
    pdf.field(
        "Nomor pendaftaran permohonan",
        o.information_request.number if o.information_request_id else "-",
    )
    pdf.field("Nama pengaju keberatan", o.objector_name)
    pdf.field("Alasan keberatan", "; ".join(o.ground_labels))
    pdf.field("Kasus posisi", o.case_summary)
    pdf.field("Batas tanggapan Atasan PPID", format_long_date(o.answer_due))
    pdf.para(clock.answer_deadline(o).explanation, 5)
    pdf.ln(3)
    pdf.para(
        "Atasan PPID wajib memberikan tanggapan tertulis paling lambat 30 hari kerja sejak "
        "keberatan diterima (UU 14/2008 Pasal 36 ayat (2)).",
        5,
    )
    return bytes(pdf.output())


def _timeline(objection) -> list[tuple[str, str]]:
    o, agency = objection, objection.agency
    rows: list[tuple[str, str]] = []
    if o.information_request_id:
        for event in public_timeline(o.information_request):
            rows.append((_date(event.at, agency), f"Permohonan: {event.public_note}"))
    rows.append((_date(o.received_at, agency), f"Keberatan {o.number} diterima"))
    if o.answered_at:
        rows.append(
            (_date(o.answered_at, agency), f"Tanggapan Atasan PPID: {o.get_outcome_display()}")
        )
    for step in o.dispute_steps.all():
        text = f"Sengketa: {step.get_stage_display()}"
        if step.outcome:
            text += f" — {step.get_outcome_display()}"
        rows.append((format_long_date(step.on), text))
    return rows


def dossier_pdf(objection, today) -> bytes:
    o, agency = objection, objection.agency
    request = o.information_request
    pdf = _Document(agency)
    pdf.heading("BERKAS PENGAJUAN SENGKETA INFORMASI PUBLIK")
    pdf.para("Disusun dari catatan layanan informasi untuk diajukan ke Komisi Informasi.", 5)
    pdf.heading("1. Permohonan informasi")
    if request is not None:
        pdf.field("Nomor pendaftaran", request.number)
        pdf.field("Tanggal diterima", _date(request.received_at, agency))
        pdf.field("Informasi yang diminta", request.information_requested)
        pdf.field("Tujuan penggunaan", request.purpose)
        pdf.heading("2. Pemberitahuan tertulis")
        pdf.field("Tanggal", _date(request.answered_at, agency))
        pdf.field("Keputusan", request.get_decision_display() if request.decision else "-")
        pdf.field("Dasar pengecualian", request.refusal_ground)
    else:
        pdf.para(
            "Keberatan atas informasi berkala yang tidak disediakan (Pasal 35 huruf b); "
            "tanpa permohonan.",
            5,
        )
    pdf.heading("3. Keberatan")
    pdf.field("Nomor keberatan", o.number)
    pdf.field("Tanggal diterima", _date(o.received_at, agency))
    pdf.field("Pengaju keberatan", o.objector_name)
    pdf.field("Alasan (Pasal 35 ayat (1))", "; ".join(o.ground_labels))
    pdf.field("Kasus posisi", o.case_summary)
    pdf.heading("4. Tanggapan Atasan PPID")
    if o.answered_at:
        pdf.field("Tanggal", _date(o.answered_at, agency))
        pdf.field("Keputusan", o.get_outcome_display())
        pdf.field("Tanggapan", o.answer_text)
        pdf.field("Atasan PPID", f"{o.superior_name}, {o.superior_position}")
    else:
        pdf.para(
            f"Tidak ada tanggapan sampai batas waktu {format_long_date(o.answer_due)} "
            "(30 hari kerja, UU 14/2008 Pasal 36 ayat (2)).",
            5,
        )
    window = clock.dispute_for(o, today)
    if window is not None:
        pdf.heading("5. Batas pengajuan sengketa")
        pdf.para(window.deadline.explanation, 5)
    pdf.heading("6. Kronologi")
    for day, text in _timeline(o):
        pdf.para(f"{day} — {text}", 5)
    return bytes(pdf.output())


def dossier_zip(objection, today) -> bytes:
    """The dossier PDF and the stored written notice, in one ZIP."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("berkas-sengketa.pdf", dossier_pdf(objection, today))
        request = objection.information_request
        if request is not None and request.notice_pdf:
            with request.notice_pdf.open("rb") as stored:
                archive.writestr("pemberitahuan-tertulis.pdf", stored.read())
    return buffer.getvalue()
