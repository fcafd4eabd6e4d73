"""What a maklumat pelayanan or SOP must say (Perki SLIP Pasal 47) and the text read aloud. Pure."""

from __future__ import annotations

import hashlib

from django.utils.translation import gettext_lazy as _

# Pasal 47: at least these six items, in this order (field name, heading).
SECTIONS = (
    ("legal_basis", _("Dasar hukum")),
    ("procedure", _("Sistem, mekanisme, dan prosedur")),
    ("completion_time", _("Jangka waktu penyelesaian")),
    ("fees", _("Biaya/tarif")),
    ("guarantee", _("Jaminan pelayanan")),
    ("evaluation", _("Evaluasi kinerja")),
)


def sections(standard) -> list[tuple[str, str]]:
    """(heading, text) of each item the standard fills, in the order of Pasal 47."""
    return [(str(heading), getattr(standard, name)) for name, heading in SECTIONS]


def spoken_text(standard, agency_name: str) -> str:
    """Everything the page says, in reading order, as one text for the speech engine."""
    parts = [f"{standard.title}. {agency_name}."]
    if standard.statement:
        parts.append(standard.statement)
    for heading, text in sections(standard):
        parts.append(f"{heading}. {text}")
    return "\n".join(part.strip() for part in parts if part.strip())


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def duration_label(seconds: float | None) -> str:
    """ "2 menit 5 detik" for the audio's length."""
    if not seconds:
        return ""
    total = round(seconds)
    minutes, rest = divmod(total, 60)
    return f"{minutes} menit {rest} detik" if minutes else f"{rest} detik"
