"""'Anda suka berita ini?': one like per visitor per article, without accounts.

A visitor is recognised by a random id kept in a signed cookie, and only by it. A visitor
without the cookie is a new visitor: many people share one address (an office, a mobile
carrier's NAT) and often the same phone model, so a hash of address and user agent cannot tell
them apart, and treating the second person as the first took the first person's like away
(issue 17). What keeps a script from piling up likes by dropping its cookie is the rate limit
per fingerprint — a hash of IP address and user agent salted with the day and the secret key,
which cannot be linked across days nor reversed into an address — and a daily cap of likes per
fingerprint and article. The raw IP is never stored. Known crawlers never count.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from lontar.core import idempotency
from lontar.core.client import client_ip
from lontar.news.models import ArticleLike, NewsArticlePage

COOKIE_NAME = "lontar_pengunjung"
COOKIE_SALT = "lontar.news.visitor"
COOKIE_MAX_AGE = 365 * 24 * 3600
RATE_LIMIT = 10  # toggles per fingerprint ...
RATE_WINDOW = 60  # ... per this many seconds
# Likes one fingerprint (address and agent, today) may add to one article: room for a whole
# office behind one address, not for a script.
FINGERPRINT_CAP = 30
CRAWLER = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|"
    r"curl/|wget/|python-requests|python-urllib|httpx|go-http-client|java/|libwww|scrapy",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LikeState:
    count: int
    liked: bool


def is_crawler(request: HttpRequest) -> bool:
    agent = request.headers.get("User-Agent", "").strip()
    return not agent or bool(CRAWLER.search(agent))


def visitor_id(request: HttpRequest) -> str | None:
    return request.get_signed_cookie(COOKIE_NAME, default=None, salt=COOKIE_SALT)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def visitor_key(raw_id: str) -> str:
    return _digest("visitor", raw_id)


def fingerprint(request: HttpRequest) -> str:
    """Today's salted hash of the client address and user agent (the address is not kept)."""
    day = timezone.localdate().isoformat()
    address = client_ip(request)  # the visitor's, not the reverse proxy's
    agent = request.headers.get("User-Agent", "")
    return _digest("fingerprint", settings.SECRET_KEY, day, address, agent)


def like_state(article: NewsArticlePage, request: HttpRequest) -> LikeState:
    """The article's like count and whether this visitor likes it, in one query."""
    raw = visitor_id(request)
    mine = Q(visitor=visitor_key(raw)) if raw else Q(pk__in=[])
    totals = ArticleLike.objects.filter(article=article).aggregate(
        count=Count("pk"), mine=Count("pk", filter=mine)
    )
    return LikeState(count=totals["count"], liked=bool(totals["mine"]))


def rate_limited(request: HttpRequest) -> bool:
    key = f"lontar:news:like-rate:{fingerprint(request)}"
    cache.add(key, 0, RATE_WINDOW)
    try:
        hits = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW)
        hits = 1
    return hits > RATE_LIMIT


def wanted(value: str | None) -> bool | None:
    """The state the like button asked for (`suka=1` like, `suka=0` take back), if it said."""
    return {"1": True, "0": False}.get(value or "")


def toggle_like(
    article: NewsArticlePage, request: HttpRequest, want: bool | None = None
) -> tuple[LikeState, str]:
    """Like, or take back the like; returns the new state and the visitor's raw cookie id.

    The form says which state it wants (`want`), so a double click or a retried POST sets the
    same state twice instead of liking and then taking the like back; a bare POST (an old page)
    toggles.
    """
    raw = visitor_id(request)
    print_ = fingerprint(request)
    existing = None
    if raw:
        existing = ArticleLike.objects.filter(article=article, visitor=visitor_key(raw)).first()
    else:
        # No cookie: a new visitor, never someone who already liked (see the module docstring).
        # Both POSTs of a double click leave before the first answer sets the cookie; they carry
        # the same form key from the same browser, which names one visitor, so the click counts
        # once. Two visitors of one cached page share the form key but not the browser.
        key = idempotency.key_on_shared_page(request.POST, request)
        raw = _digest("like-form", settings.SECRET_KEY, key)[:24] if key else None
        raw = raw or secrets.token_urlsafe(18)
    if existing is not None and want is not True:
        existing.delete()
    elif existing is None and want is not False and not _capped(article, print_):
        try:
            with transaction.atomic():
                ArticleLike.objects.create(
                    article=article, visitor=visitor_key(raw), fingerprint=print_
                )
        except IntegrityError:  # a double click raced us; the like exists already
            pass
    return like_state_for(article, raw), raw


def _capped(article: NewsArticlePage, print_: str) -> bool:
    return ArticleLike.objects.filter(article=article, fingerprint=print_).count() >= (
        FINGERPRINT_CAP
    )


def like_state_for(article: NewsArticlePage, raw: str) -> LikeState:
    totals = ArticleLike.objects.filter(article=article).aggregate(
        count=Count("pk"), mine=Count("pk", filter=Q(visitor=visitor_key(raw)))
    )
    return LikeState(count=totals["count"], liked=bool(totals["mine"]))


def remember_visitor(response: HttpResponse, raw: str) -> None:
    response.set_signed_cookie(
        COOKIE_NAME,
        raw,
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
