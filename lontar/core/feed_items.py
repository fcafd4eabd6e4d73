"""Items other apps add to the agency's news feeds (RSS and Atom), through a registry.

The serta merta notices (lontar/infolist) must reach feed readers as well as every page; the
news app owns the feeds, so an app registers a provider here and `news.feeds` merges what the
providers give with the articles, newest first. Neither app imports the other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class FeedItem:
    title: str
    description: str  # plain text
    link: str  # a path on the agency's site, or an absolute URL
    published_at: datetime
    guid: str  # stable and unique across the feed
    category: str = ""


Provider = Callable[[object], list[FeedItem]]
_PROVIDERS: dict[str, Provider] = {}


def register_feed_items(key: str) -> Callable[[Provider], Provider]:
    def decorator(function: Provider) -> Provider:
        _PROVIDERS[key] = function
        return function

    return decorator


def extra_items(agency) -> list[FeedItem]:
    """Every provider's items for `agency` (the agency's whole-news feed shows them)."""
    items: list[FeedItem] = []
    for provider in _PROVIDERS.values():
        items.extend(provider(agency))
    return items
