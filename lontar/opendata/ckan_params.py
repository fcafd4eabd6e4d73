"""Parameters of CKAN actions and CKAN's errors: a bad parameter is a 409 Validation Error keyed
by the parameter's name (`{"__type": "Validation Error", "rows": ["…"]}`), as CKAN answers."""

from __future__ import annotations

import json

from lontar.core.params import InvalidParameter, clean_text, parse_int

MAX_ROWS = 1000
MAX_OFFSET = 10**9
MAX_PK = 2**63 - 1
TRUE = (True, "true", "True", "1", 1)


class ActionError(Exception):
    def __init__(
        self, kind: str, message: str, status: int, fields: dict[str, list[str]] | None = None
    ) -> None:
        super().__init__(message)
        self.kind, self.message, self.status = kind, message, status
        self.fields = fields or {}

    def as_dict(self) -> dict:
        """CKAN's `error` object: field errors by field, others with a message."""
        if self.fields:
            return {"__type": self.kind, **self.fields}
        return {"__type": self.kind, "message": self.message}


def not_found(message: str = "Not found") -> ActionError:
    return ActionError("Not Found Error", message, 404)


def invalid(field: str, message: str) -> ActionError:
    return ActionError("Validation Error", f"{field}: {message}", 409, {field: [message]})


def search_error(message: str) -> ActionError:
    return ActionError("Search Query Error", message, 409)


def integer(params: dict, name: str, default: int, maximum: int = MAX_ROWS) -> int:
    """A non-negative integer; above `maximum` it is capped, as CKAN caps `rows`.

    JSON bodies may carry numbers that are not integers (1e999 is infinity, 2.5, true), and
    strings may carry more digits than a 64-bit column holds: all of them are refused.
    """
    value = params.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise invalid(name, "Bukan bilangan bulat")
    try:
        number = parse_int(str(value), name, minimum=0, maximum=MAX_PK)
    except InvalidParameter as error:
        raise invalid(name, "Harus bilangan bulat 0 atau lebih, paling banyak 18 angka") from (
            error
        )
    return min(number if number is not None else default, maximum)


def text(params: dict, name: str, max_length: int = 500) -> str:
    """A text parameter (numbers are accepted as their text); NULs and control bytes refused."""
    value = params.get(name)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise invalid(name, "Harus berupa teks")
    try:
        return clean_text(str(value), name, max_length=max_length)
    except InvalidParameter as error:
        raise invalid(name, "Berisi karakter yang tidak diizinkan atau terlalu panjang") from error


def boolean(params: dict, name: str, default: bool) -> bool:
    value = params.get(name)
    if value is None or value == "":
        return default
    if value in TRUE:
        return True
    if value in (False, "false", "False", "0", 0):
        return False
    raise invalid(name, "Harus true atau false")


def json_value(value: object, name: str) -> object:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except (ValueError, RecursionError) as error:
            raise invalid(name, "Bukan JSON yang sah") from error
    return value


def string_list(value: object, name: str) -> list[str]:
    """A JSON list of strings, given as a list or as its JSON text."""
    value = json_value(value, name)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise invalid(name, "Harus berupa daftar teks")
    return value
