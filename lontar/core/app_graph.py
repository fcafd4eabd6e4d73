"""Which Lontar app may import which: the one list of the allowed edges.

`lontar/core/tests/test_import_rules.py` reads every `import` in the apps' code against this
table, and checks that the "may import" column of the app table in docs/architecture.md says the
same. Cross-app features (site search, open-data resources, the demo) go the other way: each app
plugs its own `search.py`, `opendata.py` or `demo.py` into the feature's registry, so the feature
never imports the apps.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

EVERYTHING = "*"  # the project's wiring (settings, URLs) and the demo loader

# The package whose modules every app's `demo.py` may import, whatever the app's own edges.
DEMO_APP = "demo"
DEMO_MODULE = "demo"

MAY_IMPORT: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "config": frozenset({EVERYTHING}),
        "demo": frozenset({EVERYTHING}),
        "core": frozenset({"agencies", "pages"}),  # the context processor, retirement
        "accounts": frozenset({"core", "agencies"}),
        "agencies": frozenset({"core"}),
        "pages": frozenset({"core", "agencies"}),
        "search": frozenset({"core", "agencies"}),
        "survey": frozenset({"core", "agencies", "opendata", "infolist", "monev", "province"}),
        "ppid": frozenset(
            {"core", "agencies", "survey", "opendata", "infolist", "monev", "province"}
        ),
        "news": frozenset({"core", "agencies", "pages", "search", "opendata", "province"}),
        "regulations": frozenset(
            {"core", "agencies", "search", "opendata", "infolist", "province", "newsroom"}
        ),
        "qna": frozenset({"core", "agencies", "search", "regulations", "opendata", "newsroom"}),
        "podcast": frozenset({"core", "agencies", "search", "qna", "newsroom"}),
        "programs": frozenset(
            {"core", "agencies", "search", "news", "opendata", "infolist", "monev", "newsroom"}
        ),
        "opendata": frozenset({"core", "agencies", "search"}),
        "integrity": frozenset({"core", "agencies", "search"}),
        "operations": frozenset({"core"}),
        "wordpress": frozenset({"core", "agencies", "pages", "news", "integrity", "opendata"}),
        "objections": frozenset({"core", "agencies", "ppid", "monev"}),
        "infolist": frozenset({"core", "agencies", "opendata", "monev", "province"}),
        "ppidstats": frozenset({"core", "agencies", "ppid", "objections", "monev"}),
        "annualreport": frozenset(
            {"core", "agencies", "ppid", "objections", "ppidstats", "infolist", "monev"}
        ),
        "monev": frozenset({"core", "agencies", "province"}),
        "province": frozenset({"core", "agencies", "opendata"}),
        "newsroom": frozenset({"core", "agencies", "news"}),
    }
)


def may_import(app: str, module: str, target_app: str) -> bool:
    """Whether `module` (its dotted name) of `app` may import a module of `target_app`."""
    if target_app == app:
        return True
    allowed = MAY_IMPORT.get(app, frozenset())
    if EVERYTHING in allowed or target_app in allowed:
        return True
    return target_app == DEMO_APP and module == f"lontar.{app}.{DEMO_MODULE}"
