"""Moving an agency's public site out and back in: a registry every app fills for its records.

An app writes a `portability.py` (found by `autodiscover_modules("portability")`) that calls
`register_portable(Portable(...))` with two functions: `export(agency, bundle)` writes the
agency's *public* records to `bundle` (JSON rows and their files), `load(agency, bundle)` reads
them back into an agency of another (or the same) installation. The folder both use:

    data/<key>.json      the rows of one record type (what `load` reads)
    files/<key>/…        the files those rows name (paths relative to the folder)

Records point at each other by their old ids (an image in a page body, a regulation cited by an
FAQ answer); `Bundle.ids` maps old ids to new ones as each type is loaded, in `order`, and
`Bundle.remap_stream` rewrites a StreamField's raw data with them. Work that needs every type
first (links from pages to news articles) is queued with `Bundle.after`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.db import models
from django.utils.module_loading import autodiscover_modules

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RICH_LINK = re.compile(r'(linktype|embedtype)="(page|document|image)" id="(\d+)"')
STREAM_ID_KEYS = {"page": "page", "image": "image", "document": "document"}


@dataclass
class Bundle:
    """The export folder, the old → new id maps of a load, and what the load reported."""

    root: Path
    ids: dict[str, dict[int, int]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    resolve_author: Callable[[str], Any] | None = None
    _after: list[Callable[[], None]] = field(default_factory=list)

    # --- writing ----------------------------------------------------------------------------
    def write(self, key: str, rows: list[dict]) -> int:
        path = self.root / "data" / f"{key}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(rows, ensure_ascii=False, indent=1, default=str)
        path.write_text(text, "utf-8")
        return len(rows)

    def put_file(self, key: str, pk: int, field_file) -> str:
        """Copy a stored file into files/<key>/; its path in the folder, or "" when absent."""
        if not field_file:
            return ""
        name = f"{pk}-{_UNSAFE.sub('-', Path(field_file.name).name)[-120:]}"
        target = self.root / "files" / key / name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with field_file.open("rb") as source:
                target.write_bytes(source.read())
        except OSError:
            return ""
        return f"files/{key}/{name}"

    # --- reading ----------------------------------------------------------------------------
    def read(self, key: str) -> list[dict]:
        path = self.root / "data" / f"{key}.json"
        if not path.is_file():
            return []
        rows = json.loads(path.read_text("utf-8"))
        return rows if isinstance(rows, list) else []

    def file(self, relative: str | None) -> ContentFile | None:
        """A file named by a row, or None; a path may not leave the folder."""
        if not relative:
            return None
        base = self.root.resolve()
        path = (base / relative).resolve()
        if not path.is_relative_to(base) or not path.is_file():
            self.problem(f"berkas tidak ada: {str(relative)[:200]}")
            return None
        return ContentFile(path.read_bytes(), name=path.name.split("-", 1)[-1] or path.name)

    @staticmethod
    def digest(content: ContentFile) -> str:
        content.seek(0)
        value = hashlib.sha256(content.read()).hexdigest()
        content.seek(0)
        return value

    # --- ids --------------------------------------------------------------------------------
    def map(self, kind: str, old: Any, new: Any) -> None:
        if old is not None and new is not None:
            self.ids.setdefault(kind, {})[int(old)] = int(new)

    def new_id(self, kind: str, old: Any) -> int | None:
        if old is None or old == "":
            return None
        return self.ids.get(kind, {}).get(int(old))

    def remap_stream(self, raw: Any) -> Any:
        """StreamField raw data with page, image and document ids (chooser values and rich-text
        links) turned into this installation's; an id not loaded (yet) is kept as it is."""
        if isinstance(raw, list):
            return [self.remap_stream(item) for item in raw]
        if isinstance(raw, dict):
            out = {}
            for key, value in raw.items():
                kind = STREAM_ID_KEYS.get(key)
                if kind and isinstance(value, int) and not isinstance(value, bool):
                    out[key] = self.new_id(kind, value) or value
                else:
                    out[key] = self.remap_stream(value)
            return out
        if isinstance(raw, str) and ("linktype=" in raw or "embedtype=" in raw):
            return _RICH_LINK.sub(self._rich_link, raw)
        return raw

    def _rich_link(self, match: re.Match) -> str:
        new = self.new_id(match.group(2), match.group(3))
        return f'{match.group(1)}="{match.group(2)}" id="{new or match.group(3)}"'

    # --- reporting and deferred work --------------------------------------------------------
    def problem(self, message: str) -> None:
        if message not in self.problems:
            self.problems.append(message)

    def after(self, work: Callable[[], None]) -> None:
        self._after.append(work)

    def finish(self) -> None:
        work, self._after = self._after, []
        for item in work:
            item()


def plain_fields(obj, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A record's editable values that are neither relations nor files, as JSON-able text."""
    return {
        f.name: None if f.value_from_object(obj) is None else f.value_to_string(obj)
        for f in type(obj)._meta.concrete_fields
        if f.editable
        and not f.is_relation
        and not f.primary_key
        and not isinstance(f, models.FileField)
        and f.name not in exclude
    }


def set_plain_fields(obj, row: dict[str, Any], exclude: frozenset[str] = frozenset()) -> None:
    """The reverse of `plain_fields`: values the model does not have are ignored."""
    for f in type(obj)._meta.concrete_fields:
        if f.name in row and f.name not in exclude and f.editable and not f.is_relation:
            if isinstance(f, models.FileField) or f.primary_key:
                continue
            value = row[f.name]
            setattr(obj, f.name, None if value is None else f.to_python(value))


@dataclass(frozen=True)
class Portable:
    key: str
    title: str
    order: int  # loading order: media first, then pages, news, regulations, …
    export: Callable[[Any, Bundle], int]
    load: Callable[[Any, Bundle], int]


PORTABLES: dict[str, Portable] = {}


def register_portable(portable: Portable) -> None:
    PORTABLES[portable.key] = portable


def portables() -> list[Portable]:
    """Every registered record type, in loading order."""
    autodiscover_modules("portability")
    return sorted(PORTABLES.values(), key=lambda p: (p.order, p.key))
