"""The shared audit trail: events are recorded with actor and address, and never change."""

import datetime as dt

import pytest
import time_machine
from django.test import RequestFactory

from lontar.agencies.models import StaffProfile
from lontar.core import audit
from lontar.core.models import AuditEvent


@pytest.fixture
def profile(editor):
    return StaffProfile.objects.get(user=editor)


def test_record_keeps_who_when_where_and_what_changed(agency_a, editor, profile):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    request.user = editor
    before = audit.snapshot(profile, ["agency", "position"])
    profile.position = "Kepala Bidang"
    after = audit.snapshot(profile, ["agency", "position"])

    event = audit.record(
        actor=audit.Actor.from_request(request),
        action="promote",
        obj=profile,
        agency=agency_a,
        changes=audit.diff(before, after),
    )

    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.actor == editor
    assert stored.ip_address == "203.0.113.7"
    assert stored.agency == agency_a
    assert stored.object_type == "agencies.staffprofile"
    assert stored.object_id == str(profile.pk)
    assert stored.changes == {"position": [before["position"], "Kepala Bidang"]}
    assert list(audit.events_for(profile)) == [stored]


def test_an_anonymous_visitor_is_recorded_as_nobody(agency_a, profile):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.4")
    request.user = AnonymousUser()
    event = audit.record(actor=audit.Actor.from_request(request), action="x", obj=profile)
    assert event.actor is None and event.ip_address == "198.51.100.4"
    assert event.agency_id == profile.agency_id


def test_personal_values_can_be_recorded_as_changed_without_their_value():
    changes = audit.diff(
        {"email": "a@contoh.id", "status": "baru"}, {"email": "b@contoh.id", "status": "dijawab"}
    )
    assert audit.redacted(changes, "email") == {
        "email": [audit.REDACTED, audit.REDACTED],
        "status": ["baru", "dijawab"],
    }


def test_events_are_append_only(agency_a, profile):
    event = audit.record(actor=audit.Actor.system(), action="x", obj=profile)
    event.note = "rewritten"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()
    with pytest.raises(ValueError):
        AuditEvent.objects.filter(pk=event.pk).update(note="rewritten")
    with pytest.raises(ValueError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).note == ""


@time_machine.travel(dt.datetime(2026, 12, 31, 16, 30, tzinfo=dt.UTC), tick=False)
def test_agency_today_is_the_date_on_the_agency_wall_clock(agency_a, settings):
    settings.TIME_ZONE = "Asia/Jakarta"
    agency_a.time_zone = "Asia/Jayapura"  # UTC+9: already New Year's Day
    assert agency_a.today() == dt.date(2027, 1, 1)
    assert agency_a.now().hour == 1
    agency_a.time_zone = "Asia/Jakarta"  # UTC+7: still 23:30 on 31 December
    assert agency_a.today() == dt.date(2026, 12, 31)


def _event_for(agency, user, action):
    profile = StaffProfile.objects.get(user=user)
    return audit.record(
        actor=audit.Actor(user=user, ip="192.0.2.1"), action=action, obj=profile, agency=agency
    )


def test_agency_admin_reads_own_agency_trail_only(
    client, agency_a, agency_b, agency_admin_a, editor, editor_b
):
    _event_for(agency_a, editor, "terbitkan-a")
    _event_for(agency_b, editor_b, "terbitkan-b")
    client.force_login(agency_admin_a)
    response = client.get("/admin/laporan/audit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "terbitkan-a" in body
    assert "terbitkan-b" not in body
    assert "192.0.2.1" not in body  # the staff member's address is not shown


def test_the_trail_filters_by_record_type_and_refuses_junk(
    client, agency_a, agency_admin_a, editor
):
    _event_for(agency_a, editor, "terbitkan-a")
    client.force_login(agency_admin_a)
    assert (
        "terbitkan-a"
        in client.get("/admin/laporan/audit/?jenis=agencies.staffprofile").content.decode()
    )
    assert client.get("/admin/laporan/audit/?jenis=ppid.bogus").status_code == 400
    assert client.get("/admin/laporan/audit/?dari=kemarin").status_code == 400
    # Beyond a database integer (a 500 on PostgreSQL before), unicode digits, a NUL, a quote.
    for junk in ("9" * 5000, "²", "%00", "'"):
        assert client.get(f"/admin/laporan/audit/?instansi={junk}").status_code == 400, junk


def test_editors_cannot_read_the_trail(client, editor):
    client.force_login(editor)
    response = client.get("/admin/laporan/audit/")
    assert response.status_code in (302, 403)
