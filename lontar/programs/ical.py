"""The agenda as an iCalendar feed, so citizens can subscribe in their calendar app."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from icalendar import Calendar
from icalendar import Event as ICalEvent


def agenda_calendar(agency, events, *, base_url: str, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Lontar//Agenda//ID")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", agency.time_zone)
    zone = ZoneInfo(agency.time_zone)
    host = base_url.split("//", 1)[-1].rstrip("/")
    for event in events:
        entry = ICalEvent()
        entry.add("uid", f"agenda-{event.pk}@{host}")
        entry.add("summary", event.title)
        entry.add("dtstart", event.starts_at.astimezone(zone))
        if event.ends_at:
            entry.add("dtend", event.ends_at.astimezone(zone))
        entry.add("dtstamp", event.starts_at)
        if event.place:
            entry.add("location", event.place)
        if event.description:
            entry.add("description", event.description)
        entry.add("categories", [event.get_category_display()])
        entry.add("url", base_url.rstrip("/") + event.get_absolute_url())
        calendar.add_component(entry)
    return calendar.to_ical()
