"""Serta merta notices in the agency's news feeds (lontar/core/feed_items.py), while they run."""

from __future__ import annotations

from django.urls import reverse

from lontar.core.feed_items import FeedItem, register_feed_items
from lontar.infolist.selectors import active_notices


@register_feed_items("serta-merta")
def urgent_notices(agency) -> list[FeedItem]:
    return [
        FeedItem(
            title=f"[Serta merta] {notice['title']}",
            description=notice["body"],
            link=notice["link"] or f"{reverse('infolist:notices')}#pengumuman-{notice['pk']}",
            published_at=notice["published_at"],
            guid=f"serta-merta-{agency.pk}-{notice['pk']}",
            category="Informasi serta merta",
        )
        for notice in active_notices(agency)
        if notice["published_at"] is not None
    ]
