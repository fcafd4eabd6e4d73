"""The RSS 2.0 feed with Apple Podcasts (itunes:) and Podcasting 2.0 (podcast:) tags.

Follows Apple's published podcast RSS requirements (channel: title, description, itunes:image,
language, itunes:category as a `text` attribute, itunes:explicit true/false; items: title,
enclosure with url/length/type, guid; plus the recommended itunes:author, itunes:owner, link,
pubDate in RFC 2822, itunes:duration) and the Podcasting 2.0 namespace (podcast:guid,
podcast:locked, podcast:transcript, podcast:chapters, podcast:person). `atom:link rel="self"`
names the feed's own URL, as RSS validators and Podcast Index expect.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from django.utils.html import escape

from lontar.podcast import categories, transcripts
from lontar.podcast.timecode import itunes_duration

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("atom", ATOM)
ET.register_namespace("itunes", ITUNES)
ET.register_namespace("podcast", PODCAST)
ET.register_namespace("content", CONTENT)


# Transcripts with timecodes: Podcasting 2.0 marks them rel="captions".
TIMED_TRANSCRIPTS = frozenset({transcripts.VTT, transcripts.SRT})


def _sub(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: str(v) for k, v in attrs.items()})
    if text is not None:
        element.text = str(text)
    return element


def _it(name: str) -> str:
    return f"{{{ITUNES}}}{name}"


def _pc(name: str) -> str:
    return f"{{{PODCAST}}}{name}"


def _category(channel, value: str) -> None:
    category, sub = categories.split(value)
    # `text` is an attribute here, not the element's text: Apple reads only the attribute.
    element = _sub_attrs(channel, _it("category"), {"text": category})
    if sub:
        _sub_attrs(element, _it("category"), {"text": sub})


def _sub_attrs(parent, tag: str, attrs: dict) -> ET.Element:
    return ET.SubElement(parent, tag, {k: str(v) for k, v in attrs.items()})


def build_feed(show, episodes: Iterable, absolute: Callable[[str], str], guid: str) -> bytes:
    """`absolute(path) -> URL` turns site paths into absolute URLs."""
    rss = ET.Element("rss", {"version": "2.0"})
    channel = _sub(rss, "channel")
    _sub(channel, "title", show.title)
    _sub(channel, "link", absolute(show.get_absolute_url()))
    _sub_attrs(
        channel,
        f"{{{ATOM}}}link",
        {"href": absolute(show.feed_url()), "rel": "self", "type": "application/rss+xml"},
    )
    _sub(channel, "description", escape(show.description))
    _sub(channel, "language", show.language)
    _sub(channel, "generator", "Lontar")
    _sub(channel, _it("author"), show.author)
    owner = _sub(channel, _it("owner"))
    _sub(owner, _it("name"), show.author)
    _sub(owner, _it("email"), show.owner_email)
    _sub(channel, _it("image"), href=absolute(show.cover.url))
    _category(channel, show.itunes_category)
    _sub(channel, _it("explicit"), "true" if show.explicit else "false")
    _sub(channel, _it("type"), "episodic")
    _sub(channel, _pc("guid"), guid)
    _sub(channel, _pc("locked"), "no", owner=show.owner_email)
    for episode in episodes:
        item = _sub(channel, "item")
        _sub(item, "title", episode.title)
        _sub(item, _it("title"), episode.title)
        _sub(item, "description", escape(episode.notes))  # HTML to podcast apps
        _sub(item, "link", absolute(episode.get_absolute_url()))
        _sub(item, "guid", f"urn:uuid:{episode.guid}", isPermaLink="false")
        _sub(item, "pubDate", format_datetime(episode.published_at))
        _sub(
            item,
            "enclosure",
            url=absolute(episode.audio_url()),
            length=episode.audio_size,
            type=episode.audio_type,
        )
        _sub(item, _it("duration"), itunes_duration(episode.duration_seconds))
        _sub(item, _it("explicit"), "true" if episode.explicit else "false")
        _sub(item, _it("episodeType"), "full")
        if episode.season:
            _sub(item, _it("season"), episode.season)
        if episode.number:
            _sub(item, _it("episode"), episode.number)
        if episode.cover:
            _sub(item, _it("image"), href=absolute(episode.cover.url))
        if episode.transcript:
            attrs = {
                "url": absolute(episode.transcript_url()),
                "type": episode.transcript_type or "text/plain",
                "language": show.language,
            }
            if attrs["type"] in TIMED_TRANSCRIPTS:
                attrs["rel"] = "captions"
            _sub_attrs(item, _pc("transcript"), attrs)
        if episode.chapters.all():  # prefetched; an empty chapters file helps no app
            _sub_attrs(
                item,
                _pc("chapters"),
                {"url": absolute(episode.chapters_url()), "type": "application/json+chapters"},
            )
        for person in episode.people.all():
            _sub(item, _pc("person"), person.name, role=person.role)
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True)


def chapters_json(episode, absolute: Callable[[str], str]) -> dict:
    """The Podcasting 2.0 JSON chapters file."""
    chapters = []
    for chapter in episode.chapters.all():
        entry: dict = {"startTime": chapter.start_seconds, "title": chapter.title}
        if chapter.question_id and chapter.question.status == "terbit":
            entry["url"] = absolute(chapter.question.get_absolute_url())
        chapters.append(entry)
    return {"version": "1.2.0", "chapters": chapters}
