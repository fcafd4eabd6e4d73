"""A published podcast episode asks for a written story, starting from its transcript."""

from datetime import timedelta

import pytest
from django.utils import timezone

from lontar.news.models import NewsArticlePage
from lontar.news.tests.helpers import news_index
from lontar.newsroom import services
from lontar.newsroom.models import Prompt
from lontar.podcast.models import Episode
from lontar.podcast.prompts import excerpt
from lontar.podcast.tests.helpers import make_episode, make_show

pytestmark = pytest.mark.django_db

LONG_TRANSCRIPT = "WEBVTT\n\n" + "\n\n".join(
    f"00:00:{i:02d}.000 --> 00:00:{i + 1:02d}.000\nkata{i * 10} "
    + " ".join(f"kata{i * 10 + j}" for j in range(1, 10))
    for i in range(20)
)  # 200 words: kata0 … kata199


def _published_days_ago(episode: Episode, days: int) -> None:
    Episode.objects.filter(pk=episode.pk).update(published_at=timezone.now() - timedelta(days=days))


def _podcast_keys(agency) -> list[str]:
    return [p.key for p in services.refresh_prompts(agency) if p.kind == "podcast"]


def test_the_excerpt_keeps_about_120_words():
    text = " ".join(f"w{i}" for i in range(200))
    cut = excerpt(text)
    assert cut.split()[:120] == text.split()[:120] and cut.endswith("…")
    assert len(cut.split()) == 121  # 120 words and the ellipsis
    assert excerpt("dua kata") == "dua kata"


def test_an_episode_of_59_days_prompts_once_and_of_61_days_or_unpublished_does_not(agency_a):
    show = make_show(agency_a)
    recent = make_episode(show, slug="baru", title="Episode baru", transcript="")
    old = make_episode(show, slug="lama", title="Episode lama", transcript="")
    hidden = make_episode(show, slug="draf", title="Episode draf", transcript="", published=False)
    _published_days_ago(recent, 59)
    _published_days_ago(old, 61)
    assert _podcast_keys(agency_a) == [f"podcast:{recent.pk}"]
    assert _podcast_keys(agency_a) == []  # once
    assert Prompt.objects.filter(key=f"podcast:{recent.pk}").count() == 1
    others = [f"podcast:{old.pk}", f"podcast:{hidden.pk}"]
    assert not Prompt.objects.filter(key__in=others).exists()


def test_the_draft_starts_with_the_transcript_excerpt_and_links_back(client, agency_a, writer):
    news_index(agency_a)
    show = make_show(agency_a)
    episode = make_episode(show, title="Cuti besar bagi guru", transcript=LONG_TRANSCRIPT)
    services.refresh_prompts(agency_a)
    prompt = Prompt.objects.get(key=f"podcast:{episode.pk}")
    client.force_login(writer)
    assert episode.title in client.get("/admin/redaksi/ajakan/").content.decode()
    response = client.post(f"/admin/redaksi/ajakan/{prompt.pk}/tulis/")
    prompt.refresh_from_db()
    draft = NewsArticlePage.objects.get(pk=prompt.article_id)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{draft.pk}/edit/"
    assert not draft.live and draft.title == "Cuti besar bagi guru"
    first = str(draft.body[0].value)
    assert "kata0 kata1" in first and "kata119" in first and "kata120" not in first
    text = str(draft.body)
    assert "Membahas cuti." in text  # the show notes follow
    assert episode.get_absolute_url() in text
    client.post(f"/admin/redaksi/ajakan/{prompt.pk}/tulis/")
    assert NewsArticlePage.objects.filter(title=draft.title).count() == 1
