"""WAV to MP3 with LAME (the `lameenc` wheel): Apple Podcasts does not take WAV enclosures.

Staff often export WAV from a recorder or editor; converting here saves them a tool. Only PCM
WAV is converted (8, 16, 24 or 32 bit integers, mono or stereo, at a sample rate MP3 has); any
other WAV is refused with a message saying what to upload instead. Conversion runs in the
upload request, so the amount of audio is bounded (MAX_SAMPLES): measured on the shared
two-core development machine under load, LAME at quality 7 encodes 44.1 kHz stereo at about
10x real time, so ten minutes of it take about a minute there and well under the 30-second
request timeout on an idle core; 16 kHz mono speech goes about five times further. Longer
recordings are refused with a message asking for an MP3 (a background conversion would lift
this limit; not built).
"""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass

import lameenc
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The sample rates MPEG-1/2 Layer III defines; LAME would resample others, which we do not ask.
MP3_RATES = frozenset({8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000})
# Speech needs little: 64 kbit/s per channel keeps an hour of mono near 29 MB.
KBPS_PER_CHANNEL = 64
# Ten minutes of 44.1 kHz stereo, counted in samples so mono or lower rates may run longer.
MAX_SAMPLES = 44_100 * 2 * 10 * 60
FRAMES_PER_CHUNK = 48_000 * 10
_XOR_SIGN = bytes((byte ^ 0x80) for byte in range(256))

CANNOT_CONVERT = _(
    "Berkas WAV ini tidak dapat diubah menjadi MP3 (%(reason)s). Unggah berkas MP3 atau M4A."
)


@dataclass(frozen=True)
class WavFormat:
    channels: int
    sample_width: int
    rate: int
    frames: int

    @property
    def seconds(self) -> float:
        return self.frames / self.rate if self.rate else 0.0


def _refuse(reason) -> ValidationError:
    return ValidationError(CANNOT_CONVERT % {"reason": reason}, code="wav_not_convertible")


def _to_16_bit(data: bytes, width: int) -> bytes:
    """Little-endian signed 16-bit samples from 8-bit unsigned or 16/24/32-bit signed PCM."""
    if width == 2:
        return data
    count = len(data) // width
    out = bytearray(count * 2)
    if width == 1:
        out[1::2] = data[:count].translate(_XOR_SIGN)  # high byte; low byte stays 0
    else:  # keep the two most significant bytes of each little-endian sample
        out[0::2] = data[width - 2 :: width][:count]
        out[1::2] = data[width - 1 :: width][:count]
    return bytes(out)


def wav_format(upload) -> WavFormat:
    upload.seek(0)
    try:
        with wave.open(upload, "rb") as clip:
            found = WavFormat(
                clip.getnchannels(), clip.getsampwidth(), clip.getframerate(), clip.getnframes()
            )
    except (wave.Error, EOFError, ValueError):
        # wave reads PCM only: floating-point, compressed (ADPCM, µ-law) WAV land here.
        raise _refuse(_("bukan PCM biasa")) from None
    finally:
        upload.seek(0)
    if found.channels not in (1, 2):
        raise _refuse(
            _("%(n)s kanal; yang dapat diubah hanya mono atau stereo") % {"n": found.channels}
        )
    if found.sample_width not in (1, 2, 3, 4):
        raise _refuse(_("kedalaman %(bits)s bit") % {"bits": found.sample_width * 8})
    if found.rate not in MP3_RATES:
        raise _refuse(_("laju sampel %(rate)s Hz tidak dikenal MP3") % {"rate": found.rate})
    if found.frames * found.channels > MAX_SAMPLES:
        minutes = MAX_SAMPLES // (found.rate * found.channels) // 60
        raise _refuse(
            _("terlalu panjang untuk diubah di server; batas untuk format ini %(m)s menit")
            % {"m": minutes}
        )
    return found


def wav_to_mp3(upload) -> bytes:
    """The MP3 of a PCM WAV file object; ValidationError (in Indonesian) when it cannot be."""
    found = wav_format(upload)
    encoder = lameenc.Encoder()
    encoder.set_in_sample_rate(found.rate)
    encoder.set_channels(found.channels)
    encoder.set_bit_rate(KBPS_PER_CHANNEL * found.channels)
    encoder.set_quality(7)  # LAME's fast setting: ample for speech, twice as fast as 5
    frame_bytes = found.sample_width * found.channels
    out = io.BytesIO()
    try:
        with wave.open(upload, "rb") as clip:
            while True:
                data = clip.readframes(FRAMES_PER_CHUNK)
                # A file cut off mid-frame ends in a partial frame, which LAME refuses.
                data = data[: len(data) - len(data) % frame_bytes]
                if not data:
                    break
                out.write(encoder.encode(_to_16_bit(data, found.sample_width)))
        out.write(encoder.flush())
    except (RuntimeError, wave.Error, EOFError) as error:
        raise _refuse(_("berkas rusak")) from error
    finally:
        upload.seek(0)
    return out.getvalue()
