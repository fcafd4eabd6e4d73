"""HTTP Range requests for media (RFC 9110 §14): one byte range, or the whole file."""

from __future__ import annotations

import re

# ASCII digits only (`\d` also matches "²" and other digits int() refuses), and a bounded
# count: a position of 19 digits or more already lies beyond any file, and 5,000 digits would
# overflow int()'s own limit.
_RANGE = re.compile(r"bytes=([0-9]*)-([0-9]*)", re.ASCII)
_MAX_DIGITS = 18
_BEYOND_ANY_FILE = 10**_MAX_DIGITS


class Unsatisfiable(Exception):
    pass


def _position(digits: str) -> int:
    return int(digits) if len(digits) <= _MAX_DIGITS else _BEYOND_ANY_FILE


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(first, last) inclusive byte positions, None to send the whole file.

    Raises Unsatisfiable when the range lies outside the file. Multiple ranges, and headers
    that are not a byte range at all, are answered with the whole file, which the standard
    allows (a server may ignore Range).
    """
    if not header:
        return None
    match = _RANGE.fullmatch(header.strip())
    if not match:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the final N bytes
        length = _position(last)
        if length == 0 or size == 0:
            raise Unsatisfiable
        return max(size - length, 0), size - 1
    start = _position(first)
    end = min(_position(last), size - 1) if last else size - 1
    if start >= size or (last and _position(last) < start):
        raise Unsatisfiable
    return start, end
