"""Filing, answering and the dispute record: numbering, the clock, the workflow, the audit."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import staff_member
from lontar.core.audit import Actor, events_for
from lontar.objections import clock, services
from lontar.objections.states import Status
from lontar.objections.tests.helpers import WITA, file_objection, refused_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def atasan_a(agency_a):
    return staff_member(agency_a, Role.PPID_SUPERIOR, username="atasan-a")


def upheld(objection, atasan):
    services.answer_objection(
        objection,
        services.Answer("menguatkan", "Penolakan sudah sesuai Pasal 17 huruf h.", "Budi", "Sekda"),
        actor=Actor(user=atasan),
    )


def test_objections_are_numbered_per_agency_and_year_and_due_in_30_working_days(
    agency_a, ppid_officer_a
):
    request, _code = refused_request(agency_a, ppid_officer_a)
    first, code = file_objection(agency_a, request)
    second, _ = file_objection(agency_a, request)
    assert first.number.startswith("0001/KEB-BKD-A/X/2026")
    assert second.number.startswith("0002/")
    assert len(code) == 8 and code not in first.tracking_code_hash
    assert first.answer_due == date(2026, 11, 16)  # 30 working days after Monday 5 October
    assert "30 hari kerja" in clock.answer_deadline(first).explanation


def test_ground_b_alone_needs_no_request_but_other_grounds_do(agency_a):
    alone, _ = file_objection(agency_a, None, grounds=["b"])
    assert alone.information_request is None
    with pytest.raises(ValidationError, match="memerlukan nomor pendaftaran"):
        file_objection(agency_a, None, grounds=["b", "c"])


def test_a_request_of_another_agency_cannot_be_objected_to_here(agency_a, agency_b, ppid_officer_b):
    request, _ = refused_request(agency_b, ppid_officer_b)
    with pytest.raises(ValidationError):
        file_objection(agency_a, request)


def test_only_the_atasan_ppid_answers_once_and_it_is_audited(agency_a, ppid_officer_a, atasan_a):
    request, _ = refused_request(agency_a, ppid_officer_a)
    objection, _ = file_objection(agency_a, request)
    assert "answer" not in services.allowed_actions(objection, ppid_officer_a)
    assert "answer" in services.allowed_actions(objection, atasan_a)
    with pytest.raises(PermissionDenied):
        upheld(objection, ppid_officer_a)
    upheld(objection, atasan_a)
    objection.refresh_from_db()
    assert objection.status == Status.ANSWERED and objection.superior_name == "Budi"
    with pytest.raises(ValidationError, match="sudah ditanggapi"):
        upheld(objection, atasan_a)
    event = events_for(objection).get(action="objections.answer")
    assert event.actor == atasan_a
    assert event.changes["answer_text"] == ["[disamarkan]", "[disamarkan]"]
    assert "Maria" not in str(event.changes)


def test_an_upheld_refusal_opens_the_dispute_window_from_the_answer(
    agency_a, ppid_officer_a, atasan_a
):
    request, _ = refused_request(agency_a, ppid_officer_a)
    objection, _ = file_objection(agency_a, request)
    with time_machine.travel(datetime(2026, 10, 12, 10, 0, tzinfo=WITA), tick=False):
        upheld(objection, atasan_a)
        window = clock.dispute_for(objection)
    assert window is not None and window.reason == "upheld"
    assert window.due == date(2026, 10, 30)


def test_no_answer_in_time_opens_the_dispute_window_too(agency_a, ppid_officer_a):
    request, _ = refused_request(agency_a, ppid_officer_a)
    objection, _ = file_objection(agency_a, request)
    assert clock.dispute_for(objection, today=date(2026, 11, 16)) is None
    window = clock.dispute_for(objection, today=date(2026, 11, 17))
    assert window is not None and window.reason == "unanswered"


def test_officers_record_the_dispute_stages_and_its_outcome(agency_a, ppid_officer_a, atasan_a):
    request, _ = refused_request(agency_a, ppid_officer_a)
    objection, _ = file_objection(agency_a, request)
    upheld(objection, atasan_a)
    actor = Actor(user=ppid_officer_a)
    services.record_dispute_step(
        objection, services.Step("diajukan", date(2026, 10, 20), "REG/1/KI"), actor=actor
    )
    services.record_dispute_step(
        objection,
        services.Step("mediasi", date(2026, 10, 27), outcome="mediasi_sepakat"),
        actor=actor,
    )
    objection.refresh_from_db()
    assert objection.status == Status.CLOSED
    assert objection.dispute_outcome == "mediasi_sepakat"
    assert services.allowed_actions(objection, ppid_officer_a) == []
    with pytest.raises(ValidationError):
        services.record_dispute_step(
            objection, services.Step("ajudikasi", date(2026, 10, 28)), actor=actor
        )
    assert [e.action for e in events_for(objection)] == [
        "objections.register",
        "objections.answer",
        "objections.dispute",
        "objections.close",
    ]


def test_another_agencys_officer_cannot_touch_the_objection(
    agency_a, ppid_officer_a, ppid_officer_b
):
    request, _ = refused_request(agency_a, ppid_officer_a)
    objection, _ = file_objection(agency_a, request)
    assert services.allowed_actions(objection, ppid_officer_b) == []
    with pytest.raises(PermissionDenied):
        services.record_dispute_step(
            objection,
            services.Step("diajukan", date(2026, 10, 20)),
            actor=Actor(user=ppid_officer_b),
        )
