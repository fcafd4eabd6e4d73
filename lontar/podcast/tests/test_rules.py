import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from lontar.podcast import audio, transcripts
from lontar.podcast.artwork import check_cover
from lontar.podcast.ranges import Unsatisfiable, parse_range
from lontar.podcast.samples import tone_wav
from lontar.podcast.tests.helpers import VTT, png
from lontar.podcast.timecode import itunes_duration, label


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("", None),
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 999)),
        ("bytes=-10", (990, 999)),
        ("bytes=900-5000", (900, 999)),
        ("items=0-1", None),
        ("bytes=0-1,5-6", None),
        ("bytes=-5000", (0, 999)),
        # Finding 6: 5,000 digits and non-ASCII digits once reached int() and gave a 500.
        ("bytes=-" + "9" * 5000, (0, 999)),
        ("bytes=0-" + "9" * 5000, (0, 999)),
        ("bytes=²-", None),
        ("bytes=０-9", None),
        ("bytes=0-9\n", (0, 9)),
    ],
)
def test_parse_range(header, expected):
    assert parse_range(header, 1000) == expected


@pytest.mark.parametrize(
    "header", ["bytes=1000-", "bytes=5-2", "bytes=-0", "bytes=" + "9" * 5000 + "-"]
)
def test_unsatisfiable_ranges(header):
    with pytest.raises(Unsatisfiable):
        parse_range(header, 1000)


def test_audio_is_read_and_non_audio_refused_in_indonesian():
    info = audio.inspect(io.BytesIO(tone_wav(1.5)))
    assert (info.mime_type, info.extension) == ("audio/wav", "wav")
    assert info.duration_seconds == pytest.approx(1.5, abs=0.01)
    with pytest.raises(ValidationError) as refused:
        audio.inspect(ContentFile(b"%PDF-1.4 bukan audio" * 100, name="x.mp3"))
    assert "bukan audio" in str(refused.value)


def _silent_mp3(frames: int = 40) -> bytes:
    # MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono: 417-byte frames of digital silence.
    header = bytes([0xFF, 0xFB, 0x90, 0xC0])
    return (header + bytes(413)) * frames


def test_mp3_is_accepted_with_its_duration():
    info = audio.inspect(io.BytesIO(_silent_mp3()))
    assert info.mime_type == "audio/mpeg"
    assert info.duration_seconds == pytest.approx(40 * 1152 / 44100, abs=0.05)


@pytest.mark.parametrize(
    ("size", "message"),
    [((1400, 1200), "persegi"), ((1000, 1000), "1400–3000"), ((3200, 3200), "1400–3000")],
)
def test_cover_art_rules(size, message):
    with pytest.raises(ValidationError) as refused:
        check_cover(io.BytesIO(png(*size)))
    assert message in str(refused.value)


def test_valid_cover_and_non_image():
    assert check_cover(io.BytesIO(png(1400, 1400))) == (1400, 1400)
    with pytest.raises(ValidationError):
        check_cover(io.BytesIO(b"not an image"))


SRT = """1
00:00:03,500 --> 00:00:05,000
Pertanyaan pertama.

2
00:01:02,000 --> 00:01:04,000
Jawaban <i>kedua</i>.
"""


def test_transcript_formats():
    assert transcripts.detect_format(VTT) == transcripts.VTT
    assert transcripts.detect_format(SRT) == transcripts.SRT
    assert transcripts.detect_format("Halo.\n\nApa kabar?") == transcripts.TEXT
    assert [(c.start, c.text) for c in transcripts.cues(SRT)] == [
        (3.5, "Pertanyaan pertama."),
        (62.0, "Jawaban kedua."),
    ]
    assert "cuti besar bagi guru" in transcripts.plain_text(VTT)
    assert [c.text for c in transcripts.cues("Halo.\n\nApa kabar?")] == ["Halo.", "Apa kabar?"]


def test_time_labels():
    assert (label(65), label(3725)) == ("1:05", "1:02:05")
    assert itunes_duration(3725.4) == "01:02:05"
