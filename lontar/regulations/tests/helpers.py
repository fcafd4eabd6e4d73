"""Test helpers: small PDFs built here with fpdf2, and documents with sensible defaults."""

from __future__ import annotations

import itertools
from datetime import date

from django.core.files.base import ContentFile
from fpdf import FPDF

from lontar.regulations import services
from lontar.regulations.models import LegalDocument

_numbers = itertools.count(1)


def make_pdf(*lines: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in lines:
        pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def make_document(agency, *, pdf_text: str | None = None, subjects=(), **fields) -> LegalDocument:
    defaults = {
        "kind": "Peraturan Gubernur",
        "kind_abbreviation": "Pergub",
        "number": str(next(_numbers)),
        "year": 2020,
        "title": "Uji Coba Peraturan",
        "teu_body": "Pemerintah Provinsi Uji",
        "place_enacted": "Kota Uji",
        "enacted_on": date(2020, 3, 2),
        "promulgated_on": date(2020, 3, 4),
        "source": "Berita Daerah Provinsi Uji Tahun 2020 Nomor 4",
        "field_of_law": "Hukum Administrasi Negara",
    }
    document = LegalDocument(agency=agency, **{**defaults, **fields})
    if pdf_text is not None:
        document.file.save("naskah.pdf", ContentFile(make_pdf(pdf_text)), save=False)
    from lontar.regulations.models import Subject

    chosen = [Subject.objects.get_or_create(agency=agency, name=name)[0] for name in subjects]
    return services.save_document(document, subjects=chosen)
