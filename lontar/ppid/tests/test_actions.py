"""What the officer's page offers == `allowed_actions` == what the services accept.

One table: every state of a request, on the day the written notice is due and the day after,
for an officer of the agency, a platform admin, a user who may only look, and an officer of
another agency. For each case the forms on the detail page, `allowed_actions` and the services
themselves (each called with valid input, then rolled back) must name the same actions. Every
officer action is in the table, also recording a notice's delivery and the requester's data
rights (issue 21), and every one leaves the same trace: an event and an audit row naming who
acted and from where.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lontar.agencies.tests.factories import UnitFactory, staff_member
from lontar.core.models import AuditEvent
from lontar.ppid import services
from lontar.ppid.actions import Action, allowed_actions
from lontar.ppid.models import InformationRequest, Notice
from lontar.ppid.notice_services import record_delivery
from lontar.ppid.privacy_services import correct_personal_data, erase_on_request
from lontar.ppid.states import Decision, Status
from lontar.ppid.tests.helpers import make_request

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")
NOTICE_DUE = date(2026, 11, 16)  # received Monday 2 November 2026 (helpers.make_request)
DAY_AFTER = date(2026, 11, 17)
REASON = "Informasi tersebar di tiga bidang dan perlu dihimpun."
A, X, N, C, S = Action.ASSIGN, Action.EXTEND, Action.ANSWER, Action.COMPLETE, Action.SUMMARY
W, D, R, E = Action.WITHDRAW, Action.DELIVER, Action.CORRECT, Action.ERASE
REASON_OF_REQUESTER = "Permintaan pemohon melalui surel tanggal 3 Desember."

# What an officer of the request's agency may do: (state, today) → actions. The receipt is
# still in the outbox (never sent in these tests), so its delivery may always be recorded;
# the requester's data may be corrected at any time and erased once the request is not open.
OFFICER_TABLE = {
    (Status.REGISTERED, NOTICE_DUE): {A, X, N, W, S, D, R},
    (Status.REGISTERED, DAY_AFTER): {A, N, W, S, D, R},  # too late to extend (Pasal 22 (8))
    (Status.IN_PROCESS, NOTICE_DUE): {A, X, N, W, S, D, R},
    (Status.IN_PROCESS, DAY_AFTER): {A, N, W, S, D, R},
    (Status.EXTENDED, NOTICE_DUE): {A, N, W, S, D, R},  # only once
    (Status.EXTENDED, DAY_AFTER): {A, N, W, S, D, R},
    (Status.ANSWERED, NOTICE_DUE): {C, S, D, R, E},  # answered, not completed: erasable
    (Status.ANSWERED, DAY_AFTER): {C, S, D, R, E},
    (Status.COMPLETED, NOTICE_DUE): {S, D, R, E},
    (Status.COMPLETED, DAY_AFTER): {S, D, R, E},
    (Status.WITHDRAWN, NOTICE_DUE): {S, D, R, E},
    (Status.WITHDRAWN, DAY_AFTER): {S, D, R, E},
}
WHO = ["officer", "platform_admin", "viewer", "other_agency_officer"]
MAY_CHANGE = {"officer", "platform_admin"}


def _morning(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=WITA)


def _in_state(agency, status: str) -> InformationRequest:
    """A request in `status`, written directly: the table is about the guards, not the path."""
    information_request, _code = make_request(agency)
    fields = {"status": status}
    if status == Status.EXTENDED:
        fields.update(extended_at=_morning(date(2026, 11, 10)), extension_reason=REASON)
    if status in (Status.ANSWERED, Status.COMPLETED):
        fields.update(
            decision=Decision.GRANTED,
            material_given="Rekap",
            answered_at=_morning(date(2026, 11, 12)),
        )
    InformationRequest.objects.filter(pk=information_request.pk).update(**fields)
    # The receipt is dated the day the request came in, as it would have been.
    Notice.objects.filter(information_request=information_request).update(
        issued_on=date(2026, 11, 2)
    )
    return InformationRequest.objects.select_related("agency").get(pk=information_request.pk)


def _call(action: Action, information_request, user, unit, ip=None) -> None:
    r = information_request
    if action is A:
        services.assign_request(r, unit=unit, internal_due=None, note="", by=user, ip=ip)
    elif action is X:
        services.extend_request(r, reason=REASON, by=user, ip=ip)
    elif action is N:
        answer = services.Answer(decision=Decision.GRANTED, material_given="Rekap formasi")
        services.answer_request(r, answer=answer, by=user, ip=ip)
    elif action is C:
        services.complete_request(r, by=user, ip=ip)
    elif action is W:
        services.withdraw_request(r, note="Surat pembatalan", by=user, ip=ip)
    elif action is S:
        services.set_public_summary(r, summary="Formasi CPNS 2026", by=user, ip=ip)
    elif action is D:
        notice = r.notices.filter(delivered_at__isnull=True).first() or r.notices.first()
        record_delivery(notice, delivered_at=timezone.now(), note="", by=user, ip=ip)
    elif action is R:
        changes = {"phone": "081100000000"}
        correct_personal_data(r, changes=changes, reason=REASON_OF_REQUESTER, by=user, ip=ip)
    elif action is E:
        erase_on_request(r, reason=REASON_OF_REQUESTER, by=user, ip=ip)
    else:  # a new action must be added here and to the table
        raise AssertionError(f"no call for {action}")


class _RollBack(Exception):
    pass


def accepted_by_services(pk: int, user, unit) -> set[Action]:
    """Call every officer service on a fresh copy of the request; keep none of the changes."""
    accepted = set()
    for action in Action:
        information_request = InformationRequest.objects.select_related("agency").get(pk=pk)
        try:
            with transaction.atomic():
                _call(action, information_request, user, unit)
                raise _RollBack
        except _RollBack:
            accepted.add(action)
        except (ValidationError, PermissionDenied):
            pass
    return accepted


def shown_on_page(client, user, pk: int) -> set[Action]:
    client.force_login(user)
    response = client.get(reverse("ppid_admin_detail", args=[pk]))
    if response.status_code == 404:  # another agency's request does not exist for this user
        return set()
    assert response.status_code == 200
    return {Action(name) for name in re.findall(r'data-action="([a-z]+)"', response.text)}


@pytest.fixture
def people(agency_a, ppid_officer_a, ppid_officer_b, platform_admin):
    viewer = staff_member(agency_a, username="pengamat-a")
    viewer.user_permissions.add(
        Permission.objects.get(codename="view_informationrequest"),
        Permission.objects.get(codename="access_admin"),
    )
    return {
        "officer": ppid_officer_a,
        "platform_admin": platform_admin,
        "viewer": viewer,
        "other_agency_officer": ppid_officer_b,
    }


@pytest.mark.parametrize(("status", "today"), sorted(OFFICER_TABLE))
def test_the_page_offers_exactly_what_the_services_accept(client, agency_a, people, status, today):
    information_request = _in_state(agency_a, status)
    unit = UnitFactory(agency=agency_a)
    with time_machine.travel(_morning(today), tick=False):
        for who in WHO:
            user = people[who]
            expected = OFFICER_TABLE[(status, today)] if who in MAY_CHANGE else set()
            allowed = allowed_actions(information_request, user)
            shown = shown_on_page(client, user, information_request.pk)
            accepted = accepted_by_services(information_request.pk, user, unit)

            assert (who, set(allowed)) == (who, expected)
            assert (who, shown) == (who, expected)
            assert (who, accepted) == (who, expected)


def test_the_extend_form_is_gone_the_day_after_the_notice_was_due(client, agency_a, ppid_officer_a):
    # The bug this table pins: the form stayed, and the service refused every reason.
    information_request = _in_state(agency_a, Status.IN_PROCESS)
    client.force_login(ppid_officer_a)
    url = reverse("ppid_admin_detail", args=[information_request.pk])
    with time_machine.travel(_morning(NOTICE_DUE), tick=False):
        assert 'data-action="extend"' in client.get(url).text
    with time_machine.travel(_morning(DAY_AFTER), tick=False):
        assert 'data-action="extend"' not in client.get(url).text
        with pytest.raises(ValidationError, match="paling lambat 16-11-2026"):
            services.extend_request(information_request, reason=REASON, by=ppid_officer_a)


def test_allowed_actions_takes_the_agency_today_unless_told(agency_a, ppid_officer_a):
    information_request = _in_state(agency_a, Status.IN_PROCESS)
    # 23:30 on the due day in Jakarta is already the next day in Makassar (WITA).
    late_evening_jakarta = datetime(2026, 11, 16, 23, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
    with time_machine.travel(late_evening_jakarta, tick=False):
        assert X not in allowed_actions(information_request, ppid_officer_a)
        assert X in allowed_actions(information_request, ppid_officer_a, today=NOTICE_DUE)


def test_the_table_covers_every_officer_action():
    assert set().union(*OFFICER_TABLE.values()) == set(Action)


# A state in which each action is allowed, to do it once for real.
READY = {
    A: Status.REGISTERED,
    X: Status.IN_PROCESS,
    N: Status.IN_PROCESS,
    C: Status.ANSWERED,
    W: Status.EXTENDED,
    S: Status.REGISTERED,
    D: Status.REGISTERED,
    R: Status.EXTENDED,
    E: Status.ANSWERED,  # answered but never completed: erasable on request
}


@pytest.mark.parametrize("action", list(Action))
def test_every_officer_action_leaves_an_event_and_an_audit_row_naming_who_and_where(
    agency_a, ppid_officer_a, action
):
    information_request = _in_state(agency_a, READY[action])
    unit = UnitFactory(agency=agency_a)
    with time_machine.travel(_morning(NOTICE_DUE), tick=False):
        _call(action, information_request, ppid_officer_a, unit, ip="203.0.113.9")

    event = information_request.events.filter(kind=action.event_kind).latest("pk")
    assert (event.actor, event.ip_address) == (ppid_officer_a, "203.0.113.9")
    audit_row = AuditEvent.objects.get(action=f"ppid.{action.event_kind}")
    assert (audit_row.actor, audit_row.ip_address) == (ppid_officer_a, "203.0.113.9")
    assert audit_row.agency_id == agency_a.pk
