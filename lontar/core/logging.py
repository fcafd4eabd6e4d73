"""A logging filter that masks personal data before any log line is written."""

from __future__ import annotations

import logging
import re

# NIK: 16 digits; phone numbers: Indonesian mobile/landline forms; e-mail addresses.
_PATTERNS = [
    (re.compile(r"(?<!\d)\d{16}(?!\d)"), "[NIK]"),
    (re.compile(r"(?<![\w.])(?:\+62|62|0)8\d{7,11}(?!\d)"), "[TELEPON]"),
    (re.compile(r"(?<![\w.])(?:\+62|62|0)\d{2,3}[\s-]?\d{5,8}(?!\d)"), "[TELEPON]"),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "[SUREL]"),
]


def mask_personal_data(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_personal_data(message)
        if masked != message:
            record.msg, record.args = masked, ()
        if record.exc_info:
            # A traceback's exception message may quote what a citizen typed.
            record.exc_text = mask_personal_data(
                logging.Formatter().formatException(record.exc_info)
            )
            record.exc_info = None
        return True
