"""RSS 2.0 and Atom feeds of an agency's news, all of it or one category."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from lontar.agencies.selectors import agency_for_request
from lontar.core.feed_items import FeedItem, extra_items
from lontar.core.public_urls import absolute_url
from lontar.news import selectors
from lontar.news.models import NewsArticlePage

FEED_SIZE = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, slug: str | None = None):
        agency = agency_for_request(request)
        index = selectors.news_index_for(agency)
        if index is None:
            raise Http404
        category = None
        if slug:
            category = selectors.categories_of(agency).filter(slug=slug).first()
            if category is None:
                raise Http404
        self.request = request
        self.agency = agency
        return {"agency": agency, "index": index, "category": category}

    def title(self, obj) -> str:
        name = f"{_('Berita')} {obj['agency'].name}"
        return f"{name} · {obj['category'].name}" if obj["category"] else name

    def link(self, obj) -> str:
        url = obj["index"].get_full_url(self.request)
        return f"{url}kategori/{obj['category'].slug}/" if obj["category"] else url

    def feed_url(self, obj) -> str:
        # Django would prefix the request's Host; the feed's self link is the public address.
        return absolute_url(obj["agency"], self.request.path)

    def description(self, obj) -> str:
        return obj["agency"].tagline or obj["agency"].name

    subtitle = description

    def items(self, obj):
        articles = selectors.live_articles(obj["index"])
        if obj["category"]:
            return articles.filter(category=obj["category"])[:FEED_SIZE]
        # The whole-news feed also carries what other apps announce (the serta merta notices
        # of lontar/infolist, through lontar/core/feed_items.py), newest first.
        extras = extra_items(obj["agency"])
        if not extras:
            return articles[:FEED_SIZE]
        merged = list(articles[:FEED_SIZE]) + extras
        merged.sort(key=self.item_pubdate, reverse=True)
        return merged[:FEED_SIZE]

    def item_title(self, item: NewsArticlePage | FeedItem) -> str:
        return item.title

    def item_description(self, item: NewsArticlePage | FeedItem) -> str:
        # RSS descriptions and Atom summaries are HTML to feed readers; the lead is plain text.
        if isinstance(item, FeedItem):
            return escape(item.description)
        return escape(item.lead)

    def item_link(self, item: NewsArticlePage | FeedItem) -> str:
        if isinstance(item, FeedItem):
            return item.link if "://" in item.link else absolute_url(self.agency, item.link)
        return item.get_full_url(self.request)

    def item_guid(self, item: NewsArticlePage | FeedItem) -> str:
        if isinstance(item, FeedItem):
            return absolute_url(self.agency, f"/#{item.guid}")
        return self.item_link(item)

    def item_pubdate(self, item: NewsArticlePage | FeedItem) -> datetime:
        if isinstance(item, FeedItem):
            return item.published_at
        published = item.first_published_at
        if published and timezone.localdate(published) == item.date:
            return published
        return timezone.make_aware(datetime.combine(item.date, time(8, 0)))

    def item_updateddate(self, item: NewsArticlePage | FeedItem) -> datetime | None:
        if isinstance(item, FeedItem):
            return item.published_at
        return item.last_published_at

    def item_author_name(self, item: NewsArticlePage | FeedItem) -> str | None:
        if isinstance(item, FeedItem):
            return None
        return item.author.display_name if item.author else None

    def item_categories(self, item: NewsArticlePage | FeedItem) -> list[str]:
        if isinstance(item, FeedItem):
            return [item.category] if item.category else []
        return [item.category.name] if item.category else []


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
