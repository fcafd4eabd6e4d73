"""The agency's podcast out and back in (`core/portability.py`): shows with their covers, and
published episodes with audio, transcript, people and chapters (linked to the FAQ again).

GUIDs travel too: a podcast app that follows the feed must see the same show and episodes
after the move (an episode GUID already used in this installation gets a new one)."""

from __future__ import annotations

from django.db import transaction

from lontar.core.portability import (
    Bundle,
    Portable,
    plain_fields,
    register_portable,
    set_plain_fields,
)
from lontar.podcast import services
from lontar.podcast.models import Chapter, Episode, Person, Show
from lontar.podcast.selectors import published_episodes, shows

KEY = "podcast"


def export(agency, bundle: Bundle) -> int:
    episodes = list(published_episodes(agency).prefetch_related("people", "chapters"))
    used = {episode.show_id for episode in episodes}
    show_rows = [
        {
            "id": show.pk,
            "guid": show.guid,
            **plain_fields(show),
            "cover": bundle.put_file(KEY, show.pk, show.cover),
        }
        for show in shows(agency).filter(pk__in=used).order_by("pk")
    ]
    bundle.write("podcast-shows", show_rows)
    rows = []
    for episode in sorted(episodes, key=lambda e: e.pk):
        rows.append(
            {
                "id": episode.pk,
                "show": episode.show_id,
                "guid": episode.guid,
                **plain_fields(episode),
                "audio": bundle.put_file(KEY, episode.pk, episode.audio),
                "transcript": bundle.put_file(KEY, episode.pk, episode.transcript),
                "cover": bundle.put_file(KEY, episode.pk, episode.cover),
                "people": [{"name": p.name, "role": p.role} for p in episode.people.all()],
                "chapters": [
                    {"start": c.start_seconds, "title": c.title, "question": c.question_id}
                    for c in episode.chapters.all()
                ],
            }
        )
    return bundle.write(KEY, rows)


@transaction.atomic
def load(agency, bundle: Bundle) -> int:
    for row in bundle.read("podcast-shows"):
        show = Show.objects.filter(agency=agency, slug=row["slug"]).first() or Show(agency=agency)
        set_plain_fields(show, row)
        cover = bundle.file(row.get("cover"))
        if cover is not None and not show.cover:
            show.cover.save(cover.name, cover, save=False)
        show.guid = show.guid or row.get("guid")
        show.save()
        bundle.map("podcast-show", row["id"], show.pk)
    rows = bundle.read(KEY)
    for row in rows:
        show_id = bundle.new_id("podcast-show", row["show"])
        if show_id is None:
            continue
        episode = Episode.objects.filter(show_id=show_id, slug=row["slug"]).first()
        if episode is None:
            episode = Episode(show_id=show_id)
            if row.get("guid") and not Episode.objects.filter(guid=row["guid"]).exists():
                episode.guid = row["guid"]
        set_plain_fields(episode, row)
        _files(episode, row, bundle)
        episode.save()
        episode.people.all().delete()
        for person in row.get("people") or []:
            Person.objects.create(episode=episode, name=person["name"], role=person["role"])
        episode.chapters.all().delete()
        for chapter in row.get("chapters") or []:
            Chapter.objects.create(
                episode=episode,
                start_seconds=chapter["start"],
                title=chapter["title"],
                question_id=bundle.new_id("question", chapter.get("question")),
            )
    return len(rows)


def _files(episode: Episode, row: dict, bundle: Bundle) -> None:
    audio = bundle.file(row.get("audio"))
    if audio is not None and not episode.audio:
        stored = services.read_audio(episode, audio)
        episode.audio.save(audio.name, stored, save=False)
    transcript = bundle.file(row.get("transcript"))
    if transcript is not None and not episode.transcript:
        services.read_transcript(episode, transcript)
        episode.transcript.save(transcript.name, transcript, save=False)
    cover = bundle.file(row.get("cover"))
    if cover is not None and not episode.cover:
        episode.cover.save(cover.name, cover, save=False)


register_portable(Portable(KEY, "Podcast", 60, export, load))
