"""Filling in what is read from uploaded files: audio facts and transcript text."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lontar.podcast import audio, transcripts

MAX_TRANSCRIPT_BYTES = 2 * 1024 * 1024


def read_audio(episode, upload):
    """Set type, size and duration from the file and return the file to store: the upload
    itself, or its MP3 when a WAV was uploaded. ValidationError when it is not audio Apple
    Podcasts accepts and cannot be converted."""
    stored, info = audio.accepted_audio(upload, getattr(upload, "name", "") or "audio")
    episode.audio_type = info.mime_type
    episode.audio_size = info.size
    episode.duration_seconds = info.duration_seconds
    return stored


def read_transcript(episode, upload) -> None:
    upload.seek(0)
    raw = upload.read(MAX_TRANSCRIPT_BYTES + 1)
    upload.seek(0)
    if len(raw) > MAX_TRANSCRIPT_BYTES:
        raise ValidationError(_("Transkrip paling besar 2 MB."), code="too_big")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Transkrip harus berupa teks UTF-8 (WebVTT, SRT, atau teks biasa)."), code="encoding"
        ) from None
    episode.transcript_type = transcripts.detect_format(text)
    episode.transcript_text = transcripts.plain_text(text)
