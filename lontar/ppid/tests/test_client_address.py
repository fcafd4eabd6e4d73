"""The legal audit trail records the citizen-side address, never the proxy (finding 9)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lontar.agencies.tests.factories import UnitFactory
from lontar.ppid.models import InformationRequest, PersonalFileAccess
from lontar.ppid.tests.helpers import form_data, make_request

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def _complete_as_officer(client, officer, request, forwarded: str):
    client.force_login(officer)
    return client.post(
        reverse("ppid_admin_nik", args=[request.pk]),
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def _last_event(request):
    return request.events.order_by("-pk").first()


def test_officer_event_records_the_address_the_proxy_saw(
    client, agency_a, ppid_officer_a, settings
):
    settings.LONTAR_TRUSTED_PROXY_COUNT = 1
    request, _ = make_request(agency_a)

    response = _complete_as_officer(client, ppid_officer_a, request, "192.0.2.1, 203.0.113.9")

    assert response.status_code == 200
    accesses = list(
        PersonalFileAccess.objects.filter(information_request=request).values_list(
            "ip_address", flat=True
        )
    )
    assert accesses == ["203.0.113.9"]


def test_officer_status_change_records_the_citizen_side_address(
    client, agency_a, ppid_officer_a, settings
):
    settings.LONTAR_TRUSTED_PROXY_COUNT = 1
    request, _ = make_request(agency_a)
    client.force_login(ppid_officer_a)

    response = client.post(
        reverse("ppid_admin_assign", args=[request.pk]),
        {"assign-unit": UnitFactory(agency=agency_a).pk, "assign-internal_due": "2026-11-12"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )

    assert response.status_code == 302
    assert (_last_event(request).kind, _last_event(request).ip_address) == (
        "assigned",
        "203.0.113.9",
    )


def test_without_a_trusted_proxy_the_forged_header_is_ignored(
    client, agency_a, ppid_officer_a, settings
):
    settings.LONTAR_TRUSTED_PROXY_COUNT = 0
    request, _ = make_request(agency_a)

    _complete_as_officer(client, ppid_officer_a, request, "203.0.113.9")

    assert list(
        PersonalFileAccess.objects.filter(information_request=request).values_list(
            "ip_address", flat=True
        )
    ) == [PROXY]


@pytest.mark.parametrize("forwarded", ["junk", "203.0.113.9, ' OR 1=1 --", "1.2.3.4.5"])
def test_junk_forwarded_header_never_breaks_a_submission(client, agency_a, settings, forwarded):
    settings.LONTAR_TRUSTED_PROXY_COUNT = 1
    from django.core.cache import cache

    cache.clear()
    response = client.post(
        "/ppid/permohonan/baru/", form_data(), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded
    )

    assert response.status_code == 302
    first_event = InformationRequest.objects.get().events.order_by("pk").first()
    assert first_event.ip_address == PROXY


def test_junk_forwarded_header_never_breaks_an_officer_action(
    client, agency_a, ppid_officer_a, settings
):
    settings.LONTAR_TRUSTED_PROXY_COUNT = 1
    request, _ = make_request(agency_a)

    response = _complete_as_officer(client, ppid_officer_a, request, "<junk>")

    assert response.status_code == 200
    assert list(
        PersonalFileAccess.objects.filter(information_request=request).values_list(
            "ip_address", flat=True
        )
    ) == [PROXY]
