"""The statistics page equals the figures recomputed here from the records themselves."""

from __future__ import annotations

import csv
import io
import statistics
from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import staff_member
from lontar.core.audit import Actor
from lontar.core.calendar import WorkingCalendar
from lontar.objections import services as objection_services
from lontar.objections.tests.helpers import WITA, file_objection
from lontar.ppid.models import InformationRequest
from lontar.ppid.services import Answer, answer_request
from lontar.ppid.tests.helpers import make_request
from lontar.ppidstats.figures import ObjectionFact, RequestFact, compute

pytestmark = pytest.mark.django_db

CAL = WorkingCalendar()


def test_working_days_median_and_on_time_share_from_plain_facts():
    facts = [
        RequestFact(
            date(2026, 10, 5), "web", "diberikan", "", date(2026, 10, 7), date(2026, 10, 19)
        ),
        RequestFact(
            date(2026, 10, 5),
            "surat",
            "ditolak",
            "Pasal 17 huruf h",
            date(2026, 10, 23),
            date(2026, 10, 19),
        ),
        RequestFact(date(2026, 11, 2), "web", "", "", None, date(2026, 11, 16)),
    ]
    objections = [ObjectionFact(("a",), "menguatkan", True, "")]
    figures = compute(2026, facts, objections, CAL)
    assert figures.total == 3 and figures.per_month[9] == 2 and figures.per_month[10] == 1
    assert figures.by_channel == {"web": 2, "surat": 1}
    assert figures.answered == 2 and figures.open == 1
    assert figures.average_days == 8.0 and figures.median_days == 8.0  # 2 and 14 working days
    assert figures.on_time_share == 50.0
    assert figures.by_refusal_ground == {"Pasal 17 huruf h": 1}
    assert figures.disputes == 1 and figures.dispute_outcomes == {"berjalan": 1}


def _world(agency, officer):
    """Five requests received and answered at chosen moments, two objections."""
    atasan = staff_member(agency, Role.PPID_SUPERIOR, username="atasan-a")
    plan = [  # (received, answered after so many calendar days, decision, channel)
        (datetime(2026, 3, 2, 9, tzinfo=WITA), 3, "diberikan", "web"),
        (datetime(2026, 3, 9, 9, tzinfo=WITA), 20, "ditolak", "surat"),
        (datetime(2026, 6, 1, 9, tzinfo=WITA), 1, "sebagian", "web"),
        (datetime(2026, 8, 3, 9, tzinfo=WITA), 8, "ditolak", "langsung"),
        (datetime(2026, 10, 5, 9, tzinfo=WITA), None, "", "web"),
    ]
    refused = None
    for received, after, decision, channel in plan:
        request, _ = make_request(agency, received_at=received)
        InformationRequest.objects.filter(pk=request.pk).update(channel=channel)
        request.channel = channel  # the answer saves the whole row
        if after is None:
            continue
        with time_machine.travel(received + timedelta(days=after), tick=False):
            answer_request(
                request,
                answer=Answer(
                    decision=decision,
                    material_given="Salinan" if decision != "ditolak" else "",
                    refusal_ground="Pasal 17 huruf h" if decision != "diberikan" else "",
                    consequence_test="Membuka data merugikan orang yang bersangkutan lebih besar.",
                    redaction_note="Nama dihitamkan." if decision == "sebagian" else "",
                ),
                by=officer,
            )
        if decision == "ditolak":
            refused = request
    first, _ = file_objection(agency, refused, received_at=datetime(2026, 8, 20, 9, tzinfo=WITA))
    file_objection(agency, None, grounds=["b"], received_at=datetime(2026, 9, 1, 9, tzinfo=WITA))
    with time_machine.travel(datetime(2026, 9, 10, 10, tzinfo=WITA), tick=False):
        objection_services.answer_objection(
            first,
            objection_services.Answer("menguatkan", "Penolakan sudah tepat.", "Budi", "Sekda"),
            actor=Actor(user=atasan),
        )
    objection_services.record_dispute_step(
        first, objection_services.Step("diajukan", date(2026, 9, 20)), actor=Actor(user=officer)
    )


def _recount(agency):
    """The figures counted again straight from the rows, without the app's code."""
    rows = InformationRequest.objects.filter(agency=agency, year=2026)
    answered = [r for r in rows if r.answered_at]
    days = []
    on_time = 0
    for r in answered:
        got = r.answered_at.astimezone(WITA).date()
        start = r.received_at.astimezone(WITA).date()
        days.append(CAL.working_days_between(start, got))
        on_time += got <= r.current_due
    return {
        "total": rows.count(),
        "answered": len(answered),
        "average": round(statistics.fmean(days), 1),
        "median": float(statistics.median(days)),
        "on_time": round(100 * on_time / len(answered), 1),
    }


def test_the_page_and_the_csv_match_an_independent_count(client, agency_a, ppid_officer_a):
    _world(agency_a, ppid_officer_a)
    expected = _recount(agency_a)
    client.get("/ppid/statistik/?tahun=2026")  # warm the navigation cache
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/ppid/statistik/?tahun=2026").content.decode()
    assert len(queries) <= 12, [q["sql"][:80] for q in queries.captured_queries]
    assert f'data-figure="total">{expected["total"]}<' in page
    assert f'data-figure="answered">{expected["answered"]}<' in page
    shown = {k: str(v).replace(".", ",") for k, v in expected.items()}  # Indonesian decimals
    assert f'data-figure="average">{shown["average"]}<' in page
    assert f'data-figure="median">{shown["median"]}<' in page
    assert f'data-figure="on-time">{shown["on_time"]}%<' in page
    assert 'data-figure="objections">2<' in page and 'data-figure="disputes">1<' in page
    assert "<svg" in page and "<script" not in page
    rows = list(
        csv.reader(io.StringIO(client.get("/ppid/statistik.csv?tahun=2026").content.decode()))
    )
    table = {(r[0], r[1]): r[2] for r in rows[1:]}
    assert table[("Ringkasan", "Jumlah permohonan")] == str(expected["total"])
    assert table[("Ringkasan", "Dijawab tepat waktu (%)")] == str(expected["on_time"])
    assert table[("Permohonan per bulan", "Mar")] == "2"
    assert table[("Permohonan per saluran", "Surat")] == "1"
    assert table[("Alasan penolakan", "Pasal 17 huruf h")] == "3"


def test_another_year_and_junk_years(client, agency_a):
    assert 'data-figure="total">0<' in client.get("/ppid/statistik/?tahun=2019").content.decode()
    assert client.get("/ppid/statistik/?tahun=dua-ribu").status_code == 400
