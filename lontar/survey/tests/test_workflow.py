"""Period actions follow survey/states.py, are audited, and a period runs on the agency's date."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from lontar.core.audit import Actor, events_for
from lontar.core.models import AuditEvent
from lontar.survey import services, states
from lontar.survey.models import SurveyPeriod
from lontar.survey.tests.conftest import make_period
from lontar.survey.tests.helpers import all_answers, submit

pytestmark = pytest.mark.django_db

PERIODS = "wagtailsnippets_survey_surveyperiod"


def actor_of(user, ip="203.0.113.9") -> Actor:
    request = RequestFactory().post("/", REMOTE_ADDR=ip)
    request.user = user
    return Actor.from_request(request)


def actions_url(period) -> str:
    return reverse("survey_publish_period", args=[period.pk])


def test_the_workflow_table_names_every_state():
    assert states.WORKFLOW.states() == {
        states.OPEN,
        states.CLOSED,
        states.PUBLISHED,
        states.REOPENED,
    }
    assert states.WORKFLOW.can("publish", states.CLOSED)
    assert not states.WORKFLOW.can("publish", states.REOPENED)


def test_publishing_records_who_from_where_and_what_changed(period_a, agency_admin_a):
    submit(period_a, all_answers(4))

    services.publish_period(period_a, actor=actor_of(agency_admin_a))

    event = events_for(period_a).get()
    assert event.action == "publish"
    assert event.actor == agency_admin_a
    assert event.ip_address == "203.0.113.9"
    assert event.agency_id == period_a.agency_id
    assert (event.from_state, event.to_state) == ("open", "published")
    assert event.changes["is_open"] == [True, False]
    assert event.changes["index"] == [None, "100.00"]
    assert event.changes["respondents"] == [None, 1]


def test_a_refused_publication_leaves_no_event_and_no_change(period_a, agency_admin_a):
    submit(period_a, all_answers(4))
    services.publish_period(period_a, actor=actor_of(agency_admin_a))
    stored = SurveyPeriod.objects.get(pk=period_a.pk)

    with pytest.raises(services.AlreadyPublished):
        services.publish_period(period_a, actor=actor_of(agency_admin_a))

    assert events_for(period_a).count() == 1
    again = SurveyPeriod.objects.get(pk=period_a.pk)
    assert (again.published_at, again.index, again.is_open) == (
        stored.published_at,
        stored.index,
        stored.is_open,
    )


def test_publishing_without_responses_leaves_no_event(period_a, agency_admin_a):
    with pytest.raises(services.ikm.NoResponses):
        services.publish_period(period_a, actor=actor_of(agency_admin_a))

    assert not AuditEvent.objects.exists()


def test_close_and_reopen_are_audited_and_checked(period_a, agency_admin_a):
    services.close_period(period_a, actor=actor_of(agency_admin_a))
    with pytest.raises(services.ActionNotAllowed):
        services.perform(period_a, "close", actor=actor_of(agency_admin_a))
    services.reopen_period(period_a, actor=actor_of(agency_admin_a))

    period_a.refresh_from_db()
    assert period_a.is_open
    events = events_for(period_a).order_by("pk")
    moves = list(events.values_list("action", "from_state", "to_state"))
    assert moves == [("close", "open", "closed"), ("reopen", "closed", "open")]


def test_a_published_period_reopens_without_changing_its_result(period_a, agency_admin_a):
    submit(period_a, all_answers(4))
    services.publish_period(period_a, actor=actor_of(agency_admin_a))

    services.reopen_period(period_a, actor=actor_of(agency_admin_a))
    submit(period_a, all_answers(1))
    services.close_period(period_a, actor=actor_of(agency_admin_a))

    period_a.refresh_from_db()
    assert str(period_a.index) == "100.00" and not period_a.is_open
    assert [e.to_state for e in events_for(period_a).order_by("pk")] == [
        "published",
        "reopened",
        "published",
    ]


def test_allowed_actions_follow_state_and_permission(period_a, agency_admin_a, editor):
    assert services.allowed_actions(period_a, agency_admin_a) == ["publish", "close"]
    assert services.allowed_actions(period_a, editor) == []
    period_a.is_open = False
    assert services.allowed_actions(period_a, agency_admin_a) == ["publish", "reopen"]


def test_the_admin_offers_and_takes_exactly_the_allowed_actions(client, period_a, agency_admin_a):
    client.force_login(agency_admin_a)

    listing = client.get(reverse(f"{PERIODS}:list")).content.decode()
    page = client.get(actions_url(period_a)).content.decode()
    closed = client.post(actions_url(period_a), {"action": "close"}, REMOTE_ADDR="198.51.100.4")

    assert "Tutup periode" in listing and "Tutup periode" in page
    assert 'value="reopen"' not in page
    assert closed.status_code == 302
    period_a.refresh_from_db()
    assert not period_a.is_open
    event = events_for(period_a).get()
    assert (event.actor, event.ip_address, event.to_state) == (
        agency_admin_a,
        "198.51.100.4",
        "closed",
    )
    assert 'value="reopen"' in client.get(actions_url(period_a)).content.decode()


def test_the_period_form_no_longer_opens_or_closes(client, agency_a, period_a, agency_admin_a):
    client.force_login(agency_admin_a)
    client.post(
        reverse(f"{PERIODS}:edit", args=[period_a.pk]),
        {
            "agency": agency_a.pk,
            "unit": period_a.unit_id,
            "name": period_a.name,
            "kind": period_a.kind,
            "starts_on": period_a.starts_on.isoformat(),
            "ends_on": period_a.ends_on.isoformat(),
            "population": "100",
            "follow_up_plan": "",
        },
    )

    period_a.refresh_from_db()
    assert period_a.is_open  # an unchecked box in the form does not close the period


def test_another_agency_cannot_act_on_a_period(client, period_a, agency_admin_b):
    client.force_login(agency_admin_b)

    response = client.post(actions_url(period_a), {"action": "close"})

    assert response.status_code == 404
    period_a.refresh_from_db()
    assert period_a.is_open
    assert not AuditEvent.objects.exists()


def test_the_period_closes_at_midnight_where_the_agency_is(settings, client, agency_a):
    # The installation runs on WIB; the agency is in Papua (WIT, two hours ahead).
    settings.TIME_ZONE = "Asia/Jakarta"
    agency_a.time_zone = "Asia/Jayapura"
    agency_a.save()
    last_day = dt.date(2026, 3, 31)
    period = make_period(agency_a, starts_on=dt.date(2026, 1, 1), ends_on=last_day)
    moment = dt.datetime(2026, 3, 31, 23, 30, tzinfo=ZoneInfo("Asia/Jakarta"))

    with time_machine.travel(moment, tick=False):
        assert timezone.localdate() == last_day  # still the last day at the installation
        assert agency_a.today() == last_day + dt.timedelta(days=1)
        assert not services.accepts_responses(period)
        with pytest.raises(services.SurveyClosed):
            submit(period, all_answers(3), service_date=dt.date(2026, 3, 30))
        page = client.get(reverse("survey:questionnaire", args=[period.unit.slug]))

    assert page.status_code == 404  # the "closed" page
    assert not period.responses.exists()


def test_the_period_is_still_open_before_midnight_where_the_agency_is(settings, agency_a):
    settings.TIME_ZONE = "Asia/Jakarta"
    agency_a.time_zone = "Asia/Jayapura"
    agency_a.save()
    period = make_period(agency_a, starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 3, 31))

    with time_machine.travel(
        dt.datetime(2026, 3, 31, 21, 30, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False
    ):
        assert services.accepts_responses(period)  # 23:30 WIT, still the 31st
        submit(period, all_answers(3), service_date=dt.date(2026, 3, 30))

    assert period.responses.count() == 1
