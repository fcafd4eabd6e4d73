"""Transcripts uploaded as WebVTT, SRT or plain text: the format and the words to show/search."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lontar.podcast.timecode import label

VTT, SRT, TEXT = "text/vtt", "application/x-subrip", "text/plain"
EXTENSIONS = {VTT: "vtt", SRT: "srt", TEXT: "txt"}
_TIMING = re.compile(
    r"^\s*(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})\s*-->\s*(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})"
)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Cue:
    start: float
    text: str

    @property
    def start_label(self) -> str:
        return label(self.start)


def detect_format(text: str) -> str:
    if text.lstrip("\ufeff").startswith("WEBVTT"):
        return VTT
    if any(_TIMING.match(line) for line in text.splitlines()):
        return SRT
    return TEXT


def _seconds(hours, minutes, secs, millis) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs) + int(millis) / 1000


def cues(text: str) -> list[Cue]:
    """The timed cues of a VTT/SRT transcript; a plain text gives one cue per paragraph at 0."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if detect_format(text) == TEXT:
        return [Cue(0, p.strip()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    result = []
    for block in re.split(r"\n\s*\n", text):
        lines = block.strip().split("\n")
        for index, line in enumerate(lines):
            timing = _TIMING.match(line)
            if timing:
                words = " ".join(_TAG.sub("", rest).strip() for rest in lines[index + 1 :])
                if words:
                    result.append(Cue(_seconds(*timing.groups()[:4]), words))
                break
    return result


def plain_text(text: str) -> str:
    return "\n".join(cue.text for cue in cues(text))
