"""The one font of Lontar's PDF documents (receipts, notices, reports, exports).

The system's DejaVu Sans is cut once per process to the scripts Indonesian documents carry
(Latin with its extensions, Greek, punctuation, currency and a few symbols) and
written to a cache file. fpdf2 reads every glyph of a font when it is added and subsets it
again when the document is written; with the full 6,000-glyph font that was nearly half the
time of loading the demo and of every PDF test, with the cut font it is a small fraction.
Characters outside the cut (Cyrillic, Arabic, CJK) are reported by fpdf2 as missing glyphs;
DejaVu Sans never had the last two.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
# Inclusive code point ranges kept in the cut font.
RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x0370, 0x03FF),  # Greek
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese names, among others)
    (0x2000, 0x206F),  # General Punctuation: dashes, quotes, bullet, ellipsis
    (0x20A0, 0x20CF),  # Currency symbols
    (0x2100, 0x214F),  # Letterlike symbols (№, ℃)
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical operators (×, ≤, ≥)
    (0x25A0, 0x25FF),  # Geometric shapes (■, ●, check boxes)
    (0x2713, 0x2717),  # Check marks
)


def _cache_dir() -> Path:
    return Path(os.environ.get("LONTAR_FONT_CACHE", Path(tempfile.gettempdir()) / "lontar-fonts"))


@functools.cache
def _cut_fonts(font_dir: Path) -> dict[str, Path] | None:
    sources = {style: font_dir / name for style, name in FILES.items()}
    if not all(path.exists() for path in sources.values()):
        return None
    from fontTools import subset  # imported here: only PDF builders need it

    unicodes = [code for start, end in RANGES for code in range(start, end + 1)]
    cut: dict[str, Path] = {}
    for style, source in sources.items():
        stat = source.stat()
        key = hashlib.sha256(f"{source}|{stat.st_size}|{stat.st_mtime_ns}|{RANGES}".encode())
        target = _cache_dir() / f"{source.stem}-{key.hexdigest()[:16]}.ttf"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            options = subset.Options()
            options.layout_features = []  # fpdf2 does not shape text unless asked to
            options.hinting = False
            options.glyph_names = True
            options.notdef_outline = True
            font = subset.load_font(str(source), options)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=unicodes)
            subsetter.subset(font)
            # Written under a temporary name and renamed: two workers may cut at the same time.
            handle, partial = tempfile.mkstemp(dir=target.parent, suffix=".part")
            os.close(handle)
            subset.save_font(font, partial, options)
            os.chmod(partial, 0o644)  # mkstemp's 0600 would hide it from another service user
            os.replace(partial, target)
        cut[style] = target
    return cut


def add_document_fonts(pdf: FPDF, family: str = "body", font_dir: Path = FONT_DIR) -> bool:
    """Adds the regular and bold document font to `pdf` as `family`. False when the system
    fonts are missing: the caller then falls back to the core fonts (Latin-1 only)."""
    fonts = _cut_fonts(font_dir)
    if fonts is None:
        return False
    for style, path in fonts.items():
        pdf.add_font(family, style, str(path))
    return True
