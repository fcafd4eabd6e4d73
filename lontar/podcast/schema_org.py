"""schema.org `PodcastEpisode` for an episode's page: the episode, its series and its audio."""

from __future__ import annotations

from django.utils.safestring import SafeString

from lontar.core import jsonld
from lontar.core.public_urls import absolute_url


def episode_json_ld(episode, agency, url: str) -> SafeString:
    show = episode.show
    data: dict = {
        "@context": jsonld.CONTEXT,
        "@type": "PodcastEpisode",
        "name": episode.title,
        "url": url,
        "description": jsonld.plain(episode.notes),
        "datePublished": jsonld.iso(episode.published_at),
        "inLanguage": "id",
        "partOfSeries": {
            "@type": "PodcastSeries",
            "name": show.title,
            "url": absolute_url(agency, show.get_absolute_url()),
            "webFeed": absolute_url(agency, show.feed_url()),
        },
        "associatedMedia": {
            "@type": "AudioObject",
            "contentUrl": absolute_url(agency, episode.audio_url()),
            "encodingFormat": episode.audio_type or "audio/mpeg",
        },
        "publisher": jsonld.organization(agency),
    }
    if episode.number:
        data["episodeNumber"] = episode.number
    if episode.duration_seconds:
        data["timeRequired"] = jsonld.duration(episode.duration_seconds)
        data["associatedMedia"]["duration"] = jsonld.duration(episode.duration_seconds)
    if episode.transcript_text:
        data["transcript"] = jsonld.plain(episode.transcript_text, 20000)
    cover = episode.cover or show.cover
    if cover:
        data["image"] = absolute_url(agency, cover.url)
    return jsonld.script(data)
