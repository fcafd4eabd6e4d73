"""The apps import each other only along the edges of `lontar/core/app_graph.py`.

Every import in the apps' code counts, also the ones inside functions and under
`TYPE_CHECKING`; tests and migrations do not (tests build whatever world they need, and a
migration's imports are frozen history).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import lontar
from lontar.core.app_graph import EVERYTHING, MAY_IMPORT, may_import

PACKAGE = Path(lontar.__file__).resolve().parent
ARCHITECTURE = PACKAGE.parent / "docs" / "architecture.md"
SKIPPED_DIRECTORIES = {"tests", "migrations"}

# Edges that still exist while issue 13 removes them: the open-data catalogue reads the other
# apps' tables until each app registers its own `<app>/opendata.py`, and the Q&A page asks the
# podcast for chapters although the podcast depends on Q&A (not in the documented table either).
# Keep this set small and empty it as the edges go; the last test fails when one is gone.
PENDING: set[tuple[str, str]] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported_modules(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, absolute dotted name) of every module `path` imports."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                prefix = ".".join(base)
                source = f"{prefix}.{node.module}" if node.module else prefix
            else:
                source = node.module or ""
            if source == "lontar":  # `from lontar import news` imports the app itself
                found.extend((node.lineno, f"lontar.{alias.name}") for alias in node.names)
            else:
                found.append((node.lineno, source))
    return found


def _app_modules() -> list[tuple[str, str, Path]]:
    """(app, module, path) of every app module that is neither a test nor a migration."""
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if len(relative.parts) < 2 or SKIPPED_DIRECTORIES & set(relative.parts):
            continue  # lontar/cli.py, lontar/__main__.py, conftest.py: the entry points
        modules.append((relative.parts[0], _module_name(path), path))
    return modules


def _cross_app_imports() -> dict[tuple[str, str], list[str]]:
    """(importing app, imported app) -> where, for every import between two apps."""
    edges: dict[tuple[str, str], list[str]] = {}
    for app, module, path in _app_modules():
        for line, imported in _imported_modules(path, module):
            parts = imported.split(".")
            if parts[0] != "lontar" or len(parts) < 2 or parts[1] == app:
                continue
            if not may_import(app, module, parts[1]):
                where = f"{path.relative_to(PACKAGE.parent)}:{line} imports {imported}"
                edges.setdefault((app, parts[1]), []).append(where)
    return edges


def test_every_app_is_in_the_graph():
    apps = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    assert apps == set(MAY_IMPORT)


def test_apps_import_only_along_the_allowed_edges():
    forbidden = {edge: where for edge, where in _cross_app_imports().items() if edge not in PENDING}
    assert not forbidden, (
        "Imports outside lontar/core/app_graph.py (use a service, selector or registry, or add "
        "the edge there and in docs/architecture.md):\n"
        + "\n".join(line for where in forbidden.values() for line in where)
    )


def test_pending_edges_still_exist():
    gone = PENDING - set(_cross_app_imports())
    assert not gone, f"Remove from PENDING, these edges are gone: {sorted(gone)}"


def _documented_edges() -> dict[str, frozenset[str]]:
    """The "may import" column of the app table in docs/architecture.md."""
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in ARCHITECTURE.read_text(encoding="utf-8").splitlines()
        if line.startswith("|")
    ]
    header = next(row for row in rows if row[0] == "app")
    column = header.index("may import")
    documented = {}
    for row in rows:
        match = re.fullmatch(r"`lontar\.([a-z_]+)`", row[0])
        if not match:
            continue
        text = row[column]
        names = re.findall(r"`([a-z_]+)`", text)
        unknown = set(names) - set(MAY_IMPORT)
        assert not unknown, f"{match.group(1)}: unknown apps {unknown} in docs/architecture.md"
        documented[match.group(1)] = frozenset({EVERYTHING} if text.startswith("every") else names)
    return documented


def test_the_architecture_table_lists_the_same_edges():
    assert _documented_edges() == dict(MAY_IMPORT)
