"""A demo podcast for the BKD: three episodes whose audio is generated here (espeak-ng speech,
or a tone where espeak-ng is missing) and published as MP3, with transcripts and chapters
pointing to FAQ entries."""

from __future__ import annotations

import io
import wave
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from lontar.demo.loader import add_menu_item
from lontar.podcast import services
from lontar.podcast.models import Chapter, Episode, Person, Show
from lontar.podcast.samples import mp3, speech_wav

# (slug, title, [(chapter title, FAQ category or "", spoken text)])
EPISODES = [
    (
        "cuti-besar-dan-pensiun",
        "Cuti besar dan batas usia pensiun",
        [
            ("Pembuka", "", "Selamat datang di Tanya BKD, podcast tanya jawab kepegawaian."),
            ("Hak cuti besar", "cuti", "Pertanyaan pertama tentang cuti besar bagi guru."),
            ("Batas usia pensiun", "pensiun", "Berikutnya batas usia pensiun pejabat fungsional."),
        ],
    ),
    (
        "kenaikan-pangkat",
        "Periode kenaikan pangkat",
        [
            ("Pembuka", "", "Halo, kita bahas kenaikan pangkat."),
            (
                "Kapan naik pangkat",
                "kenaikan-pangkat",
                "Kenaikan pangkat reguler April dan Oktober.",
            ),
        ],
    ),
    (
        "mutasi-dan-pppk",
        "Mutasi dan PPPK",
        [
            (
                "Mutasi antar kabupaten",
                "mutasi",
                "Bagaimana mutasi antar kabupaten dalam provinsi.",
            ),
            ("PPPK ikut seleksi CPNS", "cpns-pppk", "Bolehkah PPPK mengikuti seleksi CPNS."),
        ],
    ),
]


def _cover() -> bytes:
    image = Image.new("RGB", (1400, 1400), (12, 74, 110))
    draw = ImageDraw.Draw(image)
    draw.ellipse((300, 300, 1100, 1100), outline=(255, 255, 255), width=40)
    draw.text((560, 660), "Tanya BKD", fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _join_wavs(parts: list[bytes]) -> tuple[bytes, list[float]]:
    """One WAV from several, and where each part starts (seconds)."""
    frames, starts, params, elapsed = [], [], None, 0.0
    for data in parts:
        with wave.open(io.BytesIO(data)) as clip:
            if params is None:
                params = clip.getparams()
            if clip.getparams()[:3] != params[:3]:
                continue
            starts.append(elapsed)
            frames.append(clip.readframes(clip.getnframes()))
            elapsed += clip.getnframes() / clip.getframerate()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setparams(params)
        out.writeframes(b"".join(frames))
    return buffer.getvalue(), starts


def load(ctx) -> None:
    agency = ctx.agencies.get("bkd")
    if agency is None:
        return
    from lontar.qna import demo as qna_demo
    from lontar.qna.models import Question

    qna_demo.load(ctx)  # chapters point to FAQ entries; idempotent
    add_menu_item(agency, label="Podcast", url="/podcast/", after="Tanya Jawab")
    if Show.objects.filter(agency=agency).exists():
        return
    show = Show(
        agency=agency,
        slug="tanya-bkd",
        title="Tanya BKD",
        description="Podcast tanya jawab kepegawaian: pertanyaan ASN dan warga dijawab "
        "oleh unit yang berwenang.",
        author=agency.name,
        owner_email=agency.email or "podcast@contoh.id",
    )
    show.cover.save("tanya-bkd.png", ContentFile(_cover()), save=False)
    show.save()
    faq = {q.category: q for q in Question.objects.published().filter(agency=agency)}
    now = timezone.now()
    for number, (slug, title, parts) in enumerate(EPISODES, start=1):
        audio, starts = _join_wavs([speech_wav(text) for _t, _c, text in parts])
        transcript = (
            "WEBVTT\n\n"
            + "\n\n".join(
                f"{_vtt(start)} --> {_vtt(start + 1)}\n{text}"
                for start, (_t, _c, text) in zip(starts, parts, strict=False)
            )
            + "\n"
        )
        episode = Episode(
            show=show,
            slug=slug,
            title=title,
            season=1,
            number=number,
            notes=f"Episode {number}: {title}.",
            is_published=True,
            published_at=now - timedelta(days=7 * (len(EPISODES) - number)),
        )
        upload = services.read_audio(episode, ContentFile(mp3(audio), name=f"{slug}.mp3"))
        episode.audio.save(f"{slug}.mp3", upload, save=False)
        text_upload = ContentFile(transcript.encode(), name=f"{slug}.vtt")
        services.read_transcript(episode, text_upload)
        episode.transcript.save(f"{slug}.vtt", text_upload, save=False)
        episode.save()
        Person.objects.create(episode=episode, name="Rina Manafe", role=Person.Role.HOST)
        Person.objects.create(episode=episode, name="Kepala Bidang Mutasi", role=Person.Role.GUEST)
        for start, (chapter_title, category, _text) in zip(starts, parts, strict=False):
            Chapter.objects.create(
                episode=episode,
                start_seconds=int(start),
                title=chapter_title,
                question=faq.get(category),
            )


def _vtt(seconds: float) -> str:
    millis = int(round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"
