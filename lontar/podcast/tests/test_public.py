import feedparser
import pytest

from lontar.podcast.models import Episode
from lontar.podcast.tests.helpers import make_episode, make_show
from lontar.qna.models import Status
from lontar.qna.tests.helpers import make_question


@pytest.fixture
def episode(agency_a):
    entry = make_question(
        agency_a, text="Syarat cuti besar guru?", answer_text="Lima tahun.", status=Status.PUBLISHED
    )
    return make_episode(make_show(agency_a), question=entry)


def test_feed_has_the_required_tags_and_working_links(client, episode):
    response = client.get("/podcast/tanya-bkd/feed.xml")
    assert response["Content-Type"].startswith("application/rss+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    channel = parsed.feed
    assert channel.title == "Tanya BKD"
    assert channel.language == "id"
    assert channel.author_detail.name == "BKD"
    assert channel.image.href.endswith(".png")
    assert "<itunes:explicit>false</itunes:explicit>" in response.content.decode()
    assert channel.tags[0].term == "Government"
    assert channel.podcast_guid
    (item,) = parsed.entries
    assert item.id == f"urn:uuid:{episode.guid}"
    assert item.itunes_duration == "00:00:02"
    assert (item.itunes_season, item.itunes_episode) == ("1", "1")
    (enclosure,) = item.enclosures
    assert enclosure.type == "audio/mpeg"
    assert int(enclosure.length) == episode.audio_size
    audio = client.get(enclosure.href)
    assert audio.status_code == 200
    assert len(b"".join(audio.streaming_content)) == episode.audio_size
    raw = response.content.decode()
    assert "podcast:transcript" in raw and "podcast:chapters" in raw
    transcript = client.get(episode.transcript_url())
    assert transcript.status_code == 200 and transcript["Content-Type"].startswith("text/vtt")
    chapters = client.get(episode.chapters_url()).json()
    assert [c["title"] for c in chapters["chapters"]] == ["Pembuka", "Cuti besar"]
    assert chapters["chapters"][1]["url"].endswith(
        episode.chapters.last().question.get_absolute_url()
    )
    for url in (
        f"http://localhost{episode.transcript_url()}",
        f"http://localhost{episode.chapters_url()}",
    ):
        assert url in raw


def test_guids_stay_the_same_when_edited(client, episode):
    first = feedparser.parse(client.get("/podcast/tanya-bkd/feed.xml").content)
    episode.title = "Cuti besar (diperbarui)"
    episode.save()
    second = feedparser.parse(client.get("/podcast/tanya-bkd/feed.xml").content)
    assert first.entries[0].id == second.entries[0].id
    assert first.feed.podcast_guid == second.feed.podcast_guid


def test_range_request_returns_206_with_the_right_bytes(client, episode):
    whole = episode.audio.open("rb").read()
    response = client.get(episode.audio_url(), HTTP_RANGE="bytes=100-199")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-199/{len(whole)}"
    assert response["Content-Length"] == "100"
    assert b"".join(response.streaming_content) == whole[100:200]
    tail = client.get(episode.audio_url(), HTTP_RANGE="bytes=-10")
    assert b"".join(tail.streaming_content) == whole[-10:]
    assert client.get(episode.audio_url(), HTTP_RANGE=f"bytes={len(whole)}-").status_code == 416


def test_episode_page_has_player_chapters_and_transcript(
    client, episode, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        html = client.get(episode.get_absolute_url()).content.decode()
    assert '<audio id="pemutar-audio" controls' in html
    assert f'href="{episode.audio_url()}#t=1" data-seek="1"' in html
    assert "cuti besar</b>" not in html and "cuti besar bagi guru" in html
    assert "Rina" in html


def test_list_page(client, episode, agency_a, django_assert_max_num_queries):
    make_episode(episode.show, slug="draf", title="Episode draf", published=False)
    with django_assert_max_num_queries(8):
        html = client.get("/podcast/").content.decode()
    assert "Cuti besar" in html and "Episode draf" not in html
    assert client.get("/podcast/tanya-bkd/draf/").status_code == 404


def test_faq_entry_links_back_to_the_moment(client, episode):
    chapter = episode.chapters.get(title="Cuti besar")
    html = client.get(chapter.question.get_absolute_url()).content.decode()
    assert "Dibahas di podcast" in html
    assert chapter.get_absolute_url().replace("&", "&amp;") in html


def test_transcripts_are_found_by_site_search(client, episode, agency_b):
    html = client.get("/cari/?q=selamat+datang").content.decode()
    assert episode.get_absolute_url() in html
    assert Episode.objects.count() == 1
