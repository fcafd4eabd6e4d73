"""An agency's colours: the WCAG contrast rule and the CSS custom properties built from them.

Pure functions, no database: `contrast_ratio` follows WCAG 2.x (relative luminance of sRGB),
`colour_problem` is the rule the theming form applies, and `theme_css` is the one line of CSS
the public base template inlines in <head> (no extra request). Both colours meet WCAG AA for
normal text, 4.5:1, against white: the brand colour is the header's and the buttons' background
under white text and the colour of links on white; the accent colour is a background under
white text and a border. The darker brand shade (`--brand-dark`, the menu bar and hover) is
derived, and darker only raises its contrast against white.
"""

from __future__ import annotations

import hashlib
import re
from base64 import b64encode

from django.utils.translation import gettext as _

WHITE = "#ffffff"
AA_NORMAL_TEXT = 4.5
_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def parse_hex(colour: str) -> tuple[int, int, int]:
    """(r, g, b) from "#1a2b3c", "1a2b3c" or "#abc"; ValueError otherwise."""
    match = _HEX.match(colour.strip())
    if not match:
        raise ValueError(colour)
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def normalise(colour: str) -> str:
    """The canonical "#rrggbb" (lower case) of a colour parse_hex accepts."""
    return "#{:02x}{:02x}{:02x}".format(*parse_hex(colour))


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    r, g, b = (_channel(v) for v in parse_hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours, from 1.0 (same) to 21.0 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def colour_problem(colour: str, *, against: str = WHITE, minimum: float = AA_NORMAL_TEXT) -> str:
    """Why this colour may not be used (Indonesian, for the form), or "" when it may."""
    try:
        ratio = contrast_ratio(colour, against)
    except ValueError:
        return _("Tulis warna sebagai kode heksadesimal enam digit, mis. #0b4f6c.")
    if ratio < minimum:
        return _(
            "Kontras warna ini dengan putih hanya %(ratio).2f:1; paling sedikit %(minimum).1f:1 "
            "(WCAG AA) agar teks tetap terbaca. Pilih warna yang lebih gelap."
        ) % {"ratio": ratio, "minimum": minimum}
    return ""


def darker(colour: str, factor: float = 0.72) -> str:
    """The same hue, each channel scaled down: the brand's dark shade for menus and hovers."""
    r, g, b = parse_hex(colour)
    return "#{:02x}{:02x}{:02x}".format(*(round(v * factor) for v in (r, g, b)))


def theme_css(*, brand: str = "", accent: str = "") -> str:
    """The custom properties overriding lontar.css's defaults; "" when nothing is themed.

    Only colours that pass `colour_problem` are used, so a stored value that no longer meets
    the rule (or was written around the form) never reaches a page.
    """
    declarations = []
    if brand and not colour_problem(brand):
        declarations.append(f"--brand:{normalise(brand)};--brand-dark:{darker(brand)}")
    if accent and not colour_problem(accent):
        declarations.append(f"--accent:{normalise(accent)}")
    return f":root{{{';'.join(declarations)}}}" if declarations else ""


def style_hash(css: str) -> str:
    """The CSP source expression allowing exactly this inline <style> content."""
    digest = hashlib.sha256(css.encode()).digest()
    return f"'sha256-{b64encode(digest).decode()}'"
