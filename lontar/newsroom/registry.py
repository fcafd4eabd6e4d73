"""The writing-prompt registry: each app says what of its own work deserves a story.

An app writes a `prompts.py` (found by `autodiscover_modules("prompts")`) registering a
`PromptSource`: `find(agency, now)` yields `Suggestion`s — plain data that a draft article is
built from (title, date, place, unit, category, a few paragraphs, a link back) — and
`attach(object_key, article_id)` is told when the story about that object is published, so the
source can show it (an event page links its report). The newsroom stores a suggestion once,
as a `Prompt`, keyed by `Suggestion.key`; it never imports the apps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from lontar.agencies.models import Agency


@dataclass(frozen=True)
class Suggestion:
    key: str  # stable and unique in the agency: "<source kind>:<object id>[:<part>]"
    object_key: str  # what `attach` receives: the source's own id of the object
    title: str  # the draft article's title
    prompt: str  # what the writer is asked to do, one sentence
    on: date
    unit_id: int | None = None
    place: str = ""
    lead: str = ""
    paragraphs: tuple[str, ...] = ()
    source_line: str = ""
    category: str = ""  # the name of the news category the draft is filed under
    link_path: str = ""  # the object's public page, for the link back
    link_text: str = ""
    template: str = ""  # slug of the article template whose outline follows the paragraphs
    tags: tuple[str, ...] = field(default_factory=tuple)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["on"] = self.on.isoformat()
        data["paragraphs"] = list(self.paragraphs)
        data["tags"] = list(self.tags)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Suggestion:
        values = dict(data)
        values["on"] = date.fromisoformat(values["on"])
        values["paragraphs"] = tuple(values.get("paragraphs") or ())
        values["tags"] = tuple(values.get("tags") or ())
        return cls(**values)


Finder = Callable[[Agency, datetime], Iterable[Suggestion]]
Attacher = Callable[[str, int], None]


@dataclass(frozen=True)
class PromptSource:
    kind: str  # "acara", "realisasi", "regulasi", "faq", "podcast"
    label: str
    find: Finder
    attach: Attacher | None = None


_SOURCES: dict[str, PromptSource] = {}


def register_source(source: PromptSource) -> PromptSource:
    _SOURCES[source.kind] = source
    return source


def sources() -> list[PromptSource]:
    return [_SOURCES[kind] for kind in sorted(_SOURCES)]


def source(kind: str) -> PromptSource | None:
    return _SOURCES.get(kind)
