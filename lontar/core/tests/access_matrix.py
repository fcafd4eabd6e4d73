"""The pieces of the URL × role × method access matrix (test in test_access_matrix.py).

The policy itself lives in docs/security/access-policy.toml; its header documents the format.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver, reverse

POLICY_PATH = Path(__file__).resolve().parents[3] / "docs" / "security" / "access-policy.toml"

# Column order of every `get` / `post` row in the policy file.
ROLES = ("anon", "tracker", "citizen", "writer", "editor", "ppid", "atasan", "admin", "platform")
CLASSES = {"ok", "login", "deny", "404", "redir", "any"}


@dataclass
class Route:
    key: str  # the policy key: the namespaced URL name, or the route when unnamed or ambiguous
    route: str
    name: str | None
    converters: tuple[str, ...]
    pattern: URLPattern = field(repr=False)

    @property
    def namespace(self) -> str:
        return self.name.rsplit(":", 1)[0] if self.name and ":" in self.name else ""


def _walk(resolver, prefix: str = "", namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        else:
            name = f"{namespace}{entry.name}" if entry.name else None
            regex = entry.pattern.regex
            yield prefix + str(entry.pattern), name, tuple(regex.groupindex), entry


def project_routes() -> list[Route]:
    """Every URL pattern of the project, Wagtail admin included."""
    found = list(_walk(get_resolver()))
    names = [name for _, name, _, _ in found if name]
    routes = []
    for route, name, converters, pattern in found:
        unique = name is not None and names.count(name) == 1
        routes.append(Route(name if unique else route, route, name, converters, pattern))
    return routes


def load_policy(path: Path = POLICY_PATH) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def expand_row(row: str, profiles: dict[str, str]) -> dict[str, str]:
    """'ok ok deny …' (one class per role, in ROLES order) or a profile name → {role: class}."""
    row = profiles.get(row, row)
    tokens = row.split()
    if len(tokens) == 1:
        tokens = tokens * len(ROLES)
    if len(tokens) != len(ROLES):
        raise ValueError(f"row {row!r} needs {len(ROLES)} classes ({' '.join(ROLES)})")
    for token in tokens:
        for part in token.split("|"):
            if part not in CLASSES and not re.fullmatch(r"[1-5]\d\d", part):
                raise ValueError(f"unknown status class {part!r} in {row!r}")
    return dict(zip(ROLES, tokens, strict=True))


_LOGIN_PATHS = ("/admin/login/", "/_util/login/")


def classify(response) -> str:
    """The class a response falls in, as written in the policy."""
    code = response.status_code
    location = response.get("Location", "") if 300 <= code < 400 else ""
    if 200 <= code < 300:
        return "ok"
    if code in (301, 302) and location.startswith(_LOGIN_PATHS):
        return "login"
    if code == 302 and location in ("/admin/", "/admin"):
        return "deny"  # Wagtail's permission_denied: back to the dashboard with a message
    if 300 <= code < 400:
        return "redir"
    return str(code)


def matches(actual: str, expected: str) -> bool:
    for option in expected.split("|"):
        if option == "any" or option == actual:
            return True
        if option == "deny" and actual in ("login", "403"):
            return True  # a 403, or a logged-in user without access sent back to the login page
    return False


def build_url(route: Route, kwargs: dict) -> str:
    if route.name and route.key == route.name:
        return reverse(route.name, kwargs=kwargs)
    url = "/" + route.route
    for name, value in kwargs.items():
        url = re.sub(rf"<(?:\w+:)?{name}>", str(value), url)
    if "<" in url or "^" in url or "(" in url:
        raise ValueError(f"give `url` in the policy for {route.key!r}")
    return url
