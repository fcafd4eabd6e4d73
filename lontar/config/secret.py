"""Where the development SECRET_KEY comes from when none is configured."""

from __future__ import annotations

import secrets
from pathlib import Path


def development_secret_key(var_dir: Path) -> str:
    """Generate a key once and keep it under var/, so sessions survive a restart."""
    path = var_dir / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key, encoding="utf-8")
    path.chmod(0o600)
    return key
