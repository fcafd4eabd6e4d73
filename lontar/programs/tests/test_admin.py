"""Staff manage only their own agency's programs, events and documents in the admin."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from lontar.programs.tests.helpers import event, program

pytestmark = pytest.mark.django_db


def _grant(user, *codenames: str) -> None:
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="programs", codename__in=codenames)
    )


def test_admin_of_b_sees_only_own_programs_and_is_refused_others(
    client, agency_a, agency_b, agency_admin_b
):
    _grant(agency_admin_b, "view_program", "change_program", "add_program")
    mine = program(agency_b, name="Program Dinas B")
    theirs = program(agency_a, name="Program BKD A")
    client.force_login(agency_admin_b)

    listing = client.get(reverse("wagtailsnippets_programs_program:list")).content.decode()
    assert mine.name in listing
    assert theirs.name not in listing
    edit = reverse("wagtailsnippets_programs_program:edit", args=[theirs.pk])
    assert client.get(edit).status_code == 404  # another agency's record is not confirmed
    own_edit = reverse("wagtailsnippets_programs_program:edit", args=[mine.pk])
    assert client.get(own_edit).status_code == 200


def test_admin_of_b_cannot_open_agency_a_event(client, agency_a, agency_b, agency_admin_b):
    _grant(agency_admin_b, "view_event", "change_event")
    theirs = event(agency_a)
    client.force_login(agency_admin_b)

    response = client.get(reverse("wagtailsnippets_programs_event:edit", args=[theirs.pk]))
    assert response.status_code == 404


def test_platform_admin_can_add_a_program_with_indicators(client, agency_a, platform_admin):
    client.force_login(platform_admin)
    url = reverse("wagtailsnippets_programs_program:add")
    data = {
        "agency": agency_a.pk,
        "year": 2026,
        "level": "program",
        "code": "5.03.02",
        "name": "Program Kepegawaian Daerah",
        "goal": "",
        "status": "rencana",
        "budget": "1000000",
        "budget_realised": "0",
        "indicators-TOTAL_FORMS": "1",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "1000",
        "indicators-0-name": "Dokumen analisis jabatan",
        "indicators-0-measure_unit": "dokumen",
        "indicators-0-target": "12",
        "indicators-0-realised_q1": "3",
        "indicators-0-cumulative": "on",
        "indicators-0-ORDER": "1",
    }

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    created = agency_a.programs.get(name="Program Kepegawaian Daerah")
    assert created.indicators.get().progress.percent == 25
