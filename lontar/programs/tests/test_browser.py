"""A visitor opens a program, reads its indicators, opens the agenda and subscribes to the
agenda's iCalendar feed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from lontar.programs.tests.helpers import event, indicator, program

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def wagtail_roots(transactional_db):
    """An earlier transactional test's flush removes the tree roots Wagtail's migrations made."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root")


def test_visitor_reads_a_program_then_subscribes_to_the_agenda(
    wagtail_roots, browser_page, agency_a
):
    prog = program(agency_a, name="Program Kepegawaian Daerah")
    indicator(prog, name="ASN yang mengikuti pelatihan")
    program(agency_a, name="Program Penunjang Urusan")
    event(agency_a, when=timezone.now() + timedelta(days=7))
    page = browser_page

    page.goto("/program/")
    page.get_by_role("link", name="Program Kepegawaian Daerah").click()
    page.wait_for_url(f"**/program/{prog.pk}/")
    assert page.get_by_role("heading", name="ASN yang mengikuti pelatihan").is_visible()
    bar = page.get_by_role("img", name="ASN yang mengikuti pelatihan: 50 persen tercapai")
    assert bar.count() == 1
    assert page.get_by_role("row", name="Triwulan II 100 110").count() == 1

    page.get_by_role("link", name="Lihat agenda kegiatan").click()
    page.wait_for_url("**/agenda/")
    assert page.get_by_role("link", name="Sosialisasi Manajemen Talenta ASN").is_visible()
    feed_url = page.get_by_role("link", name="semua agenda").get_attribute("href")
    response = page.request.get(feed_url)

    assert response.ok
    calendar = Calendar.from_ical(response.body())
    titles = [str(entry["SUMMARY"]) for entry in calendar.walk("VEVENT")]
    assert titles == ["Sosialisasi Manajemen Talenta ASN"]
