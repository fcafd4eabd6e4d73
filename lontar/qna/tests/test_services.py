"""The question desk's writes: the table decides, one transaction, one audit event each."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from lontar.agencies.tests.factories import UnitFactory
from lontar.core.audit import REDACTED, Actor, events_for
from lontar.core.transitions import TransitionNotAllowed
from lontar.qna import services
from lontar.qna.models import Status
from lontar.qna.redaction import detect
from lontar.qna.tests.helpers import make_question

IP = "203.0.113.7"
PERSONAL = ("Siti Rahmawati", "siti@example.id", "0812-3456-7890")


@pytest.fixture
def actor(editor):
    return Actor(user=editor, ip=IP)


def _only_event(question):
    events = list(events_for(question))
    assert len(events) == 1
    return events[0]


def _no_personal_data(event):
    stored = f"{event.changes} {event.note} {event.object_repr}"
    for value in PERSONAL:
        assert value not in stored


def test_assign_records_who_from_where_and_what(agency_a, editor, actor):
    unit = UnitFactory(agency=agency_a)
    question = make_question(agency_a)
    services.assign(question, unit, actor=actor)
    question.refresh_from_db()
    assert question.status == Status.ASSIGNED and question.assigned_unit == unit
    event = _only_event(question)
    assert (event.actor, event.ip_address, event.action) == (editor, IP, "qna.assign")
    assert (event.from_state, event.to_state) == (Status.NEW, Status.ASSIGNED)
    assert event.changes == {
        "status": [Status.NEW, Status.ASSIGNED],
        "assigned_unit": [None, unit.pk],
    }
    assert event.agency_id == agency_a.pk


def test_first_answer_then_correction_log_that_the_text_changed_not_the_text(
    agency_a, actor, django_capture_on_commit_callbacks
):
    question = make_question(
        agency_a, status=Status.ASSIGNED, text="Saya Siti Rahmawati, HP 0812-3456-7890. Kapan cuti?"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.answer(
            question,
            text="Bu Siti Rahmawati, cuti diajukan lewat aplikasi.",
            unit=None,
            regulations=[],
            actor=actor,
            tracking_url="https://x/",
        )
    assert len(mail.outbox) == 1  # the asker is told once
    question.refresh_from_db()
    assert question.status == Status.ANSWERED
    event = _only_event(question)
    assert event.action == "qna.answer"
    assert event.changes["text"] == [REDACTED, REDACTED]
    assert event.changes["status"] == [Status.ASSIGNED, Status.ANSWERED]
    _no_personal_data(event)

    with django_capture_on_commit_callbacks(execute=True):
        services.answer(
            question,
            text="Cuti diajukan lewat aplikasi SIASN.",
            unit=None,
            regulations=[],
            actor=actor,
            tracking_url="https://x/",
        )
    assert len(mail.outbox) == 1  # a correction sends no second e-mail
    question.refresh_from_db()
    assert question.status == Status.ANSWERED and question.answer.text.endswith("SIASN.")
    correction = list(events_for(question))[-1]
    assert correction.action == "qna.correct"
    assert correction.changes == {"text": [REDACTED, REDACTED]}
    assert (correction.from_state, correction.to_state) == (Status.ANSWERED, Status.ANSWERED)


def test_publish_records_the_redaction_without_the_personal_data(agency_a, actor):
    text = "Saya Siti Rahmawati, HP 0812-3456-7890. Kapan naik pangkat?"
    question = make_question(
        agency_a, status=Status.ANSWERED, text=text, answer_text="Bu Siti Rahmawati, April."
    )
    names = [question.asker_name]
    services.publish(
        question,
        question_hits=detect(text, names),
        answer_hits=detect(question.answer.text, names),
        actor=actor,
    )
    question.refresh_from_db()
    assert question.status == Status.PUBLISHED and "0812" not in question.public_question
    event = _only_event(question)
    assert (event.action, event.ip_address) == ("qna.publish", IP)
    assert (event.from_state, event.to_state) == (Status.ANSWERED, Status.PUBLISHED)
    assert event.changes["public_question"] == [REDACTED, REDACTED]
    assert event.changes["public_answer"] == [REDACTED, REDACTED]
    assert event.note.startswith("3 ")  # name + phone in the question, name in the answer
    _no_personal_data(event)


def test_unpublish_and_decline_record_the_status_change(agency_a, actor):
    published = make_question(agency_a, status=Status.PUBLISHED, answer_text="April.")
    services.unpublish(published, actor=actor)
    assert _only_event(published).changes == {"status": [Status.PUBLISHED, Status.ANSWERED]}
    fresh = make_question(agency_a)
    services.decline(fresh, actor=actor)
    fresh.refresh_from_db()
    assert fresh.status == Status.DECLINED
    assert _only_event(fresh).action == "qna.decline"


@pytest.mark.parametrize(
    ("status", "call"),
    [
        (Status.ANSWERED, lambda q, a: services.assign(q, None, actor=a)),
        (
            Status.DECLINED,
            lambda q, a: services.answer(
                q, text="x", unit=None, regulations=[], actor=a, tracking_url=""
            ),
        ),
        (Status.NEW, lambda q, a: services.publish(q, question_hits=[], answer_hits=[], actor=a)),
        (Status.ANSWERED, lambda q, a: services.unpublish(q, actor=a)),
        (Status.PUBLISHED, lambda q, a: services.decline(q, actor=a)),
        (Status.DECLINED, lambda q, a: services.decline(q, actor=a)),
    ],
)
def test_disallowed_transitions_are_refused_and_leave_no_trace(agency_a, actor, status, call):
    question = make_question(agency_a, status=status, answer_text="Jawaban.")
    with pytest.raises(TransitionNotAllowed) as refused:
        call(question, actor)
    assert str(refused.value)  # an Indonesian sentence for the staff member
    question.refresh_from_db()
    assert question.status == status
    assert not events_for(question).exists()


def test_the_status_is_read_under_the_lock_not_from_a_stale_object(agency_a, actor):
    question = make_question(agency_a, status=Status.PUBLISHED, answer_text="April.")
    stale = type(question).objects.get(pk=question.pk)
    services.unpublish(question, actor=actor)
    with pytest.raises(TransitionNotAllowed):
        services.unpublish(stale, actor=actor)  # the other tab still shows "published"


def test_staff_of_another_agency_or_without_the_permission_are_refused(agency_a, editor_b, writer):
    question = make_question(agency_a)
    for user in (editor_b, writer):
        with pytest.raises(PermissionDenied):
            services.decline(question, actor=Actor(user=user, ip=IP))
    assert not events_for(question).exists()


def test_allowed_actions_follow_the_table_and_the_user(agency_a, editor, editor_b, writer):
    new = make_question(agency_a)
    assert services.allowed_actions(new, editor) == ["assign", "answer", "decline"]
    assert services.allowed_actions(new, editor_b) == []
    assert services.allowed_actions(new, writer) == []
    published = make_question(agency_a, status=Status.PUBLISHED, answer_text="April.")
    assert services.allowed_actions(published, editor) == ["correct", "publish", "unpublish"]
    declined = make_question(agency_a, status=Status.DECLINED)
    assert services.allowed_actions(declined, editor) == []
