"""A small per-visitor limit on public submissions, kept in the cache.

The visitor is known only by a keyed hash of the IP address, so no address is stored. Each
kind of submission ("scope") has its own count: answering the questionnaire does not use up
a reader's page feedback, and the other way round.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from lontar.core.client import client_ip

SUBMISSIONS_PER_WINDOW = 10
FEEDBACK_PER_WINDOW = 20
WINDOW_SECONDS = 60 * 60

QUESTIONNAIRE = "submissions"
PAGE_FEEDBACK = "feedback"


def _key(request: HttpRequest, scope: str) -> str:
    address = client_ip(request)  # the citizen's, not the reverse proxy's
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[
        :32
    ]
    return f"lontar:survey:{scope}:{digest}"


def _limit(scope: str) -> int:
    # Read at call time, so tests (and settings-free tuning) can change the module constants.
    return FEEDBACK_PER_WINDOW if scope == PAGE_FEEDBACK else SUBMISSIONS_PER_WINDOW


def is_limited(request: HttpRequest, scope: str = QUESTIONNAIRE) -> bool:
    return cache.get(_key(request, scope), 0) >= _limit(scope)


def record_submission(request: HttpRequest, scope: str = QUESTIONNAIRE) -> None:
    key = _key(request, scope)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, WINDOW_SECONDS)
