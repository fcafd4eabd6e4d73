"""The agenda in open data: the content-API source /api/v1/events/ (see
regulations/opendata.py)."""

from __future__ import annotations

from lontar.core.public_urls import absolute_url_for_agency_id
from lontar.opendata.content_api import ContentFilter, ContentSource, register_content
from lontar.programs.selectors import all_events


def _event_json(event, request) -> dict:
    return {
        "id": event.pk,
        "title": event.title,
        "category": event.category,
        "starts_at": event.starts_at.isoformat(),
        "ends_at": event.ends_at.isoformat() if event.ends_at else None,
        "place": event.place,
        "audience": event.audience,
        "registration_url": event.registration_url or None,
        "url": absolute_url_for_agency_id(event.agency_id, event.get_absolute_url(), request),
    }


register_content(
    ContentSource(
        key="events",
        title="Agenda",
        queryset_for_agency=all_events,
        serialize=_event_json,
        modified_of=lambda event: None,
        fields={
            "id": "integer",
            "title": "string",
            "category": "string",
            "starts_at": "string",
            "ends_at": "string|null",
            "place": "string",
            "audience": "string",
            "registration_url": "string|null",
            "url": "string",
        },
        filters=[
            ContentFilter("category", "Kategori", lambda qs, v: qs.filter(category=v)),
            ContentFilter(
                "date_from",
                "Mulai sejak (TTTT-BB-HH)",
                lambda qs, v: qs.filter(starts_at__date__gte=v),
                type="date",
            ),
        ],
    )
)
