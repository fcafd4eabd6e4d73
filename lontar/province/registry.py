"""What other apps plug into the provincial platform (issue 18), through their `province.py`.

- **Figures** for the compliance dashboard: `register_figure(key, label, kind)` decorates
  `(agencies, today) -> {agency_id: value}`, one call for all agencies (a few queries, never
  one per agency per figure where it can be helped).
- **Shared items**: `register_shared(key, label)` decorates `(province) -> list[SharedItem]`,
  the items the province chose to show on every OPD's site.
- **Self-assessment scores** (`agency_scores`): an app that runs a self-assessment (Monev)
  registers one provider with `register_agency_scores`; without one, `agency_scores()`
  returns nothing and the dashboard shows "—".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.functional import Promise

FigureFunction = Callable[[Sequence[Any], date], dict[int, Any]]
SharedFunction = Callable[[Any], list["SharedItem"]]
ScoresFunction = Callable[[Sequence[Any]], dict[int, Any]]


@dataclass(frozen=True)
class Figure:
    key: str  # the column's key in the URL (?urut=...), the CSV and the open data
    label: str | Promise
    kind: str  # "percent", "number", "date" or "text": how it sorts and prints
    compute: FigureFunction


@dataclass(frozen=True)
class SharedItem:
    kind: str  # e.g. "Produk hukum", "Pengumuman"
    title: str
    url: str  # absolute, on the province's own site
    day: date | None


@dataclass(frozen=True)
class SharedSource:
    key: str
    label: str | Promise
    items_for: SharedFunction


FIGURES: dict[str, Figure] = {}
SHARED: dict[str, SharedSource] = {}
_SCORES: list[ScoresFunction] = []

SELF_ASSESSMENT = "skor_mandiri"


def register_figure(
    key: str, label: str | Promise, kind: str = "number"
) -> Callable[[FigureFunction], FigureFunction]:
    if kind not in {"percent", "number", "date", "text"}:
        raise ValueError(f"unknown figure kind {kind!r}")

    def decorator(function: FigureFunction) -> FigureFunction:
        FIGURES[key] = Figure(key=key, label=label, kind=kind, compute=function)
        return function

    return decorator


def register_shared(key: str, label: str | Promise) -> Callable[[SharedFunction], SharedFunction]:
    def decorator(function: SharedFunction) -> SharedFunction:
        SHARED[key] = SharedSource(key=key, label=label, items_for=function)
        return function

    return decorator


def register_agency_scores(function: ScoresFunction) -> ScoresFunction:
    """The self-assessment provider (one; a second replaces the first)."""
    _SCORES[:] = [function]
    return function


def agency_scores(agencies: Sequence[Any]) -> dict[int, Any]:
    """Self-assessment score per agency id, or {} when no app provides one."""
    if not _SCORES:
        return {}
    return _SCORES[0](agencies)
