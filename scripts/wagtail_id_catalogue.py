"""Build lontar/locale/id/LC_MESSAGES/django.po from Wagtail's incomplete id_ID catalogues.

Wagtail's Indonesian catalogue leaves most admin messages untranslated, so the admin mixes
English and Indonesian. This script collects every msgid that is untranslated or fuzzy in the
installed Wagtail (and Django admin/auth) Indonesian catalogues, keeps every translation that is
already in the committed project catalogue (hand translations survive a Wagtail upgrade), and
writes the merged catalogue back. Entries still lacking a translation are written with an empty
msgstr, so gettext falls back to English for them. Run after upgrading Wagtail:

    /work/main/.venv/bin/python scripts/wagtail_id_catalogue.py
    cd lontar && python -m django compilemessages -l id

Entries the project catalogue translates although upstream already does (e.g. "Publish" ->
"Terbitkan", the term our own UI uses instead of upstream's "Publikasikan") are kept as overrides.
`--import-tsv FILE` merges a batch of new translations (lines "msgid<TAB>msgstr"; for plural
entries the msgid is the singular one and the msgstr is used for every count, nplurals=1).

Requires the `polib` tool (not a project dependency). `--stats` prints counts only.
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "lontar" / "locale" / "id" / "LC_MESSAGES" / "django.po"
PACKAGES = ("wagtail", "django.contrib.admin", "django.contrib.auth")
LOCALE_DIRS = ("id_ID", "id")


def source_catalogues(locale_dirs: tuple[str, ...] = LOCALE_DIRS) -> list[Path]:
    found: list[Path] = []
    for package in PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        base = Path(next(iter(spec.submodule_search_locations)))
        for path in sorted(base.rglob("django.po")):
            if path.parent.parent.name in locale_dirs:
                if package != "wagtail" and path.parent.parent.parent.parent != base:
                    continue
                found.append(path)
    return found


def key(entry: polib.POEntry) -> tuple[str, str]:
    return (entry.msgctxt or "", entry.msgid)


def is_translated(entry: polib.POEntry) -> bool:
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stats", action="store_true", help="print counts, write nothing")
    parser.add_argument("--import-tsv", type=Path, help="merge msgid<TAB>msgstr lines")
    args = parser.parse_args()

    existing: dict[tuple[str, str], polib.POEntry] = {}
    if TARGET.exists():
        existing = {key(e): e for e in polib.pofile(str(TARGET)) if not e.obsolete}
    if args.import_tsv:
        for line in args.import_tsv.read_text(encoding="utf-8").splitlines():
            if "\t" not in line:
                continue
            msgid, msgstr = line.split("\t", 1)
            existing[("", msgid)] = polib.POEntry(msgid=msgid, msgstr=msgstr)

    total: set[tuple[str, str]] = set()
    translated_upstream: set[tuple[str, str]] = set()
    wanted: dict[tuple[str, str], polib.POEntry] = {}
    # Upstream id catalogues only list some msgids; the English ones list them all.
    for path in source_catalogues():
        for entry in polib.pofile(str(path)):
            if not entry.obsolete and entry.msgid and is_translated(entry):
                translated_upstream.add(key(entry))
    for path in source_catalogues(("en",)):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgid:
                continue
            k = key(entry)
            total.add(k)
            if k not in translated_upstream:
                wanted.setdefault(k, entry)

    # Hand overrides of upstream translations stay in the catalogue.
    english = {}
    for path in source_catalogues(("en",)):
        for entry in polib.pofile(str(path)):
            english.setdefault(key(entry), entry)
    overrides = 0
    for k, old in existing.items():
        if k in total and k not in wanted and (old.msgstr or old.msgstr_plural):
            wanted[k] = english[k]
            overrides += 1

    out = polib.POFile(wrapwidth=0)
    out.metadata = {
        "Project-Id-Version": "lontar",
        "Language": "id",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    done = 0
    for k in sorted(wanted, key=lambda k: (k[1].lower(), k[0])):
        src = wanted[k]
        entry = polib.POEntry(msgctxt=src.msgctxt, msgid=src.msgid, msgid_plural=src.msgid_plural)
        entry.occurrences = src.occurrences[:3]
        old = existing.get(k)
        if src.msgid_plural:
            value = ""
            if old is not None:
                value = old.msgstr_plural.get(0, "") if old.msgstr_plural else old.msgstr
            entry.msgstr_plural = {0: value}
        else:
            entry.msgstr = old.msgstr if old is not None else ""
        if "python-format" in src.flags or "python-brace-format" in src.flags:
            entry.flags = [f for f in src.flags if f.endswith("-format")]
        if is_translated(entry):
            done += 1
        out.append(entry)

    print(
        f"wagtail+django msgids: {len(total)}; "
        f"translated upstream: {len(total & translated_upstream)}; "
        f"gaps: {len(wanted) - overrides}; filled by project catalogue: {done - overrides}; "
        f"still untranslated: {len(wanted) - done}; overrides of upstream: {overrides}"
    )
    if not args.stats:
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        out.save(str(TARGET))


if __name__ == "__main__":
    main()
