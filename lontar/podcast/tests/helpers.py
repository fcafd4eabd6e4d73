"""Builders for podcast tests: a show with a valid cover, an episode with real MP3 audio."""

from __future__ import annotations

import io

import mutagen.mp3
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from lontar.podcast import services
from lontar.podcast.models import Chapter, Episode, Person, Show
from lontar.podcast.samples import tone_mp3

# MPEG audio frame header fields (ISO 11172-3 / 13818-3).
MPEG_VERSIONS = {0b11: 1, 0b10: 2, 0b00: 2.5}
LAYER_III = 0b01

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


def _first_frame_header(data: bytes) -> int:
    """Offset of the first MPEG frame, after an ID3v2 tag if there is one."""
    offset = 0
    if data[:3] == b"ID3":
        size = data[6:10]
        offset = 10 + ((size[0] << 21) | (size[1] << 14) | (size[2] << 7) | size[3])
    assert data[offset] == 0xFF and data[offset + 1] & 0xE0 == 0xE0, "no MPEG frame sync"
    return offset


def assert_real_mp3(data: bytes) -> mutagen.mp3.MPEGInfo:
    offset = _first_frame_header(data)
    second = data[offset + 1]
    assert (second >> 3) & 0b11 in MPEG_VERSIONS, "reserved MPEG version"
    assert (second >> 1) & 0b11 == LAYER_III, "not Layer III"
    assert (data[offset + 2] >> 4) not in (0b0000, 0b1111), "free or bad bit rate"
    parsed = mutagen.mp3.MP3(io.BytesIO(data))
    assert parsed.info.length > 0 and parsed.info.bitrate > 0
    return parsed.info
