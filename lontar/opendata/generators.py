"""Live resources: tables generated from the portal's own records — the registry.

A generator is `(agency) -> (columns, rows)`. Each app registers its own in its
`lontar/<app>/opendata.py` with `@register_generator(key, label)`, reading its records through
its own selectors; `OpendataConfig.ready()` imports every app's `opendata` module
(`autodiscover_modules`), so this module never imports another app. See
`lontar/regulations/opendata.py` for the example to copy and `docs/decisions/0011`.
Only aggregate or already public fields are ever exposed — never personal data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

# What a generator returns: the column names and one sequence of cells per row.
Table = tuple[Sequence[str], Sequence[Sequence[object]]]
Generator = Callable[[Any], Table]


@dataclass(frozen=True)
class LiveSource:
    key: str
    label: str
    generate: Generator


GENERATORS: dict[str, LiveSource] = {}


def register_generator(key: str, label: str | Promise) -> Callable[[Generator], Generator]:
    """Decorator: offer `function` as the live source `key` (stored in `Resource.generator`,
    so a key must never change once datasets use it)."""

    def decorator(function: Generator) -> Generator:
        GENERATORS[key] = LiveSource(key=key, label=str(label), generate=function)
        return function

    return decorator


def generator_choices() -> list[tuple[str, str]]:
    return [(source.key, source.label) for source in GENERATORS.values()]
