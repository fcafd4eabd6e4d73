"""Public podcast pages, the media with HTTP Range, transcripts, chapters JSON and the feed."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.views.decorators.http import require_safe

from lontar.agencies.selectors import agency_for_request
from lontar.core.public_urls import absolute_url_for_agency_id
from lontar.podcast import schema_org, selectors, transcripts
from lontar.podcast.feed import build_feed, chapters_json
from lontar.podcast.models import Episode, Show
from lontar.podcast.ranges import Unsatisfiable, parse_range

CHUNK = 64 * 1024


def _agency(request: HttpRequest):
    agency = agency_for_request(request)
    if agency is None:
        raise Http404
    return agency


def _show(request: HttpRequest, show_slug: str) -> Show:
    show = selectors.shows(_agency(request)).filter(slug=show_slug).first()
    if show is None:
        raise Http404
    return show


def _episode(request: HttpRequest, show_slug: str, slug: str) -> Episode:
    try:
        return selectors.episode_detail(_agency(request), show_slug, slug)
    except Episode.DoesNotExist:
        raise Http404 from None


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    return render(
        request,
        "podcast/index.html",
        {
            "shows": list(selectors.shows(agency)),
            "episodes": selectors.episode_list(agency)[:50],
        },
    )


@require_safe
def show(request: HttpRequest, show_slug: str) -> HttpResponse:
    show = _show(request, show_slug)
    return render(
        request,
        "podcast/index.html",
        {
            "show": show,
            "shows": [show],
            "episodes": selectors.episode_list(show.agency, show)[:200],
        },
    )


@require_safe
def episode(request: HttpRequest, show_slug: str, slug: str) -> HttpResponse:
    episode = _episode(request, show_slug, slug)
    agency = _agency(request)  # memoised: the episode was found on this agency's site
    canonical = agency.absolute_url(episode.get_absolute_url())
    cues = []
    if episode.transcript:
        with episode.transcript.open("rb") as handle:
            cues = transcripts.cues(handle.read().decode("utf-8-sig", errors="replace"))
    return render(
        request,
        "podcast/episode.html",
        {
            "episode": episode,
            "show": episode.show,
            "cues": cues,
            "chapters": list(episode.chapters.all()),
            "people": list(episode.people.all()),
            "canonical_url": canonical,
            "json_ld": schema_org.episode_json_ld(episode, agency, canonical),
        },
    )


def _read_range(field, start: int, end: int):
    with field.open("rb") as handle:
        handle.seek(start)
        remaining = end - start + 1
        while remaining > 0:
            data = handle.read(min(CHUNK, remaining))
            if not data:
                break
            remaining -= len(data)
            yield data


@require_safe
def audio(request: HttpRequest, show_slug: str, slug: str, extension: str) -> HttpResponse:
    episode = _episode(request, show_slug, slug)
    size = episode.audio.size
    try:
        byte_range = parse_range(request.headers.get("Range"), size)
    except Unsatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    start, end = byte_range or (0, size - 1)
    body = _read_range(episode.audio, start, end) if request.method == "GET" else iter(())
    response = StreamingHttpResponse(
        body, status=206 if byte_range else 200, content_type=episode.audio_type
    )
    response["Content-Length"] = str(end - start + 1)
    response["Accept-Ranges"] = "bytes"
    if byte_range:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
def transcript(request: HttpRequest, show_slug: str, slug: str) -> HttpResponse:
    episode = _episode(request, show_slug, slug)
    if not episode.transcript:
        raise Http404
    with episode.transcript.open("rb") as handle:
        content = handle.read()
    content_type = episode.transcript_type or "text/plain"
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def show_absolute(show) -> Callable[[str], str]:
    """`path -> absolute URL` on the public address of the show's agency."""
    return partial(absolute_url_for_agency_id, show.agency_id)


@require_safe
def chapters(request: HttpRequest, show_slug: str, slug: str) -> JsonResponse:
    episode = _episode(request, show_slug, slug)
    chapters_data = chapters_json(episode, show_absolute(episode.show))
    response = JsonResponse(chapters_data, content_type="application/json+chapters")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def feed(request: HttpRequest, show_slug: str) -> HttpResponse:
    show = _show(request, show_slug)
    episodes = selectors.episode_list(show.agency, show).prefetch_related("people", "chapters")
    absolute = show_absolute(show)
    guid = show.ensure_guid(absolute(show.feed_url()))
    xml = build_feed(show, episodes, absolute, str(guid))
    return HttpResponse(xml, content_type="application/rss+xml; charset=utf-8")
