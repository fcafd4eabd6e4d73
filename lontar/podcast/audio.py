"""Reading an uploaded audio file: its type, duration and size (with mutagen), or a refusal.

Only what Apple Podcasts accepts as an audio enclosure is stored: MP3 and AAC in M4A. WAV is
converted to MP3 (`encode.py`); other formats are refused with a message naming the format.
"""

from __future__ import annotations

from dataclasses import dataclass

import mutagen
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from lontar.podcast import encode

# mutagen class name -> (MIME type, file extension)
SUPPORTED = {
    "MP3": ("audio/mpeg", "mp3"),
    "MP4": ("audio/mp4", "m4a"),
}
# Formats mutagen recognises but the podcast directories do not take as enclosures.
REFUSED_NAMES = {
    "FLAC": "FLAC",
    "OggVorbis": "Ogg Vorbis",
    "OggOpus": "Opus",
    "OggFLAC": "Ogg FLAC",
    "OggSpeex": "Speex",
    "OggTheora": "Ogg Theora",
    "ASF": "WMA",
    "AIFF": "AIFF",
    "AAC": "AAC mentah (ADTS)",
    "AC3": "AC-3",
    "APEv2File": "Monkey's Audio",
    "MonkeysAudio": "Monkey's Audio",
    "Musepack": "Musepack",
    "WavPack": "WavPack",
    "TrueAudio": "TrueAudio",
    "OptimFROG": "OptimFROG",
    "DSF": "DSD",
    "DSDIFF": "DSD",
    "SMF": "MIDI",
}
NOT_AUDIO = _("Berkas ini bukan audio yang dapat diputar. Unggah berkas MP3 atau M4A.")
WRONG_FORMAT = _(
    "Format %(format)s tidak diterima Apple Podcasts. Unggah berkas MP3 atau M4A (AAC); "
    "berkas WAV diubah otomatis menjadi MP3."
)


@dataclass(frozen=True)
class AudioInfo:
    mime_type: str
    extension: str
    duration_seconds: float
    size: int


def _parse(upload):
    upload.seek(0)
    try:
        return mutagen.File(upload)
    except Exception:  # mutagen raises many kinds of errors on garbage
        return None
    finally:
        upload.seek(0)


def _size(upload) -> int:
    upload.seek(0, 2)
    size = upload.tell()
    upload.seek(0)
    return size


def inspect(upload) -> AudioInfo:
    """Type, duration and size of `upload` (a file object); ValidationError if it is not audio
    the directories accept."""
    parsed = _parse(upload)
    kind = type(parsed).__name__ if parsed is not None else ""
    if kind in REFUSED_NAMES or kind == "WAVE":
        name = "WAV" if kind == "WAVE" else REFUSED_NAMES[kind]
        raise ValidationError(WRONG_FORMAT % {"format": name}, code="format")
    if kind not in SUPPORTED or not getattr(parsed.info, "length", 0):
        raise ValidationError(NOT_AUDIO, code="not_audio")
    if kind == "MP4" and not str(getattr(parsed.info, "codec", "")).startswith("mp4a"):
        # M4A holding ALAC or video: Apple takes AAC audio only.
        codec = getattr(parsed.info, "codec", "") or "?"
        raise ValidationError(WRONG_FORMAT % {"format": f"MP4 ({codec})"}, code="format")
    mime_type, extension = SUPPORTED[kind]
    return AudioInfo(mime_type, extension, round(float(parsed.info.length), 2), _size(upload))


def accepted_audio(upload, name: str = "audio") -> tuple[object, AudioInfo]:
    """The file to store and its facts: MP3/M4A as uploaded, WAV converted to MP3 (named
    `<name>.mp3`); ValidationError with an Indonesian message otherwise."""
    parsed = _parse(upload)
    if type(parsed).__name__ == "WAVE":
        stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "audio"
        upload = ContentFile(encode.wav_to_mp3(upload), name=f"{stem}.mp3")
    return upload, inspect(upload)
