"""The feed as Apple Podcasts, Spotify and Podcasting 2.0 apps read it.

Two independent parsers read the same bytes: `feedparser` (what most aggregators use) and
`podcastparser` (gPodder's SAX parser, strict about itunes: attributes). On top, Apple's
published requirements are checked tag by tag on the raw XML, and the enclosure is checked to
be a real MP3 (frame headers and mutagen), since Apple refuses WAV.
"""

from __future__ import annotations

import io
import re
import uuid
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree as ET

import feedparser
import podcastparser
import pytest

from lontar.podcast.feed import ATOM, ITUNES, PODCAST
from lontar.podcast.models import PODCAST_NAMESPACE
from lontar.podcast.tests.helpers import assert_real_mp3, make_episode, make_show
from lontar.qna.models import Status
from lontar.qna.tests.helpers import make_question

pytestmark = pytest.mark.django_db

FEED = "/podcast/tanya-bkd/feed.xml"
BASE = "http://localhost"  # agency_a's public base URL
NS = {"itunes": ITUNES, "podcast": PODCAST, "atom": ATOM}


@pytest.fixture
def episode(agency_a):
    entry = make_question(
        agency_a, text="Syarat cuti besar guru?", answer_text="Lima tahun.", status=Status.PUBLISHED
    )
    return make_episode(make_show(agency_a), question=entry)


def _get(client, url: str) -> bytes:
    response = client.get(url.removeprefix(BASE))
    assert response.status_code == 200, url
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_apple_required_tags_are_present_and_well_formed(client, episode):
    response = client.get(FEED)
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    channel = root.find("channel")
    assert root.tag == "rss" and root.get("version") == "2.0"
    for tag in ("title", "description", "language", "link"):
        assert (channel.findtext(tag) or "").strip(), tag
    image = channel.find("itunes:image", NS)
    assert re.search(r"\.(jpg|png)$", image.get("href")), "Apple wants .jpg or .png artwork"
    assert image.get("href") == BASE + episode.show.cover.url
    with episode.show.cover.open("rb") as artwork:
        assert artwork.read(8) == b"\x89PNG\r\n\x1a\n"
    [category] = channel.findall("itunes:category", NS)
    assert category.get("text") == "Government" and not (category.text or "").strip()
    assert channel.findtext("itunes:explicit", namespaces=NS) in ("true", "false")
    assert channel.findtext("itunes:author", namespaces=NS) == "BKD"
    assert channel.findtext("itunes:owner/itunes:email", namespaces=NS) == "podcast@example.id"
    [self_link] = channel.findall("atom:link[@rel='self']", NS)
    assert self_link.get("href") == BASE + FEED
    assert self_link.get("type") == "application/rss+xml"

    [item] = channel.findall("item")
    assert item.findtext("title") == "Cuti besar"
    guid = item.find("guid")
    assert guid.text == f"urn:uuid:{episode.guid}" and guid.get("isPermaLink") == "false"
    published = parsedate_to_datetime(item.findtext("pubDate"))  # RFC 2822
    assert published == episode.published_at.replace(microsecond=0)
    enclosure = item.find("enclosure")
    assert enclosure.get("type") == "audio/mpeg"
    audio = _get(client, enclosure.get("url"))
    assert int(enclosure.get("length")) == len(audio) == episode.audio_size
    assert_real_mp3(audio)
    assert item.findtext("itunes:explicit", namespaces=NS) in ("true", "false")
    assert re.fullmatch(r"\d{2}:\d{2}:\d{2}", item.findtext("itunes:duration", namespaces=NS))


