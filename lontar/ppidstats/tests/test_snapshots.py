"""Stored year figures (issue 22): always equal to a recount, and a visit costs the same number
of queries whatever the number of requests."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lontar.agencies.models import WorkingDayOverride
from lontar.objections.tests.helpers import WITA
from lontar.ppid.models import InformationRequest
from lontar.ppid.services import Answer, answer_request
from lontar.ppid.tests.helpers import make_request
from lontar.ppidstats import snapshots
from lontar.ppidstats.models import YearFigures

pytestmark = pytest.mark.django_db


def _requests(agency, count: int, start: int = 0) -> list[InformationRequest]:
    made = []
    for i in range(start, start + count):
        received = datetime(2026, 1 + i % 10, 2 + i % 20, 9, tzinfo=WITA)
        made.append(make_request(agency, received_at=received)[0])
    return made


def _answer(request, officer, after_days: int, decision: str = "diberikan") -> None:
    with time_machine.travel(request.received_at + timedelta(days=after_days), tick=False):
        answer_request(
            request,
            answer=Answer(
                decision=decision,
                material_given="Salinan" if decision != "ditolak" else "",
                refusal_ground="Pasal 17 huruf h" if decision == "ditolak" else "",
                consequence_test="Membuka data merugikan orang yang bersangkutan lebih besar."
                if decision == "ditolak"
                else "",
            ),
            by=officer,
        )


def _same(agency) -> None:
    shown = snapshots.to_payload(snapshots.year_figures(agency, 2026))
    assert shown == snapshots.to_payload(snapshots.recount(agency, 2026))


def test_stored_figures_equal_a_recount_after_every_kind_of_change(agency_a, ppid_officer_a):
    first, second, third = _requests(agency_a, 3)
    _same(agency_a)  # stored now
    assert YearFigures.objects.get(agency=agency_a, year=2026).payload["total"] == 3
    _answer(first, ppid_officer_a, 3)
    _same(agency_a)
    _answer(second, ppid_officer_a, 25, "ditolak")
    _same(agency_a)
    # A closure the agency declares changes the working days counted, not any request.
    WorkingDayOverride.objects.create(
        agency=agency_a,
        day=first.received_at.date() + timedelta(days=1),
        kind=WorkingDayOverride.Kind.CLOSED,
        reason="Banjir",
    )
    _same(agency_a)
    third.delete()
    _same(agency_a)
    assert snapshots.year_figures(agency_a, 2026).total == 2


def test_a_change_committed_while_counting_is_not_hidden(agency_a, monkeypatch):
    _requests(agency_a, 2)
    real = snapshots.recount

    def recount_then_a_request_arrives(agency, year, calendar=None):
        figures = real(agency, year, calendar)
        _requests(agency, 1, start=5)  # commits and bumps the generation meanwhile
        return figures

    monkeypatch.setattr(snapshots, "recount", recount_then_a_request_arrives)
    assert snapshots.year_figures(agency_a, 2026).total == 2  # what it counted
    monkeypatch.setattr(snapshots, "recount", real)
    assert snapshots.year_figures(agency_a, 2026).total == 3  # not the stale count


def test_the_worker_recounts_stale_years(agency_a):
    _requests(agency_a, 2)
    snapshots.year_figures(agency_a, 2026)
    _requests(agency_a, 1, start=2)
    assert snapshots.refresh_stale() == 1
    row = YearFigures.objects.get(agency=agency_a, year=2026)
    assert row.computed_generation == row.generation and row.payload["total"] == 3
    assert snapshots.refresh_stale() == 0


def _page_queries(client) -> int:
    client.get("/ppid/statistik/?tahun=2026")  # stores the figures, warms the navigation
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/ppid/statistik/?tahun=2026")
    assert response.status_code == 200
    return len(queries)


def test_the_page_costs_the_same_queries_at_n_and_3n_requests(client, agency_a, ppid_officer_a):
    made = _requests(agency_a, 4)
    _answer(made[0], ppid_officer_a, 2)
    small = _page_queries(client)
    made = _requests(agency_a, 8, start=4)
    _answer(made[0], ppid_officer_a, 2)
    assert _page_queries(client) == small
    page = client.get("/ppid/statistik/?tahun=2026").content.decode()
    assert 'data-figure="total">12<' in page and 'data-figure="answered">2<' in page


def test_a_year_without_requests_is_all_zero(agency_a):
    figures = snapshots.year_figures(agency_a, 2019)
    assert figures.total == 0 and figures.average_days is None
    assert snapshots.from_payload(snapshots.to_payload(figures)) == figures
    assert date(2019, 1, 1).year == figures.year
