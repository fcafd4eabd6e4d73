"""Plugs published episodes (notes and transcripts) into the site search (/cari/)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lontar.search.registry import SearchSource, register_searchable

SNIPPET_CHARS = 300


def _queryset_for_agency(agency):
    from lontar.podcast.selectors import published_episodes

    return published_episodes(agency)


def _queryset_for_agencies(agencies):
    from lontar.podcast.selectors import published_episodes_of

    return published_episodes_of(agencies).select_related("show")


def _agency_of(episode, agencies):
    return next((agency for agency in agencies if agency.pk == episode.show.agency_id), None)


def _date_of(episode):
    return episode.published_at.date()


def _url_of(episode, request) -> str:
    return episode.get_absolute_url()


def _text_of(episode) -> str:
    return f"{episode.notes} {episode.transcript_text}"[:SNIPPET_CHARS]


def register() -> None:
    from lontar.podcast.models import Episode
    from lontar.podcast.selectors import SEARCH_KEY

    register_searchable(
        SearchSource(
            key=SEARCH_KEY,
            label=_("Podcast"),
            model=Episode,
            queryset_for_agency=_queryset_for_agency,
            date_of=_date_of,
            url_of=_url_of,
            text_of=_text_of,
            date_field="published_at",
            queryset_for_agencies=_queryset_for_agencies,
            agency_of=_agency_of,
        )
    )
