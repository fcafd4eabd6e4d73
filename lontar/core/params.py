"""Reading URL parameters and headers safely: junk answers 400 with a message, never 500.

Python's own predicates are too generous for input from strangers: `"²".isdigit()` is true but
`int("²")` fails, `int("３")` quietly accepts full-width digits, a 5,000-digit number is a valid
`int` but overflows SQLite's 64-bit integers, and a NUL byte breaks PostgreSQL. Every view that
reads a parameter goes through these helpers; an invalid value raises `InvalidParameter`, which
`InvalidParameterMiddleware` turns into a 400 page (or JSON for API paths) naming the parameter.
"""

from __future__ import annotations

import datetime as dt
import re

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

# ASCII digits only: `\d` in Python regexes matches every Unicode digit.
_ASCII_INT = re.compile(r"-?[0-9]{1,18}")
_ASCII_DIGITS = re.compile(r"-?[0-9]+")
_ASCII_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Control characters other than tab/newline, and lone surrogates, never belong in a parameter.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")

MAX_TEXT = 200
MAX_YEAR = 2200
MIN_YEAR = 1900


class InvalidParameter(ValueError):
    """A request parameter, form value or header that cannot be used; answered with 400."""

    def __init__(self, name: str, message: str | None = None):
        self.name = name
        self.message = message or _("Nilai parameter “%(name)s” tidak valid.") % {"name": name}
        super().__init__(self.message)


def parse_int(
    value: str | None,
    name: str,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    default: int | None = None,
) -> int | None:
    """An integer written in ASCII digits within bounds; blank gives `default`."""
    if value is None or not str(value).strip():
        return default
    text = str(value).strip()
    if not _ASCII_INT.fullmatch(text):
        if _ASCII_DIGITS.fullmatch(text):  # digits, but more than any count or year needs
            raise InvalidParameter(name, _("“%(name)s” terlalu besar.") % {"name": name})
        raise InvalidParameter(name, _("“%(name)s” harus berupa angka.") % {"name": name})
    number = int(text)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise InvalidParameter(
            name,
            _("“%(name)s” harus antara %(min)s dan %(max)s.")
            % {"name": name, "min": minimum, "max": maximum},
        )
    return number


def parse_year(value: str | None, name: str = "tahun") -> int | None:
    return parse_int(value, name, minimum=MIN_YEAR, maximum=MAX_YEAR)


def parse_page(value: str | None, name: str = "halaman", maximum: int = 100_000) -> int:
    """A page number for pagination; blank is page 1."""
    return parse_int(value, name, minimum=1, maximum=maximum, default=1) or 1


def parse_date(value: str | None, name: str) -> dt.date | None:
    """An ISO date (YYYY-MM-DD); blank gives None."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    if _ASCII_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise InvalidParameter(
        name, _("“%(name)s” harus berupa tanggal dengan format TTTT-BB-HH.") % {"name": name}
    )


def clean_text(value: str | None, name: str, *, max_length: int = MAX_TEXT) -> str:
    """Free text from a parameter: stripped, bounded, without control characters or NULs."""
    text = (value or "").strip()
    if _CONTROL.search(text):
        raise InvalidParameter(
            name, _("“%(name)s” berisi karakter yang tidak diizinkan.") % {"name": name}
        )
    return text[:max_length]


# The database search backends quote every search term themselves (SQLite FTS5 wraps each in
# double quotes, PostgreSQL in single quotes with escaping), so operators such as AND, NEAR, *,
# ( or - are already searched literally. A double quote is the one character that can end the
# SQLite quoting early and turn the query into an FTS5 syntax error; it carries no meaning for
# the visitor's search, so it becomes a space.
_SEARCH_BREAKERS = re.compile(r'["\x00-\x1f\x7f\ud800-\udfff]')


def neutral_search_terms(text: str, *, max_length: int = MAX_TEXT) -> str:
    """Text safe to hand to the search backend: the words stay, quoting characters go.

    Pure and lenient (never raises): selectors call it on every query whatever its origin, as a
    second line behind `search_query`, which refuses control characters with 400.
    """
    return " ".join(_SEARCH_BREAKERS.sub(" ", text or "").split())[:max_length].strip()


def search_query(value: str | None, name: str = "q", *, max_length: int = MAX_TEXT) -> str:
    """A visitor's search words: control characters and NULs are refused (400), quotes become
    spaces so that `"` or an FTS operator searches literally instead of failing."""
    text = clean_text(value, name, max_length=max_length)
    return neutral_search_terms(text, max_length=max_length)


def choice(value: str | None, name: str, allowed: set[str] | frozenset[str]) -> str:
    """One of a fixed set of values; blank gives ''."""
    text = (value or "").strip()
    if text and text not in allowed:
        raise InvalidParameter(name)
    return text


class InvalidParameterMiddleware:
    """Answer `InvalidParameter` raised by any view with 400 and the message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, InvalidParameter):
            return None
        return bad_request(request, exception)


def bad_request(request: HttpRequest, error: InvalidParameter) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"error": {"parameter": error.name, "message": error.message}}, status=400
        )
    template = loader.get_template("400.html")
    return HttpResponseBadRequest(
        template.render({"message": error.message, "parameter": error.name}, request)
    )
