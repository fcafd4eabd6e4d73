"""Demo content: the BKD's regulations library (docs, chains, small PDFs) and a menu item.

Idempotent: documents are found by kind, number and year (title for unnumbered ones);
relations are created once; nothing is changed if it already exists.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import transaction

from lontar.demo.loader import DemoContext, add_menu_item
from lontar.regulations import services
from lontar.regulations.demo_data import DOCUMENTS
from lontar.regulations.models import DocumentRelation, LegalDocument, Subject

PROVINCE = "Nusa Cendana"
PLACE = "Batu Karang"


def _pdf(lines: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(lines[0])
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(0, 7, lines[0], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for line in lines[1:]:
        pdf.ln(3)
        pdf.multi_cell(
            0, 6, line.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT"
        )
    return bytes(pdf.output())


def _dates(key: str, year: int) -> tuple[date, date]:
    seed = int(hashlib.sha256(key.encode()).hexdigest(), 16)
    enacted = date(year, 1 + seed % 11, 1 + seed % 27)
    return enacted, enacted + timedelta(days=1 + seed % 5)


def _fields(row) -> dict:
    key, doc_type, kind, abbr, number, year, title, _subjects, field, unit, _rel = row
    enacted, promulgated = _dates(key, year)
    fields = {
        "document_type": doc_type,
        "kind": kind,
        "kind_abbreviation": abbr,
        "number": number,
        "year": year,
        "title": title,
        "field_of_law": field,
        "initiating_unit": unit,
        "language": "Indonesia",
        "original_location": "Ruang Arsip Sekretariat BKD",
        "place_enacted": PLACE,
        "enacted_on": enacted,
    }
    by_governor = "Gubernur" in kind or kind == "Peraturan Daerah"
    if doc_type == "peraturan":
        fields["teu_body"] = (
            f"Pemerintah Provinsi {PROVINCE}"
            if by_governor
            else f"Badan Kepegawaian Daerah Provinsi {PROVINCE}"
        )
        fields["signer"] = f"Gubernur {PROVINCE}" if by_governor else "Kepala Badan"
    if kind in ("Peraturan Gubernur", "Peraturan Daerah"):
        gazette = "Berita Daerah" if kind == "Peraturan Gubernur" else "Lembaran Daerah"
        fields["promulgated_on"] = promulgated
        fields["effective_on"] = promulgated
        fields["source"] = f"{gazette} Provinsi {PROVINCE} Tahun {year} Nomor {number}"
    elif doc_type == "peraturan":
        fields["effective_on"] = enacted
    if doc_type == "monografi":
        fields.update(
            teu_body=f"Badan Kepegawaian Daerah Provinsi {PROVINCE}",
            publisher=f"BKD Provinsi {PROVINCE}",
            physical_description="xii + 340 hlm.; 21 cm",
            call_number="342.068 BKD h",
            index_number="B-2020-001",
        )
    elif doc_type == "artikel":
        fields.update(source="Jurnal Aparatur Nusa Cendana Vol. 4 No. 2", signer="Tim Kajian BKD")
    elif doc_type == "putusan":
        fields.update(
            teu_body=f"Pengadilan Tata Usaha Negara {PLACE}",
            signer=f"Majelis Hakim PTUN {PLACE}",
        )
    fields["abstract"] = (
        f"Dokumen ini mengatur {title[0].lower()}{title[1:]} di lingkungan Pemerintah Provinsi "
        f"{PROVINCE}. Dasar pertimbangan: perlunya kepastian hukum dan tertib administrasi "
        "kepegawaian. Materi pokok: ruang lingkup, hak dan kewajiban, tata cara, serta "
        "ketentuan peralihan. (Contoh fiktif untuk demo.)"
    )
    return fields


def _text_lines(document: LegalDocument, subjects: list[str]) -> list[str]:
    start = document.effective_on or document.enacted_on
    return [
        document.full_name.upper(),
        f"{document.teu_body or 'Badan Kepegawaian Daerah'} - dokumen contoh fiktif untuk demo "
        "Lontar; bukan peraturan yang sebenarnya.",
        f"Menimbang: bahwa untuk menertibkan {', '.join(s.lower() for s in subjects)} "
        "di lingkungan pemerintah daerah perlu ditetapkan ketentuan ini.",
        "Pasal 1. Dalam ketentuan ini yang dimaksud dengan Aparatur Sipil Negara adalah pegawai "
        "negeri sipil dan pegawai pemerintah dengan perjanjian kerja.",
        "Pasal 2. Setiap pegawai wajib melaksanakan ketentuan ini dengan penuh tanggung jawab; "
        "atasan langsung melakukan pembinaan dan pengawasan.",
        f"Pasal 3. Ketentuan ini mulai berlaku pada tanggal {start:%d-%m-%Y}.",
    ]


def _document(agency, row, subjects: dict) -> LegalDocument:
    fields = _fields(row)
    lookup = {"kind": fields["kind"], "number": fields["number"], "year": fields["year"]}
    if not fields["number"]:
        lookup["title"] = fields["title"]
    existing = LegalDocument.objects.filter(agency=agency, **lookup).first()
    if existing:
        return existing
    names = [name for name in row[7].split(";") if name]
    chosen = []
    for name in names:
        if name not in subjects:
            subjects[name] = Subject.objects.get_or_create(agency=agency, name=name)[0]
        chosen.append(subjects[name])
    document = LegalDocument(agency=agency, **fields)
    document.file.save(f"{row[0]}.pdf", ContentFile(_pdf(_text_lines(document, names))), save=False)
    services.save_document(document, subjects=chosen)
    return document


@transaction.atomic
def load(ctx: DemoContext) -> None:
    agency = ctx.agencies["bkd"]
    subjects: dict[str, Subject] = {}
    documents = {row[0]: _document(agency, row, subjects) for row in DOCUMENTS}
    for row in DOCUMENTS:
        for kind, target in row[10]:
            DocumentRelation.objects.get_or_create(
                source=documents[row[0]], kind=kind, target=documents[target]
            )
    services.refresh_statuses(agency)
    add_menu_item(agency, label="Regulasi", url="/regulasi/", after="Profil")
