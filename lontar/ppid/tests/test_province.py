"""The PPID Utama over the PPID Pelaksana, and forwarding between agencies (issue 18)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from lontar.agencies.models import Agency
from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import agency_with_site, staff_member
from lontar.core.models import OutboxMessage
from lontar.ppid import forwarding, utama
from lontar.ppid.models import InformationRequest
from lontar.ppid.notices import NoticeKind
from lontar.ppid.selectors import requests_for_staff
from lontar.ppid.states import Decision, Status
from lontar.ppid.tests.helpers import make_request

WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture
def province(agency_a, agency_b):
    """agency_a is the province (PPID Utama); agency_b and agency_c its OPD (PPID Pelaksana)."""
    agency_a.kind = Agency.Kind.PROVINCE
    agency_a.ppid_role = Agency.PPIDRole.MAIN
    agency_a.save()
    agency_b.parent = agency_a
    agency_b.ppid_role = Agency.PPIDRole.BRANCH
    agency_b.save()
    agency_c = agency_with_site(hostname="dinas-c.localhost", short_name="DINAS-C", parent=agency_a)
    return agency_a, agency_b, agency_c


def _officer(agency, name):
    return staff_member(agency, Role.PPID_OFFICER, username=name)


def test_a_pelaksana_sees_only_its_own_requests_and_the_utama_sees_all(client, province):
    prov, opd_b, opd_c = province
    req_prov, _ = make_request(prov)
    req_b, _ = make_request(opd_b)
    req_c, _ = make_request(opd_c)
    utama_officer = _officer(prov, "ppid-utama")
    officer_b = _officer(opd_b, "ppid-b")

    assert set(requests_for_staff(utama_officer)) == {req_prov, req_b, req_c}
    assert set(requests_for_staff(officer_b)) == {req_b}

    client.force_login(officer_b)
    assert client.get(reverse("ppid_admin_detail", args=[req_c.pk])).status_code == 404
    assert client.get(reverse("ppid_admin_detail", args=[req_prov.pk])).status_code == 404
    assert client.get(reverse("ppid_admin_detail", args=[req_b.pk])).status_code == 200
    client.force_login(utama_officer)
    page = client.get(reverse("ppid_admin_detail", args=[req_c.pk]))
    assert page.status_code == 200 and req_c.number in page.content.decode()


def test_a_regency_under_the_province_is_its_own_ppid_utama(province):
    prov, _opd_b, _opd_c = province
    regency = agency_with_site(
        hostname="kab.localhost",
        short_name="KAB",
        parent=prov,
        kind=Agency.Kind.REGENCY,
        ppid_role=Agency.PPIDRole.MAIN,
    )
    req_regency, _ = make_request(regency)

    assert req_regency not in requests_for_staff(_officer(prov, "ppid-utama"))


def test_the_utama_disposes_to_an_opd_and_takes_it_back_with_events(client, province):
    prov, opd_b, opd_c = province
    request, _ = make_request(prov)
    due = (request.notice_due, request.extended_due)
    utama_officer = _officer(prov, "ppid-utama")
    officer_b = _officer(opd_b, "ppid-b")
    officer_c = _officer(opd_c, "ppid-c")
    client.force_login(utama_officer)

    client.post(
        reverse("ppid_admin_dispose", args=[request.pk]), {"to": opd_b.pk, "note": "Data BKD"}
    )
    request.refresh_from_db()
    assert request.handling_agency == opd_b
    assert (request.notice_due, request.extended_due) == due  # same body: the clock stays
    assert request in requests_for_staff(officer_b)
    assert request not in requests_for_staff(officer_c)
    client.force_login(officer_b)
    assert client.get(reverse("ppid_admin_detail", args=[request.pk])).status_code == 200
    queue = client.get(reverse("ppid_admin_queue")).content.decode()
    assert request.number in queue

    client.force_login(utama_officer)
    client.post(reverse("ppid_admin_take_back", args=[request.pk]), {"note": ""})
    request.refresh_from_db()
    assert request.handling_agency is None
    assert request not in requests_for_staff(officer_b)
    kinds = list(request.events.values_list("kind", flat=True))
    assert kinds[-2:] == ["disposed_to_pelaksana", "taken_back"]


def test_only_the_utama_disposes_and_only_to_its_own_pelaksana(client, province):
    prov, opd_b, _opd_c = province
    outsider = agency_with_site(hostname="lain.localhost", short_name="LAIN")
    request, _ = make_request(prov)
    request_b, _ = make_request(opd_b)

    with pytest.raises(PermissionDenied):
        utama.dispose_to_pelaksana(request_b, to=prov, note="", by=_officer(opd_b, "ppid-b"))
    with pytest.raises(ValidationError):
        utama.dispose_to_pelaksana(request, to=outsider, note="", by=_officer(prov, "ppid-u"))
    client.force_login(_officer(prov, "ppid-u2"))
    junk = client.post(reverse("ppid_admin_dispose", args=[request.pk]), {"to": "x'--"})
    assert junk.status_code == 302
    request.refresh_from_db()
    assert request.handling_agency is None


def test_the_province_queue_shows_at_risk_and_overdue_per_agency(client, province):
    prov, opd_b, opd_c = province
    overdue, _ = make_request(opd_b, received_at=datetime(2026, 1, 5, 9, tzinfo=WITA))
    fresh, _ = make_request(opd_c)
    # At risk: due within two working days of the agency's today.
    at_risk, _ = make_request(opd_c)
    today = prov.today()
    InformationRequest.objects.filter(pk=at_risk.pk).update(notice_due=today)
    InformationRequest.objects.filter(pk=fresh.pk).update(notice_due=date(today.year + 1, 1, 30))

    rows = {row.agency.pk: row for row in utama.province_queue(prov, today)}
    assert [r.number for r in rows[opd_b.pk].overdue] == [overdue.number]
    assert [r.number for r in rows[opd_c.pk].at_risk] == [at_risk.number]
    assert rows[opd_c.pk].open_count == 2 and rows[prov.pk].open_count == 0

    client.force_login(_officer(prov, "ppid-utama"))
    page = client.get(reverse("ppid_admin_province_queue")).content.decode()
    assert overdue.number in page and at_risk.number in page and fresh.number not in page
    client.force_login(_officer(opd_b, "ppid-b"))
    assert client.get(reverse("ppid_admin_province_queue")).status_code in (302, 403)


def test_forwarding_to_an_agency_on_the_platform(client, province):
    prov, opd_b, _opd_c = province
    original, code = make_request(opd_b)
    officer_b = _officer(opd_b, "ppid-b")
    client.force_login(officer_b)

    response = client.post(
        reverse("ppid_admin_forward", args=[original.pk]), {"to": prov.pk, "note": "milik prov"}
    )

    assert response.status_code == 302
    original.refresh_from_db()
    copy = original.forwarded_to
    assert original.status == Status.COMPLETED and original.decision == Decision.NOT_HELD
    assert prov.name in original.holder_body and copy.number in original.holder_body
    notice = original.notices.get(kind=NoticeKind.FORWARDING)
    assert notice.pdf
    # The receiving agency has it, with the requester's details and its own number and clock.
    assert copy.agency == prov and copy.status == Status.REGISTERED
    assert copy.name == original.name
    assert copy.information_requested == original.information_requested
    assert copy.notices.filter(kind=NoticeKind.RECEIPT).exists()
    assert copy.notice_due >= original.notice_due
    # The receiving officers see what happened before.
    client.force_login(_officer(prov, "ppid-utama"))
    detail = client.get(reverse("ppid_admin_detail", args=[copy.pk])).content.decode()
    assert "Riwayat sebelum diteruskan" in detail and original.number in detail
    # The requester tracks both numbers with the one code.
    client.logout()
    tracked = client.post(
        "/ppid/lacak/",
        {"number": original.number, "code": code},
        follow=True,
        HTTP_HOST="dinas-b.localhost",
    ).content.decode()
    assert copy.number in tracked and prov.name in tracked
    tracked_new = client.post(
        "/ppid/lacak/", {"number": copy.number, "code": code}, follow=True
    ).content.decode()
    assert "10 hari kerja" in tracked_new and "penerusan" in tracked_new
    assert OutboxMessage.objects.filter(key=f"ppid.update_forwarded_in:{copy.pk}").exists()


def test_forwarding_outside_the_platform_names_the_body_and_ends(province):
    _prov, opd_b, _opd_c = province
    original, _ = make_request(opd_b)

    result = forwarding.forward_request(
        original, outside_body="Kantor Pertanahan Kota Kupang", by=_officer(opd_b, "ppid-b")
    )

    original.refresh_from_db()
    assert result is None
    assert original.status == Status.COMPLETED
    assert original.holder_body == "Kantor Pertanahan Kota Kupang"
    assert original.notices.filter(kind=NoticeKind.FORWARDING).exists()
    assert not InformationRequest.objects.filter(forwarded_from=original).exists()


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"outside_body": "x"}, {"outside_body": "Dinas 081234567890"}, {"note": "x" * 501}],
)
def test_forwarding_refuses_unclear_input(province, kwargs):
    _prov, opd_b, _opd_c = province
    original, _ = make_request(opd_b)
    if "note" in kwargs:
        kwargs["outside_body"] = "Badan Pusat Statistik"

    with pytest.raises(ValidationError):
        forwarding.forward_request(original, by=_officer(opd_b, "ppid-b"), **kwargs)
    original.refresh_from_db()
    assert original.status == Status.REGISTERED


def test_another_agency_cannot_forward_a_request_it_does_not_hold(province):
    prov, opd_b, opd_c = province
    original, _ = make_request(opd_b)

    with pytest.raises(PermissionDenied):
        forwarding.forward_request(original, to=prov, by=_officer(opd_c, "ppid-c"))


def test_erasing_the_first_request_leaves_the_receiving_bodys_copy(province):
    from lontar.ppid.erasure import erase_personal_data

    prov, opd_b, _opd_c = province
    original, _ = make_request(opd_b)
    copy = forwarding.forward_request(original, to=prov, by=_officer(opd_b, "ppid-b"))

    erase_personal_data(InformationRequest.objects.get(pk=original.pk))

    copy.refresh_from_db()
    assert copy.name == "Maria Uji Pemohon" and copy.personal_data_erased_at is None
