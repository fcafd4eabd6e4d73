"""Fixtures of the SKM tests: a service unit and an open period for each persona agency."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache

from lontar.survey.models import SurveyPeriod, SurveyUnit
from lontar.survey.selectors import today_for


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The submission limit lives in the cache; every test starts with none counted.
    cache.clear()
    yield
    cache.clear()


def make_period(agency, *, unit_name="Layanan Informasi Publik (PPID)", slug="ppid", **kwargs):
    unit, _ = SurveyUnit.objects.get_or_create(
        agency=agency, slug=slug, defaults={"name": unit_name}
    )
    today = today_for(agency)
    values = {
        "name": "Triwulan I",
        "kind": SurveyPeriod.Kind.QUARTER,
        "starts_on": today - timedelta(days=30),
        "ends_on": today + timedelta(days=60),
        "is_open": True,
        "population": 100,
    }
    values.update(kwargs)
    return SurveyPeriod.objects.create(agency=agency, unit=unit, **values)


@pytest.fixture
def period_a(agency_a):
    return make_period(agency_a)


@pytest.fixture
def period_b(agency_b):
    return make_period(agency_b, unit_name="Layanan Perizinan", slug="perizinan")
