"""Reads of the podcast for public pages, the feed and the FAQ's links back to episodes."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from lontar.podcast.models import Chapter, Episode, Show

SEARCH_KEY = "podcast"


def shows(agency) -> QuerySet[Show]:
    return Show.objects.filter(agency=agency)


def published_episodes(agency) -> QuerySet[Episode]:
    # Filtered by show (not show__agency) so the search backend can apply it too.
    return Episode.objects.published().filter(show__in=Show.objects.filter(agency=agency))


def published_episodes_of(agencies) -> QuerySet[Episode]:
    """The published episodes of several agencies (the provincial search)."""
    return Episode.objects.published().filter(show__in=Show.objects.filter(agency__in=agencies))


def episode_list(agency, show: Show | None = None) -> QuerySet[Episode]:
    episodes = published_episodes(agency).select_related("show")
    return episodes.filter(show=show) if show else episodes


def episode_detail(agency, show_slug: str, slug: str) -> Episode:
    return (
        published_episodes(agency)
        .select_related("show")
        .prefetch_related(
            "people",
            Prefetch("chapters", queryset=Chapter.objects.select_related("question")),
        )
        .get(show__slug=show_slug, slug=slug)
    )


def chapters_for_question(question) -> list[Chapter]:
    """Published episode moments that discuss this FAQ entry."""
    return list(
        Chapter.objects.filter(
            question=question, episode__in=published_episodes(question.agency_id)
        )
        .select_related("episode__show")
        .order_by("-episode__published_at")
    )
