"""The writing-culture dashboard loads a chosen agency only through get_agency_for_staff, and
counts the month in the agency's own time zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from lontar.news import culture
from lontar.news.admin_views import get_agency_for_staff

pytestmark = pytest.mark.django_db

URL = "/admin/berita/budaya-menulis/"


def test_staff_load_only_agencies_they_manage(agency_a, agency_b, editor_b, platform_admin):
    assert get_agency_for_staff(platform_admin, agency_a.pk) == agency_a
    assert get_agency_for_staff(editor_b, agency_b.pk) == agency_b
    with pytest.raises(Http404):
        get_agency_for_staff(editor_b, agency_a.pk)
    with pytest.raises(Http404):
        get_agency_for_staff(platform_admin, 987654)


def test_a_citizen_is_refused(agency_a, citizen):
    with pytest.raises(PermissionDenied):
        get_agency_for_staff(citizen, agency_a.pk)


def test_the_dashboard_answers_404_for_an_unknown_agency_and_400_for_junk(
    client, agency_a, platform_admin
):
    client.force_login(platform_admin)

    assert client.get(URL, {"instansi": agency_a.pk}).status_code == 200
    assert client.get(URL, {"instansi": 987654}).status_code == 404
    assert client.get(URL, {"instansi": "abc"}).status_code == 400


def test_the_month_is_the_agencys(agency_a):
    agency_a.time_zone = "Asia/Jayapura"
    # 31 March, 23:30 in Jakarta is already 1 April in Jayapura: April has begun there.
    now = dt.datetime(2026, 3, 31, 23, 30, tzinfo=ZoneInfo("Asia/Jakarta"))

    report = culture.culture_of(agency_a, "bulan", now=now)

    assert report.since == dt.date(2026, 4, 1)
