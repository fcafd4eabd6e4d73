import feedparser
import pytest
from django.core.management import call_command

from lontar.podcast.models import Chapter, Episode
from lontar.podcast.tests.helpers import assert_real_mp3
from lontar.qna.models import Question, Status

# Each loads the whole demo (a minute on two cores): `make test-extended` runs them; the
# browser tests of `make test` load the same demo and walk its pages.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_has_a_podcast_with_generated_audio_and_faq_chapters(client):
    call_command("load_demo")
    call_command("load_demo")  # nothing twice
    assert Episode.objects.count() >= 3
    assert set(Question.objects.values_list("status", flat=True)) == set(Status.values)
    assert Chapter.objects.filter(question__status=Status.PUBLISHED).count() >= 3
    home = client.get("/").content.decode()
    assert 'href="/tanya-jawab/"' in home and 'href="/podcast/"' in home
    feed = feedparser.parse(client.get("/podcast/tanya-bkd/feed.xml").content)
    assert len(feed.entries) >= 3
    for entry in feed.entries:
        assert int(entry.enclosures[0].length) > 1000
        assert entry.enclosures[0].type == "audio/mpeg"
    for episode in Episode.objects.all():
        assert episode.audio.name.endswith(".mp3")
        with episode.audio.open("rb") as stored:
            assert_real_mp3(stored.read())
    faq = client.get("/tanya-jawab/").content.decode()
    assert "cuti besar" in faq
    assert "0812-3456-7890" not in faq
    published = Question.objects.get(public_question__contains="kenaikan pangkat reguler")
    assert "[disamarkan]" in published.public_question
