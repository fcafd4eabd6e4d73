"""One number that changes whenever published content may have changed.

Caches of things that depend only on published content (related articles, an article's
neighbours, navigation menus, counts) put `current()` in their key: a publish, unpublish,
move or delete of a page, or a save or delete of a record of a content app, bumps it and every
such cache entry is simply never read again (it expires on its own). One small cache read per
request buys not having to know which entry a change touches.

What bumps: Wagtail's `page_published`, `page_unpublished` and `post_page_move`, the deletion
of any page, and `post_save`/`post_delete` of models of the apps in CONTENT_APPS except the
ones in QUIET_MODELS (rows that change on every visitor's click and show on no cached part).
Decision 0019 (docs/decisions/0019-page-caching.md).
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

KEY = "lontar:content-version"

# Apps whose records show on public pages. Wagtail's own: pages, images, documents, redirects.
CONTENT_APPS = frozenset(
    {
        "agencies",
        "pages",
        "news",
        "regulations",
        "qna",
        "podcast",
        "programs",
        "opendata",
        "survey",
        "taggit",
        "wagtailcore",
        "wagtailimages",
        "wagtaildocs",
        "wagtailredirects",
    }
)
# (app_label, model_name): rows written by visitors or by bookkeeping, never shown by a cache
# keyed on the content version (a like count is read fresh with the article).
QUIET_MODELS = frozenset(
    {
        ("news", "articlelike"),
        ("wagtailcore", "revision"),
        ("wagtailcore", "pagelogentry"),
        ("wagtailcore", "modellogentry"),
        ("wagtailcore", "pagesubscription"),
        ("wagtailcore", "workflowstate"),
        ("wagtailcore", "taskstate"),
        ("wagtailcore", "comment"),
        ("wagtailcore", "commentreply"),
        ("wagtailcore", "referenceindex"),
        ("wagtailcore", "uploadedfile"),
        ("wagtailimages", "rendition"),
        ("survey", "surveyresponse"),
        ("survey", "surveyinvitation"),
        ("survey", "pagefeedback"),
    }
)


# Within one request the version is read once: a page asks for it in a dozen places (site,
# route, menus, an article's extras ...), each a cache round trip. Outside a request (the
# worker, commands) every read goes to the cache. A bump in the request forgets the memo.
_request_memo: ContextVar[dict[str, int] | None] = ContextVar(
    "lontar_content_version", default=None
)


def current() -> int:
    """The version now; 1 on an empty (or unreachable) cache."""
    memo = _request_memo.get()
    if memo is not None and "version" in memo:
        return memo["version"]
    version = cache.get_or_set(KEY, 1, None) or 1
    if memo is not None:
        memo["version"] = version
    return version


def bump(**kwargs: Any) -> None:
    """Now, and again when the transaction commits: a reader that cached the old content under
    the first new version (the change was not visible to it yet) is overtaken by the second."""
    _increment()
    transaction.on_commit(_increment_on_commit)


class RequestMemoMiddleware:
    """Read the content version at most once per request (until the request bumps it)."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


def _increment() -> None:
    memo = _request_memo.get()
    if memo is not None:
        memo.clear()
    try:
        cache.incr(KEY)
    except ValueError:  # no version yet, or the cache is unreachable (FailSoftRedisCache)
        cache.set(KEY, 2, None)


def _increment_on_commit() -> None:
    # With a read replica, the primary's position goes first: a request that reads the new
    # version reads this position too, and takes the replica only once it has replayed it.
    from lontar.core.replica import remember_primary_position

    remember_primary_position()
    _increment()


def _on_model_change(sender: Any, **kwargs: Any) -> None:
    meta = sender._meta
    if meta.app_label in CONTENT_APPS and (meta.app_label, meta.model_name) not in QUIET_MODELS:
        bump()


def connect() -> None:
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(bump, dispatch_uid="lontar.content_version.published")
    page_unpublished.connect(bump, dispatch_uid="lontar.content_version.unpublished")
    post_page_move.connect(bump, dispatch_uid="lontar.content_version.moved")
    post_save.connect(_on_model_change, dispatch_uid="lontar.content_version.saved")
    post_delete.connect(_on_model_change, dispatch_uid="lontar.content_version.deleted")
