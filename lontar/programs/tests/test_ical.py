"""The agenda's iCal feed as two independent consumers read it: `icalendar` (the parser most
Python calendar tools use) and `recurring-ical-events` (which expands a calendar into the
occurrences a calendar app would show, resolving every TZID through the file's VTIMEZONEs)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
import recurring_ical_events
import time_machine
from icalendar import Calendar

from lontar.programs.tests.helpers import WITA, event

pytestmark = pytest.mark.django_db

FEEDS = ["/agenda/kalender.ics", "/agenda/kalender/seleksi.ics"]


def _tzids(raw: str) -> set[str]:
    unfolded = raw.replace("\r\n ", "")
    return set(re.findall(r";TZID=([^:;]+)[:;]", unfolded))


def _check_rfc5545_shape(raw: bytes) -> Calendar:
    calendar = Calendar.from_ical(raw)
    assert calendar.name == "VCALENDAR"
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])
    assert calendar.subcomponents, "RFC 5545 §3.6: a calendar has at least one component"
    defined = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    assert _tzids(raw.decode()) <= defined
    for entry in calendar.walk("VEVENT"):
        assert entry.get("UID") and entry.get("DTSTAMP") and entry.get("DTSTART")
    return calendar


def test_every_tzid_has_its_vtimezone_and_a_second_consumer_reads_the_times(client, agency_a):
    agency_a.time_zone = "Asia/Makassar"
    agency_a.save()
    event(agency_a, when=datetime(2030, 11, 18, 9, 0, tzinfo=WITA))

    raw = client.get("/agenda/kalender.ics").content
    calendar = _check_rfc5545_shape(raw)

    assert _tzids(raw.decode()) == {"Asia/Makassar"}
    [occurrence] = recurring_ical_events.of(calendar).at(date(2030, 11, 18))
    start = occurrence.decoded("DTSTART")
    assert start.astimezone(UTC) == datetime(2030, 11, 18, 1, 0, tzinfo=UTC)
    assert str(occurrence["SUMMARY"]) == "Sosialisasi Manajemen Talenta ASN"


def test_dtstamp_is_when_the_feed_was_made(client, agency_a):
    event(agency_a, when=datetime(2030, 11, 18, 9, 0, tzinfo=WITA))

    with time_machine.travel(datetime(2026, 3, 2, 4, 5, 6, tzinfo=UTC), tick=False):
        first = Calendar.from_ical(client.get("/agenda/kalender.ics").content)
    with time_machine.travel(datetime(2026, 3, 3, 4, 5, 6, tzinfo=UTC), tick=False):
        second = Calendar.from_ical(client.get("/agenda/kalender.ics").content)

    [entry] = first.walk("VEVENT")
    assert entry.decoded("DTSTAMP") == datetime(2026, 3, 2, 4, 5, 6, tzinfo=UTC)
    assert second.walk("VEVENT")[0].decoded("DTSTAMP") == datetime(2026, 3, 3, 4, 5, 6, tzinfo=UTC)


def test_uids_do_not_depend_on_the_host_or_port(client, agency_a, settings):
    event(agency_a)
    settings.ALLOWED_HOSTS = ["*"]
    site = agency_a.site
    urls = []
    for host in (f"{site.hostname}", f"{site.hostname}:8123"):
        calendar = Calendar.from_ical(client.get("/agenda/kalender.ics", HTTP_HOST=host).content)
        urls.append([str(e["UID"]) for e in calendar.walk("VEVENT")])
    assert urls[0] == urls[1] and len(urls[0]) == 1
    assert "testserver" not in urls[0][0] and site.hostname not in urls[0][0]


@pytest.mark.parametrize("url", FEEDS)
def test_an_agenda_without_events_is_still_a_valid_calendar(client, agency_a, url):
    raw = client.get(url).content
    calendar = _check_rfc5545_shape(raw)
    assert calendar.walk("VEVENT") == []
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [agency_a.time_zone]
    assert recurring_ical_events.of(calendar).between(date(2020, 1, 1), date(2040, 1, 1)) == []
