"""Open data is a plug-in registry: each app registers its own live datasets and content-API
sources in its own `opendata.py`, and open data imports no other domain app (decision 0011)."""

import ast
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from lontar.opendata.content_api import CONTENT_SOURCES
from lontar.opendata.generators import GENERATORS

OPENDATA = Path(__file__).resolve().parents[1]
# What open data itself may import: the shared toolkit, the agencies, and the registries it
# plugs into (site search, the demo loader).
ALLOWED = {"opendata", "core", "agencies", "search", "demo"}

# key -> the module that must register it. A new key is added here with its app's module.
EXPECTED_GENERATORS = {
    "ppid-statistik": "lontar.ppid.opendata",
    "ppid-register": "lontar.ppid.opendata",
    "skm-hasil": "lontar.survey.opendata",
    "regulasi": "lontar.regulations.opendata",
    "asn": "lontar.opendata.opendata",
    "dip": "lontar.infolist.opendata",
    "kepatuhan-provinsi": "lontar.province.opendata",
}
EXPECTED_CONTENT = {
    "news": "lontar.news.opendata",
    "regulations": "lontar.regulations.opendata",
    "faq": "lontar.qna.opendata",
    "events": "lontar.programs.opendata",
    "dip": "lontar.infolist.opendata",
}


def _app_modules() -> set[str]:
    return {f"{app}.opendata" for app in settings.INSTALLED_APPS if app.startswith("lontar.")}


def test_every_live_dataset_comes_from_its_apps_opendata_module():
    registered = {key: source.generate.__module__ for key, source in GENERATORS.items()}
    assert registered == EXPECTED_GENERATORS
    assert set(registered.values()) <= _app_modules()


def test_every_content_source_comes_from_its_apps_opendata_module():
    registered = {key: source.serialize.__module__ for key, source in CONTENT_SOURCES.items()}
    assert registered == EXPECTED_CONTENT
    assert set(registered.values()) <= _app_modules()


def test_registries_are_filled_by_app_loading_alone():
    # A fresh interpreter that only runs django.setup(): nothing the tests import can have
    # filled the registries, so OpendataConfig.ready() must have found every app's module.
    script = (
        "import django; django.setup();"
        "from lontar.opendata.generators import GENERATORS;"
        "from lontar.opendata.content_api import CONTENT_SOURCES;"
        "print(','.join(GENERATORS)); print(','.join(CONTENT_SOURCES))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lontar.config.settings_test"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=OPENDATA.parents[1],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    generators, content = result.stdout.strip().splitlines()[-2:]
    # In INSTALLED_APPS order, which is the order of the admin's list and of /api/v1/.
    assert generators.split(",") == list(EXPECTED_GENERATORS)
    assert content.split(",") == list(EXPECTED_CONTENT)


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_opendata_imports_no_other_domain_app():
    offending = []
    for path in sorted(OPENDATA.rglob("*.py")):
        if "tests" in path.relative_to(OPENDATA).parts:
            continue
        for name in _imported_modules(path):
            parts = name.split(".")
            if parts[0] == "lontar" and len(parts) > 1 and parts[1] not in ALLOWED:
                offending.append(f"{path.relative_to(OPENDATA)}: {name}")
    assert offending == []
