"""An abstract typed into the admin, served as a small PDF so the JDIHN feed's `urlAbstrak`
points at a file, as it does for an uploaded abstract."""

from __future__ import annotations

from fpdf import FPDF

from lontar.core.pdffonts import add_document_fonts

# Core PDF fonts know Latin-1 only; the typographic characters abstracts often carry.
_LATIN1 = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."})


def abstract_pdf(document) -> bytes:
    pdf = FPDF(format="A4")
    unicode = add_document_fonts(pdf)
    family = "body" if unicode else "helvetica"

    def text(value: str) -> str:
        if unicode:
            return value
        return value.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")

    pdf.set_title(text(f"Abstrak {document.full_name}"))
    pdf.add_page()
    pdf.set_font(family, "B", 12)
    pdf.multi_cell(0, 7, text(document.full_name), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(family, "B", 11)
    pdf.cell(0, 7, "ABSTRAK", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 10)
    for paragraph in document.abstract.strip().split("\n"):
        pdf.multi_cell(0, 6, text(paragraph.strip()) or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
