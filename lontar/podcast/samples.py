"""Audio the demo (and the tests) make themselves: speech with espeak-ng, or a plain tone.

Nothing is downloaded. espeak-ng (Debian package `espeak-ng`) writes WAV; where it is missing a
short sine tone is synthesised with the standard library. What is published is MP3, encoded
here with LAME (`encode.py`), because Apple Podcasts does not take WAV.
"""

from __future__ import annotations

import io
import math
import shutil
import struct
import subprocess
import wave

from lontar.podcast.encode import wav_to_mp3

SAMPLE_RATE = 16_000


def tone_wav(seconds: float = 2.0, frequency: float = 440.0) -> bytes:
    frames = int(SAMPLE_RATE * seconds)
    samples = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * frequency * i / SAMPLE_RATE)))
        for i in range(frames)
    )
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(samples)
    return buffer.getvalue()


def speech_wav(text: str, fallback_seconds: float = 3.0) -> bytes:
    """`text` read by espeak-ng in Indonesian, or a tone when espeak-ng is not installed."""
    espeak = shutil.which("espeak-ng")
    if espeak:
        try:
            result = subprocess.run(
                [espeak, "-v", "id", "-s", "150", "--stdout", text],
                capture_output=True,
                timeout=60,
                check=True,
            )
            if result.stdout.startswith(b"RIFF"):
                return result.stdout
        except (subprocess.SubprocessError, OSError):
            pass
    return tone_wav(fallback_seconds)


def mp3(wav: bytes) -> bytes:
    return wav_to_mp3(io.BytesIO(wav))


def tone_mp3(seconds: float = 2.0, frequency: float = 440.0) -> bytes:
    return mp3(tone_wav(seconds, frequency))
