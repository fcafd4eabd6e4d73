"""Reading an uploaded audio file: its type, duration and size (with mutagen), or a refusal."""

from __future__ import annotations

from dataclasses import dataclass

import mutagen
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# mutagen class name -> (MIME type, file extension)
SUPPORTED = {
    "MP3": ("audio/mpeg", "mp3"),
    "MP4": ("audio/mp4", "m4a"),
    # WAV is accepted so the demo can ship audio it synthesises itself; prefer MP3/M4A.
    "WAVE": ("audio/wav", "wav"),
}
NOT_AUDIO = _("Berkas ini bukan audio yang dapat diputar. Unggah berkas MP3 atau M4A.")


@dataclass(frozen=True)
class AudioInfo:
    mime_type: str
    extension: str
    duration_seconds: float
    size: int


def inspect(upload) -> AudioInfo:
    """Type, duration and size of `upload` (a file object); ValidationError if not audio."""
    upload.seek(0)
    try:
        parsed = mutagen.File(upload)
    except Exception:  # mutagen raises many kinds of errors on garbage
        parsed = None
    finally:
        upload.seek(0, 2)
        size = upload.tell()
        upload.seek(0)
    kind = type(parsed).__name__ if parsed is not None else ""
    if kind not in SUPPORTED or not getattr(parsed.info, "length", 0):
        raise ValidationError(NOT_AUDIO, code="not_audio")
    mime_type, extension = SUPPORTED[kind]
    return AudioInfo(mime_type, extension, round(float(parsed.info.length), 2), size)
