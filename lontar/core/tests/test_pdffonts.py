"""The cut document font: it holds what Indonesian documents print, and it is cut once."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont
from fpdf import FPDF
from pypdf import PdfReader

from lontar.core import pdffonts

TYPOGRAPHY = "Pemberitahuan — “Nomor” 0001/PPID • Rp 2.000 × 3 ≤ 5 ✓ Đặng Ñoño μ №"


@pytest.fixture
def font_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LONTAR_FONT_CACHE", str(tmp_path))
    pdffonts._cut_fonts.cache_clear()
    yield tmp_path
    pdffonts._cut_fonts.cache_clear()


@pytest.mark.skipif(not (pdffonts.FONT_DIR / "DejaVuSans.ttf").exists(), reason="no DejaVu")
def test_the_cut_font_prints_indonesian_typography_and_is_a_third_of_the_font(font_cache):
    pdf = FPDF()
    assert pdffonts.add_document_fonts(pdf)
    pdf.add_page()
    pdf.set_font("body", "", 11)
    pdf.multi_cell(0, 6, TYPOGRAPHY, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", "B", 11)
    pdf.multi_cell(0, 6, TYPOGRAPHY)
    text = PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0].extract_text()
    assert text.count("Đặng") == 2 and "“Nomor”" in text and "✓" in text

    cut = sorted(font_cache.glob("*.ttf"))
    assert len(cut) == 2
    full = TTFont(pdffonts.FONT_DIR / "DejaVuSans.ttf", lazy=True)
    regular = TTFont(next(p for p in cut if "Bold" not in p.name), lazy=True)
    assert all(ord(c) in regular.getBestCmap() for c in TYPOGRAPHY)
    assert len(regular.getGlyphOrder()) * 3 < len(full.getGlyphOrder())


def test_a_second_document_reuses_the_cut_files(font_cache):
    first = pdffonts._cut_fonts(pdffonts.FONT_DIR)
    if first is None:
        pytest.skip("no DejaVu")
    stamps = {path: path.stat().st_mtime_ns for path in first.values()}
    pdffonts._cut_fonts.cache_clear()  # a new process: the files on disk are taken as they are
    again = pdffonts._cut_fonts(pdffonts.FONT_DIR)
    assert again == first
    assert {path: path.stat().st_mtime_ns for path in again.values()} == stamps


def test_without_the_system_fonts_documents_fall_back_to_the_core_fonts(font_cache, tmp_path):
    assert pdffonts.add_document_fonts(FPDF(), font_dir=tmp_path / "none") is False
