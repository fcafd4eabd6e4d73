"""Programs and agenda events are found by the site search (/cari/)."""

from __future__ import annotations

import pytest

from lontar.programs.tests.helpers import event, program
from lontar.search.registry import SOURCES

pytestmark = pytest.mark.django_db


def test_programs_of_the_agency_are_searchable(agency_a, agency_b):
    found = program(agency_a, name="Program Kepegawaian Daerah")
    program(agency_b, name="Program Kepegawaian Dinas B")
    source = SOURCES["program"]

    results = list(source.queryset_for_agency(agency_a).search("kepegawaian"))

    assert results == [found]
    assert source.url_of(found, None) == f"/program/{found.pk}/"
    assert source.date_of(found).year == 2025


def test_events_of_the_agency_are_searchable(agency_a, agency_b):
    found = event(agency_a)
    event(agency_b)
    source = SOURCES["agenda"]

    results = list(source.queryset_for_agency(agency_a).search("talenta"))

    assert results == [found]
    assert source.url_of(found, None) == f"/agenda/{found.pk}/"
