"""Builders for podcast tests: a show with a valid cover, an episode with real MP3 audio."""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from lontar.podcast import services
from lontar.podcast.models import Chapter, Episode, Person, Show
from lontar.podcast.samples import tone_mp3

VTT = """WEBVTT

00:00:00.000 --> 00:00:01.000
Selamat datang di podcast tanya jawab kepegawaian.

00:00:01.000 --> 00:00:02.000
Hari ini kita membahas <b>cuti besar</b> bagi guru.
"""


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 80, 140)).save(buffer, "PNG")
    return buffer.getvalue()


def make_show(agency, slug: str = "tanya-bkd") -> Show:
    show = Show(
        agency=agency,
        title="Tanya BKD",
        slug=slug,
        description="Podcast tanya jawab.",
        author="BKD",
        owner_email="podcast@example.id",
    )
    show.cover.save("sampul.png", ContentFile(png(1400, 1400)), save=False)
    show.save()
    return show


def make_episode(
    show,
    *,
    slug: str = "cuti-besar",
    title: str = "Cuti besar",
    question=None,
    transcript: str = VTT,
    published: bool = True,
) -> Episode:
    episode = Episode(
        show=show,
        title=title,
        slug=slug,
        notes="Membahas cuti.",
        season=1,
        number=1,
        is_published=published,
        published_at=timezone.now() - timezone.timedelta(hours=1),
    )
    audio = services.read_audio(episode, ContentFile(tone_mp3(2.0), name="episode.mp3"))
    episode.audio.save("episode.mp3", audio, save=False)
    if transcript:
        upload = ContentFile(transcript.encode(), name="transkrip.vtt")
        services.read_transcript(episode, upload)
        episode.transcript.save("transkrip.vtt", upload, save=False)
    episode.save()
    Person.objects.create(episode=episode, name="Rina", role=Person.Role.HOST)
    Chapter.objects.create(episode=episode, start_seconds=0, title="Pembuka")
    Chapter.objects.create(episode=episode, start_seconds=1, title="Cuti besar", question=question)
    return episode
