"""Phone and WhatsApp numbers as links a phone can follow (tel:, https://wa.me/)."""

from __future__ import annotations

import re

from django import template

register = template.Library()

_NOT_DIGIT = re.compile(r"\D")


def _international(number: str) -> str:
    """Digits in international form without "+": 0812… and +62 812… both become 62812…."""
    digits = _NOT_DIGIT.sub("", number or "")
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return digits


@register.filter
def tel_href(number: str) -> str:
    digits = _international(number)
    return f"tel:+{digits}" if digits else ""


@register.filter
def whatsapp_href(number: str) -> str:
    digits = _international(number)
    return f"https://wa.me/{digits}" if digits else ""


# Office hours are free text on the agency, written in Indonesian; the words they are made of
# are few, so English readers get them in English without a second field to keep in step.
_HOURS_WORDS = {
    "senin": "Monday",
    "selasa": "Tuesday",
    "rabu": "Wednesday",
    "kamis": "Thursday",
    "jumat": "Friday",
    "jum'at": "Friday",
    "sabtu": "Saturday",
    "minggu": "Sunday",
    "hari libur": "public holidays",
    "libur nasional": "public holidays",
    "tutup": "closed",
    "dan": "and",
    "istirahat": "break",
}
_HOURS_PATTERN = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _HOURS_WORDS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


@register.filter
def office_hours_line(line: str, language: str = "id") -> str:
    """One line of office hours in the reader's language (Indonesian as written)."""
    if not (language or "").startswith("en"):
        return line
    return _HOURS_PATTERN.sub(lambda match: _HOURS_WORDS[match.group(0).lower()], line)
