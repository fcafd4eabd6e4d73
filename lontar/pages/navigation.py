"""The resolved main menu and footer of a site, cached until published content changes."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page

from lontar.core import content_version


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    children: tuple[Link, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Navigation:
    menu: tuple[Link, ...]
    footer: tuple[tuple[str, tuple[Link, ...]], ...]
    announcement: str


def _english() -> bool:
    return (get_language() or "id").startswith("en")


def _in_language(value, field: str) -> str:
    """The English text of a menu label or column title when English is chosen and the editor
    gave one; the Indonesian text otherwise (Indonesian is the fallback)."""
    english = (value.get(f"{field}_en") or "") if _english() else ""
    return english or value[field]


def _link(value, request: HttpRequest) -> Link | None:
    page = value.get("page")
    url = page.get_url(request) if page is not None and page.live else (value.get("url") or "")
    if not url:
        return None
    children = tuple(link for child in value.get("children", []) if (link := _link(child, request)))
    return Link(label=_in_language(value, "label"), url=url, children=children)


def navigation_for(root_page: Page, request: HttpRequest) -> Navigation:
    """The site's menu and footer; a cache hit costs no database query."""
    # Page URLs depend on the host the request came in on, so the host is part of the key. Any
    # publish, unpublish or move may change a menu's URLs or titles (core/content_version.py).
    version = content_version.current()
    language = "en" if _english() else "id"
    key = f"lontar:nav:{root_page.pk}:{version}:{request.get_host()}:{language}"
    navigation = cache.get(key)
    if navigation is None:
        home = root_page.specific
        if not hasattr(home, "main_menu"):
            return Navigation(menu=(), footer=(), announcement="")
        navigation = Navigation(
            menu=tuple(link for item in home.main_menu if (link := _link(item.value, request))),
            footer=tuple(
                (
                    _in_language(column.value, "title"),
                    tuple(link for v in column.value["links"] if (link := _link(v, request))),
                )
                for column in home.footer
            ),
            announcement=home.announcement,
        )
        cache.set(key, navigation, 3600)
    return navigation
