"""Partner keys: access to shared datasets within the agreement only, revocation, logging."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from lontar.opendata import partners
from lontar.opendata.models import PartnerAgreement, PartnerKey, PartnerKeyUse
from lontar.opendata.tests.helpers import add_csv, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(agency_a):
    covered = make_dataset(agency_a, slug="asn-rinci", title="ASN rinci", visibility="mitra")
    resource = add_csv(covered)
    other = make_dataset(agency_a, slug="asn-lain", title="ASN lain", visibility="mitra")
    today = timezone.localdate()
    agreement = PartnerAgreement.objects.create(
        agency=agency_a,
        partner_name="BPS Provinsi",
        purpose="Statistik sektoral",
        legal_basis="Perpres 39/2019 tentang Satu Data Indonesia",
        starts_on=today - timedelta(days=10),
        ends_on=today + timedelta(days=10),
    )
    agreement.datasets.add(covered)
    key, raw = partners.issue_key(agreement, "server BPS")
    return {"agreement": agreement, "key": key, "raw": raw, "resource": resource, "other": other}


def _show(client, slug, raw, header="HTTP_X_API_KEY"):
    return client.get("/api/3/action/package_show", {"id": slug}, **{header: raw})


def test_key_is_stored_hashed_and_opens_covered_shared_dataset(client, shared):
    assert shared["raw"] not in shared["key"].key_hash
    assert _show(client, "asn-rinci", "").status_code == 403
    response = _show(client, "asn-rinci", shared["raw"])
    assert response.status_code == 200 and response.json()["result"]["private"] is True
    response = _show(client, "asn-rinci", shared["raw"], header="HTTP_AUTHORIZATION")
    assert response.status_code == 200
    rows = client.get(
        "/api/3/action/datastore_search",
        {"resource_id": shared["resource"].pk},
        HTTP_X_API_KEY=shared["raw"],
    ).json()
    assert rows["result"]["total"] == 5
    listed = client.get("/api/3/action/package_list", HTTP_X_API_KEY=shared["raw"]).json()
    assert "asn-rinci" in listed["result"] and "asn-lain" not in listed["result"]


def test_key_refused_for_dataset_outside_agreement(client, shared):
    response = _show(client, "asn-lain", shared["raw"])
    assert response.status_code == 403
    assert response.json()["error"]["__type"] == "Authorization Error"


@pytest.mark.parametrize("shift", [-30, 30])
def test_key_refused_outside_agreement_period(client, shared, shift):
    agreement = shared["agreement"]
    agreement.starts_on = date.today() + timedelta(days=shift) - timedelta(days=5)
    agreement.ends_on = date.today() + timedelta(days=shift) + timedelta(days=5)
    agreement.save()
    assert _show(client, "asn-rinci", shared["raw"]).status_code == 403


def test_revocation_takes_effect_at_once(client, shared):
    assert _show(client, "asn-rinci", shared["raw"]).status_code == 200
    PartnerKey.objects.filter(pk=shared["key"].pk).update(revoked_at=timezone.now())
    assert _show(client, "asn-rinci", shared["raw"]).status_code == 403
    PartnerKey.objects.filter(pk=shared["key"].pk).update(revoked_at=None)
    PartnerAgreement.objects.filter(pk=shared["agreement"].pk).update(revoked_at=timezone.now())
    assert _show(client, "asn-rinci", shared["raw"]).status_code == 403


def test_unknown_key_refused(client, shared):
    assert _show(client, "asn-rinci", "ltr_palsu").status_code == 403


def test_every_use_is_logged(client, shared):
    _show(client, "asn-rinci", shared["raw"])
    _show(client, "asn-lain", shared["raw"])
    uses = list(PartnerKeyUse.objects.order_by("pk"))
    assert [(u.allowed, u.path) for u in uses] == [
        (True, "/api/3/action/package_show"),
        (False, "/api/3/action/package_show"),
    ]
    assert uses[1].dataset == shared["other"]


def test_rate_limited_per_key(client, shared, monkeypatch):
    monkeypatch.setattr(partners, "RATE_LIMIT", 2)
    assert _show(client, "asn-rinci", shared["raw"]).status_code == 200
    assert _show(client, "asn-rinci", shared["raw"]).status_code == 200
    assert _show(client, "asn-rinci", shared["raw"]).status_code == 429
