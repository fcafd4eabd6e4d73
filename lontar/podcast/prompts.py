"""A published podcast episode asks for a written story; its transcript is the starting point."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from django.utils.translation import gettext as _

from lontar.agencies.models import Agency
from lontar.newsroom.registry import PromptSource, Suggestion, register_source
from lontar.podcast.models import Episode

RECENT = timedelta(days=60)
EXCERPT_WORDS = 120


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _episodes(agency: Agency, now: datetime) -> Iterator[Suggestion]:
    episodes = (
        Episode.objects.published()
        .filter(show__agency=agency, published_at__gte=now - RECENT)
        .select_related("show")
    )
    for episode in episodes:
        # The transcript excerpt is the draft's starting point, so it comes first.
        paragraphs: list[str] = []
        if episode.transcript_text:
            paragraphs.append(f"Cuplikan transkrip: “{excerpt(episode.transcript_text)}”")
        if episode.notes.strip():
            paragraphs.append(episode.notes[:1000])
        yield Suggestion(
            key=f"podcast:{episode.pk}",
            object_key=str(episode.pk),
            title=episode.title,
            prompt=_("Episode podcast “%(title)s” sudah tayang: tuliskan intinya.")
            % {"title": episode.title},
            on=episode.published_at.astimezone(agency.zone).date(),
            lead=episode.notes[:300],
            paragraphs=tuple(paragraphs),
            source_line=f"Podcast {episode.show.title}"[:200],
            category="Podcast",
            link_path=episode.get_absolute_url(),
            link_text=episode.title,
            tags=("podcast",),
        )


register_source(PromptSource(kind="podcast", label="Episode podcast", find=_episodes))
