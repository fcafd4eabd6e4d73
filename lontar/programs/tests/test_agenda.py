"""The agenda: upcoming and past events in the agency's time, and its iCalendar feeds."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from lontar.programs.models import Event
from lontar.programs.tests.helpers import event

pytestmark = pytest.mark.django_db


def test_agenda_lists_upcoming_and_past_events_in_the_agency_time_zone(
    client, agency_a, django_assert_max_num_queries
):
    agency_a.time_zone = "Asia/Jakarta"
    agency_a.save()
    event(agency_a, when=datetime(2030, 11, 18, 9, 0, tzinfo=ZoneInfo("Asia/Makassar")))
    event(
        agency_a,
        title="Seleksi Terbuka JPT",
        when=timezone.now() - timedelta(days=30),
        category=Event.Category.SELECTION,
    )
    for n in range(3):
        event(agency_a, title=f"Hari Layanan {n}", when=timezone.now() + timedelta(days=n + 1))

    with django_assert_max_num_queries(6):  # + the serta merta banner, cached once warm
        response = client.get("/agenda/")

    html = response.content.decode()
    upcoming, past = html.split("Telah berlangsung", 1)
    assert "Sosialisasi Manajemen Talenta ASN" in upcoming
    assert "Seleksi Terbuka JPT" in past
    assert "08.00" in upcoming  # 09.00 WITA is 08.00 WIB
    assert "WIB" in upcoming


def test_agenda_can_be_narrowed_to_a_category(client, agency_a):
    event(agency_a)
    event(agency_a, title="Seleksi Terbuka JPT", category=Event.Category.SELECTION)

    html = client.get("/agenda/?kategori=seleksi").content.decode()
    assert "Seleksi Terbuka JPT" in html
    assert "Sosialisasi Manajemen Talenta ASN" not in html
    assert "/agenda/kalender/seleksi.ics" in html


def test_event_page_shows_place_audience_and_registration(client, agency_a):
    item = event(agency_a, registration_url="https://daftar.example.go.id/talenta")

    html = client.get(f"/agenda/{item.pk}/").content.decode()
    assert "Aula Rumah Jabatan Gubernur" in html
    assert "Pejabat pengelola kepegawaian" in html
    assert "https://daftar.example.go.id/talenta" in html


def test_other_agencies_events_stay_on_their_site(client, agency_a, agency_b):
    other = event(agency_b, title="Rapat Dinas B")

    assert "Rapat Dinas B" not in client.get("/agenda/").content.decode()
    assert client.get(f"/agenda/{other.pk}/").status_code == 404
    assert b"Rapat Dinas B" not in client.get("/agenda/kalender.ics").content


def _calendar(response) -> Calendar:
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_ical_feed_of_the_agency_parses_with_times_and_places(client, agency_a):
    event(agency_a)

    calendar = _calendar(client.get("/agenda/kalender.ics"))

    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Sosialisasi Manajemen Talenta ASN"
    assert str(entry["LOCATION"]) == "Aula Rumah Jabatan Gubernur"
    start = entry.decoded("DTSTART")
    assert start == datetime(2030, 11, 18, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    assert str(entry["URL"]).endswith(f"/agenda/{Event.objects.get().pk}/")


def test_ical_feed_per_category(client, agency_a):
    event(agency_a)
    event(agency_a, title="Seleksi Terbuka JPT", category=Event.Category.SELECTION)

    calendar = _calendar(client.get("/agenda/kalender/seleksi.ics"))

    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Seleksi Terbuka JPT"]
    assert client.get("/agenda/kalender/tidak-ada.ics").status_code == 404


def test_past_event_links_to_its_report_article(client, agency_a):
    from lontar.news.tests.helpers import article, news_index

    report = article(news_index(agency_a), "Mengenal manajemen talenta ASN daerah")
    item = event(agency_a, when=timezone.now() - timedelta(days=3), report=report)

    agenda = client.get("/agenda/").content.decode()
    detail = client.get(f"/agenda/{item.pk}/").content.decode()

    assert f'href="{report.url}"' in agenda
    assert "Baca laporan kegiatan: Mengenal manajemen talenta ASN daerah" in detail
