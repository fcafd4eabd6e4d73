"""The agenda as an iCalendar feed (RFC 5545), so citizens can subscribe in their calendar app.

What calendar apps need beyond "it parses":
- every `TZID` a time refers to is defined by a `VTIMEZONE` in the same file (RFC 5545 §3.6.5;
  Outlook and some phone apps otherwise fall back to UTC or refuse the event);
- `DTSTAMP` is when this file was made (§3.8.7.2), in UTC;
- a `UID` names the event, not the address it was fetched from: the same event fetched through
  another host name or port must stay one event in the subscriber's calendar;
- a calendar without events still has one component (§3.6 requires `1*component`): the
  agency's `VTIMEZONE` is always written.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar, Timezone
from icalendar import Event as ICalEvent

# The right-hand side of every UID: fixed, so UIDs never follow the request's host.
UID_DOMAIN = "agenda.lontar"


def event_uid(agency, event) -> str:
    """Stable across host names and ports: the event's id within its agency."""
    return f"event-{event.pk}.{agency.slug}@{UID_DOMAIN}"


def agenda_calendar(
    agency, events, *, base_url: str, name: str, now: datetime | None = None
) -> bytes:
    """`base_url` only builds the events' `URL`s; nothing else depends on the request."""
    stamp = (now or timezone.now()).astimezone(ZoneInfo("UTC"))
    zone = ZoneInfo(agency.time_zone)
    calendar = Calendar()
    calendar.add("prodid", "-//Lontar//Agenda//ID")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", agency.time_zone)
    # First component, so an empty agenda is still a valid calendar.
    calendar.add_component(Timezone.from_tzid(agency.time_zone))
    for event in events:
        entry = ICalEvent()
        entry.add("uid", event_uid(agency, event))
        entry.add("dtstamp", stamp)
        entry.add("summary", event.title)
        entry.add("dtstart", event.starts_at.astimezone(zone))
        if event.ends_at:
            entry.add("dtend", event.ends_at.astimezone(zone))
        if event.place:
            entry.add("location", event.place)
        if event.description:
            entry.add("description", event.description)
        entry.add("categories", [event.get_category_display()])
        entry.add("url", base_url.rstrip("/") + event.get_absolute_url())
        calendar.add_component(entry)
    # Only the agency's zone is used today; this keeps the rule if another TZID ever appears.
    calendar.add_missing_timezones()
    return calendar.to_ical()
