import io
import struct
import wave

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from lontar.podcast import audio, transcripts
from lontar.podcast.artwork import check_cover
from lontar.podcast.ranges import Unsatisfiable, parse_range
from lontar.podcast.samples import tone_wav
from lontar.podcast.tests.helpers import VTT, assert_real_mp3, png
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


def test_wav_is_converted_to_a_real_mp3_of_the_same_length():
    stored, info = audio.accepted_audio(io.BytesIO(tone_wav(1.5)), "rekaman.wav")
    assert stored.name == "rekaman.mp3"
    assert (info.mime_type, info.extension) == ("audio/mpeg", "mp3")
    # LAME pads the first and last frame: a few hundredths of a second at most.
    assert info.duration_seconds == pytest.approx(1.5, abs=0.1)
    data = stored.read()
    parsed = assert_real_mp3(data)
    assert (parsed.sample_rate, parsed.channels, parsed.bitrate) == (16000, 1, 64000)
    assert info.size == len(data)


@pytest.mark.parametrize(
    ("channels", "width", "rate"), [(2, 2, 44100), (1, 1, 8000), (2, 3, 48000), (1, 4, 22050)]
)
def test_every_pcm_wav_layout_converts(channels, width, rate):
    # The byte count is not always a whole number of frames: a cut-off file still converts.
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(bytes(range(256)) * (rate * channels * width // 256 // 2))
    stored, info = audio.accepted_audio(io.BytesIO(buffer.getvalue()), "x.wav")
    parsed = assert_real_mp3(stored.read())
    assert (parsed.sample_rate, parsed.channels) == (rate, channels)
    # Encoder delay and the last frame's padding: up to 0.15 s at 8 kHz (576-sample frames).
    assert info.duration_seconds == pytest.approx(0.5, abs=0.2)


def _wav(rate: int, channels: int = 1) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(rate * channels * 2 // 4))
    return buffer.getvalue()


def _long_wav_header(rate: int = 48000, channels: int = 2, minutes: int = 10) -> bytes:
    """A PCM WAV header announcing `minutes` of audio, followed by one second of it."""
    data_size = rate * channels * 2 * 60 * minutes
    fmt = struct.pack("<HHIIHH", 1, channels, rate, rate * channels * 2, channels * 2, 16)
    header = b"WAVEfmt " + struct.pack("<I", 16) + fmt + b"data" + struct.pack("<I", data_size)
    return b"RIFF" + struct.pack("<I", 4 + len(header) - 4 + data_size) + header + bytes(rate * 4)


def _flac_header() -> bytes:
    # "fLaC" + a last-block STREAMINFO: 44.1 kHz, stereo, 16 bit, 44,100 samples (one second).
    info = (44100 << 44) | (1 << 41) | (15 << 36) | 44100
    streaminfo = (4096).to_bytes(2, "big") * 2 + bytes(6) + info.to_bytes(8, "big") + bytes(16)
    return b"fLaC" + bytes([0x80]) + len(streaminfo).to_bytes(3, "big") + streaminfo


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_wav(7000), "laju sampel 7000 Hz"),
        (_wav(16000, channels=4), "4 kanal"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x03\x00" + bytes(40), "bukan"),
        (_flac_header(), "Format FLAC tidak diterima Apple Podcasts"),
        (_long_wav_header(), "terlalu panjang untuk diubah di server; batas untuk format ini 9"),
    ],
)
def test_audio_apple_refuses_is_refused_in_indonesian(data, message):
    with pytest.raises(ValidationError) as refused:
        audio.accepted_audio(io.BytesIO(data), "x")
    assert message in " ".join(refused.value.messages)
    assert "MP3" in " ".join(refused.value.messages)


def test_non_audio_is_refused_in_indonesian():
    with pytest.raises(ValidationError) as refused:
        audio.inspect(ContentFile(b"%PDF-1.4 bukan audio" * 100, name="x.mp3"))
    assert "bukan audio" in str(refused.value)


def _silent_mp3(frames: int = 40) -> bytes:
    # MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono: 417-byte frames of digital silence.
    header = bytes([0xFF, 0xFB, 0x90, 0xC0])
    return (header + bytes(413)) * frames


def test_mp3_is_accepted_with_its_duration():
    stored, info = audio.accepted_audio(io.BytesIO(_silent_mp3()), "a.mp3")
    assert stored.read() == _silent_mp3()
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