def test_two_independent_parsers_read_the_same_podcast(client, episode):
    raw = client.get(FEED).content
    by_feedparser = feedparser.parse(raw)
    assert not by_feedparser.bozo, by_feedparser.bozo_exception
    by_podcastparser = podcastparser.parse(BASE + FEED, io.BytesIO(raw))

    assert by_podcastparser["title"] == by_feedparser.feed.title == "Tanya BKD"
    assert by_podcastparser["itunes_categories"] == [["Government"]]
    assert by_feedparser.feed.tags[0].term == "Government"
    assert by_podcastparser["explicit"] is False
    assert by_podcastparser["itunes_owner"] == {"name": "BKD", "email": "podcast@example.id"}
    assert by_podcastparser["cover_url"] == by_feedparser.feed.image.href
    assert by_podcastparser["language"] == "id"
    [entry] = by_podcastparser["episodes"]
    [fp_entry] = by_feedparser.entries
    assert entry["guid"] == fp_entry.id == f"urn:uuid:{episode.guid}"
    assert entry["published"] == int(episode.published_at.timestamp())
    assert entry["total_time"] == 2
    assert (entry["season"], entry["number"]) == (1, 1)
    [enclosure] = entry["enclosures"]
    assert enclosure["mime_type"] == "audio/mpeg" == fp_entry.enclosures[0].type
    assert enclosure["file_size"] == episode.audio_size
    assert enclosure["url"] == fp_entry.enclosures[0].href


def test_podcasting_2_0_tags(client, episode):
    root = ET.fromstring(client.get(FEED).content)
    channel = root.find("channel")
    podcast_guid = uuid.UUID(channel.findtext("podcast:guid", namespaces=NS))
    # The namespace's rule: UUIDv5 of the feed URL without scheme and trailing slash.
    assert podcast_guid == uuid.uuid5(PODCAST_NAMESPACE, "localhost" + FEED)
    locked = channel.find("podcast:locked", NS)
    assert locked.text in ("yes", "no") and locked.get("owner") == "podcast@example.id"
    [item] = channel.findall("item")
    transcript = item.find("podcast:transcript", NS)
    assert transcript.get("type") == "text/vtt" and transcript.get("rel") == "captions"
    assert _get(client, transcript.get("url")).startswith(b"WEBVTT")
    chapters = item.find("podcast:chapters", NS)
    assert chapters.get("type") == "application/json+chapters"
    document = client.get(chapters.get("url").removeprefix(BASE)).json()
    assert document["version"].startswith("1.")
    assert [c["startTime"] for c in document["chapters"]] == [0, 1]
    person = item.find("podcast:person", NS)
    assert (person.text, person.get("role")) == ("Rina", "host")


def test_an_episode_without_chapters_or_transcript_announces_none(client, agency_a):
    episode = make_episode(make_show(agency_a), transcript="")
    episode.chapters.all().delete()
    item = ET.fromstring(client.get(FEED).content).find("channel/item")
    assert item.find("podcast:chapters", NS) is None
    assert item.find("podcast:transcript", NS) is None


def test_a_subcategory_is_nested_as_apple_lists_it(client, episode):
    episode.show.itunes_category = "News > Politics"
    episode.show.save()
    raw = client.get(FEED).content
    [category] = ET.fromstring(raw).findall("channel/itunes:category", NS)
    assert category.get("text") == "News"
    assert [c.get("text") for c in category] == ["Politics"]
    parsed = podcastparser.parse(BASE + FEED, io.BytesIO(raw))
    assert parsed["itunes_categories"] == [["News", "Politics"]]


# HTML's grammar for <time datetime>: a valid date, global date-and-time (at most three
# fractional digits) or duration string; plain content must itself be one when no attribute.
_DATE = r"\d{4}-\d{2}-\d{2}"
_TIME = r"\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?"
_OFFSET = r"(Z|[+-]\d{2}:?\d{2})"
HTML_TIME = re.compile(rf"{_DATE}|{_DATE}[T ]{_TIME}{_OFFSET}|PT(\d+H)?(\d+M)?\d+(\.\d{{1,3}})?S")


@pytest.mark.parametrize("page", ["episode", "list", "show"])
def test_time_elements_carry_valid_html_datetimes(client, episode, page):
    url = {
        "episode": episode.get_absolute_url(),
        "list": "/podcast/",
        "show": episode.show.get_absolute_url(),
    }[page]
    html = client.get(url).content.decode()
    times = re.findall(r"<time( datetime=\"([^\"]*)\")?>", html)
    assert times, "the page shows dates"
    for attribute, value in times:
        assert attribute, "a <time> whose text is not a machine-readable value needs datetime"
        assert HTML_TIME.fullmatch(value), value
