"""Free text written by citizens, made fit to keep and to publish.

Survey suggestions go to the open-data catalogue and page comments to the agency's editors;
neither needs a way to reach or identify the writer. What can be recognised by its shape is
masked: the patterns of the log filter (`lontar.core.logging`: e-mail, phone, NIK) plus any
run of eight or more digits, even split by spaces, dots or dashes ("3201 0101 9001 0001",
"123.456.789.0": identity, account or case numbers). Names cannot be recognised reliably, so
the forms say they are anonymous and ask for no name.
"""

from __future__ import annotations

import re

from lontar.core.personal_data import redact as mask_personal_data

_LONG_NUMBER = re.compile(r"(?<![\w])\d(?:[\s.\-]?\d){7,}(?![\w])")


def scrub_free_text(text: str) -> str:
    """Mask personal-data patterns and flatten whitespace (one answer stays one line)."""
    masked = mask_personal_data(text)
    masked = _LONG_NUMBER.sub("[ANGKA]", masked)
    return " ".join(masked.split())
