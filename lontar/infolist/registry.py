"""What the portal already publishes, offered to the DIP by the apps that publish it.

An app writes an `infolist.py` (found by `autodiscover_modules("infolist")`) with

    from lontar.infolist.registry import Entry, register_source

    @register_source("regulations", _("Peraturan dan keputusan (JDIH)"), "setiap_saat")
    def legal_documents(agency) -> list[Entry]:
        return [Entry(summary=..., url=..., updated_on=..., holder=...) for ... in selectors...]

The category given is a proposal; the agency's PPID confirms (or changes) it once per source in
the admin, so officers curate rather than retype. Entries carry no personal data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from lontar.infolist.categories import Category


@dataclass(frozen=True)
class Entry:
    summary: str
    url: str
    updated_on: date | None = None
    holder: str = ""
    form: str = "elektronik"
    owner_unit: str = ""


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    proposed_category: str
    entries: Callable[..., list[Entry]]


_SOURCES: dict[str, Source] = {}


def register_source(key: str, label, proposed_category: str):
    if proposed_category not in Category.values:
        raise ValueError(f"unknown category {proposed_category!r}")

    def decorator(function: Callable[..., list[Entry]]):
        if key in _SOURCES and _SOURCES[key].entries is not function:
            raise ValueError(f"DIP source '{key}' registered twice")
        _SOURCES[key] = Source(key, str(label), proposed_category, function)
        return function

    return decorator


def sources() -> list[Source]:
    return list(_SOURCES.values())


def source(key: str) -> Source | None:
    return _SOURCES.get(key)
