"""The agency's agenda out and back in (`core/portability.py`): every event with its time,
place, audience and registration link, the report article and documents linked to it."""

from __future__ import annotations

from django.db import transaction
from django.utils.dateparse import parse_datetime

from lontar.core.portability import (
    Bundle,
    Portable,
    plain_fields,
    register_portable,
    set_plain_fields,
)
from lontar.programs.models import Event
from lontar.programs.selectors import all_events

KEY = "events"


def export(agency, bundle: Bundle) -> int:
    rows = [
        {
            "id": event.pk,
            **plain_fields(event),
            "report": event.report_id,
            "documents": sorted(d.pk for d in event.documents.all()),
        }
        for event in all_events(agency).prefetch_related("documents").order_by("pk")
    ]
    return bundle.write(KEY, rows)


@transaction.atomic
def load(agency, bundle: Bundle) -> int:
    rows = bundle.read(KEY)
    for row in rows:
        starts_at = parse_datetime(row.get("starts_at") or "")
        existing = Event.objects.filter(agency=agency, title=row["title"])
        event = (existing.filter(starts_at=starts_at).first() if starts_at else None) or Event(
            agency=agency
        )
        set_plain_fields(event, row)
        event.report_id = bundle.new_id("page", row.get("report"))
        event.save()
        documents = [bundle.new_id("document", pk) for pk in row.get("documents") or []]
        event.documents.set([pk for pk in documents if pk])
    return len(rows)


register_portable(Portable(KEY, "Agenda", 70, export, load))
