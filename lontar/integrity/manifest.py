"""A signed list of the hashes of Lontar's code, templates and static files, and a comparison.

`lontar integrity_manifest` writes it when the code is installed (the deploy step, after
`collectstatic` and `compilemessages`); the scan compares the files on disk with it. An extra file
(a web shell, a planted template), a changed one or a missing one is a finding. The roots are the
installed `lontar` package, every directory in `TEMPLATES[...]["DIRS"]` and the `templates`
directory of every installed app, so a template dropped into Wagtail's own directory is found
too. The manifest is signed with the SECRET_KEY so that a changed manifest is noticed as well.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.utils.crypto import salted_hmac

import lontar

VERSION = 1
_SALT = "lontar.integrity.manifest"
_IGNORED_DIRECTORIES = frozenset({"__pycache__"})
_IGNORED_SUFFIXES = frozenset({".pyc", ".pyo"})


@dataclass(frozen=True)
class Difference:
    kind: str  # "extra", "changed", "missing"
    path: str  # the root's name and the path under it


def manifest_path() -> Path:
    configured = getattr(settings, "LONTAR_INTEGRITY_MANIFEST", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "integrity-manifest.json"


def roots() -> dict[str, Path]:
    """Directory name → path of every tree the manifest covers (no root inside another)."""
    package = Path(lontar.__file__).resolve().parent
    found: dict[str, Path] = {"lontar": package}
    candidates: list[Path] = []
    engines: list[dict[str, Any]] = list(settings.TEMPLATES)
    for engine in engines:
        candidates += [Path(directory) for directory in engine.get("DIRS", [])]
    candidates += [Path(config.path) / "templates" for config in apps.get_app_configs()]
    for candidate in candidates:
        path = candidate.resolve()
        if not path.is_dir() or any(_within(path, known) for known in found.values()):
            continue
        found[str(path)] = path
    return found


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _files(root: Path) -> Iterator[Path]:
    for path in root.rglob("*"):
        if path.is_file() and not (
            _IGNORED_DIRECTORIES & set(path.relative_to(root).parts)
            or path.suffix in _IGNORED_SUFFIXES
        ):
            yield path


def _digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def hashes(tree: dict[str, Path] | None = None) -> dict[str, str]:
    """'root/relative/path' → sha256 of every file under the roots."""
    result = {}
    for name, root in (tree or roots()).items():
        for path in _files(root):
            result[f"{name}/{path.relative_to(root).as_posix()}"] = _digest(path)
    return result


def _signature(files: dict[str, str]) -> str:
    payload = json.dumps(files, sort_keys=True, separators=(",", ":"))
    return salted_hmac(_SALT, payload, algorithm="sha256").hexdigest()


def write_manifest(path: Path | None = None) -> tuple[Path, int]:
    """Hash the installed files now and store the signed list; (where, how many files)."""
    target = path or manifest_path()
    files = hashes()
    target.parent.mkdir(parents=True, exist_ok=True)
    document = {"version": VERSION, "files": files, "signature": _signature(files)}
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(document, sort_keys=True, indent=0), encoding="utf-8")
    temporary.replace(target)
    return target, len(files)


class ManifestProblem(Exception):
    """No manifest, or one that cannot be trusted."""


def load_manifest(path: Path | None = None) -> dict[str, str]:
    source = path or manifest_path()
    try:
        document = json.loads(source.read_text(encoding="utf-8"))
        files = document["files"]
        signature = document["signature"]
    except FileNotFoundError as exc:
        raise ManifestProblem("missing") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise ManifestProblem("unreadable") from exc
    if not isinstance(files, dict) or not hmac.compare_digest(str(signature), _signature(files)):
        raise ManifestProblem("bad signature")
    return files


def compare(expected: dict[str, str], actual: dict[str, str]) -> list[Difference]:
    """What differs between the manifest and the disk, sorted by path."""
    differences: Iterable[Difference] = [
        *(Difference("extra", path) for path in actual.keys() - expected.keys()),
        *(Difference("missing", path) for path in expected.keys() - actual.keys()),
        *(
            Difference("changed", path)
            for path in actual.keys() & expected.keys()
            if actual[path] != expected[path]
        ),
    ]
    return sorted(differences, key=lambda difference: difference.path)
