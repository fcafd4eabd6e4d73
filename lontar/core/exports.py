"""Cells of every CSV and XLSX export, made safe to open in a spreadsheet.

Exports carry text that citizens and staff typed (request summaries, survey suggestions,
dataset values, article titles). A spreadsheet treats a cell starting with "=", "+", "-" or
"@" (or a tab or carriage return before one) as a formula, so `=HYPERLINK("http://x","y")`
in a suggestion would become a live link in an officer's Excel (CSV/formula injection,
OWASP). Such text gets a leading apostrophe, which spreadsheets show as the literal text.

Numbers stay numbers: int, float and Decimal values are untouched, and so is text that is
just a number ("-2.5", "+62"), which no spreadsheet evaluates as a formula.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?")


def safe_cell(value: object) -> object:
    """`value` as a spreadsheet may show it: text that would be a formula is prefixed "'"."""
    if value is None or isinstance(value, (bool, int, float, Decimal)):
        return value
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    return [safe_cell(value) for value in values]
