"""Partner keys and dataset publication go through audited services; staff load agreements
only of their own agency."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from lontar.core.audit import Actor, events_for
from lontar.core.models import AuditEvent
from lontar.core.transitions import TransitionNotAllowed
from lontar.opendata import partners, publication
from lontar.opendata.models import Dataset, PartnerAgreement, PartnerKey
from lontar.opendata.tests.helpers import make_dataset

pytestmark = pytest.mark.django_db


def actor_of(user, ip="203.0.113.21") -> Actor:
    request = RequestFactory().post("/", REMOTE_ADDR=ip)
    request.user = user
    return Actor.from_request(request)


@pytest.fixture
def agreement(agency_a):
    today = timezone.localdate()
    agreement = PartnerAgreement.objects.create(
        agency=agency_a,
        partner_name="Bappeda Kabupaten",
        purpose="Perencanaan",
        legal_basis="Perpres 39/2019",
        starts_on=today,
        ends_on=today + timedelta(days=365),
    )
    agreement.datasets.add(make_dataset(agency_a, visibility="mitra"))
    return agreement


def test_issuing_a_key_is_audited_without_the_raw_key(agreement, agency_admin_a):
    key, raw = partners.issue_key(agreement, "server Bappeda", actor_of(agency_admin_a))

    event = events_for(key).get()
    assert (event.action, event.from_state, event.to_state) == ("issue", "", "active")
    assert (event.actor, event.ip_address) == (agency_admin_a, "203.0.113.21")
    assert event.agency_id == agreement.agency_id
    assert event.changes == {"label": [None, "server Bappeda"], "prefix": [None, key.prefix]}
    assert raw not in str(event.changes) and raw not in event.note and raw not in event.object_repr


def test_revoking_is_audited_once_and_a_second_revocation_is_refused(agreement, agency_admin_a):
    key, _raw = partners.issue_key(agreement, "server")

    partners.revoke_key(key, actor_of(agency_admin_a))
    revoked_at = PartnerKey.objects.get(pk=key.pk).revoked_at
    with pytest.raises(TransitionNotAllowed):
        partners.revoke_key(key, actor_of(agency_admin_a))

    assert PartnerKey.objects.get(pk=key.pk).revoked_at == revoked_at
    events = events_for(key).filter(action="revoke")
    assert events.count() == 1
    event = events.get()
    assert (event.from_state, event.to_state, event.actor) == ("active", "revoked", agency_admin_a)
    assert partners.allowed_actions(key, agency_admin_a) == []


def test_the_admin_revokes_through_the_service_and_shows_only_allowed_buttons(
    client, agreement, agency_admin_a
):
    key, _raw = partners.issue_key(agreement, "server")
    client.force_login(agency_admin_a)
    url = reverse("opendata_agreement_keys", args=[agreement.pk])

    before = client.get(url).content.decode()
    client.post(url, {"revoke": key.pk}, REMOTE_ADDR="198.51.100.7")
    client.post(url, {"revoke": key.pk})  # a double click records nothing more
    after = client.get(url).content.decode()

    assert f'name="revoke" value="{key.pk}"' in before
    assert f'name="revoke" value="{key.pk}"' not in after
    event = events_for(key).get(action="revoke")
    assert (event.actor, event.ip_address) == (agency_admin_a, "198.51.100.7")
    assert events_for(key).filter(action="revoke").count() == 1


def test_the_admin_issues_keys_with_the_staff_member_as_actor(client, agreement, agency_admin_a):
    client.force_login(agency_admin_a)
    page = client.post(
        reverse("opendata_agreement_keys", args=[agreement.pk]), {"label": "server"}
    ).content.decode()

    key = PartnerKey.objects.get()
    raw = page.split("<code data-raw-key>")[1].split("</code>")[0]
    event = events_for(key).get()
    assert event.actor == agency_admin_a
    assert raw not in str(event.changes)


def test_another_agencys_agreement_and_its_keys_answer_404(client, agreement, agency_admin_b):
    key, _raw = partners.issue_key(agreement, "server")
    client.force_login(agency_admin_b)
    url = reverse("opendata_agreement_keys", args=[agreement.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"revoke": key.pk}).status_code == 404
    assert PartnerKey.objects.get(pk=key.pk).revoked_at is None


def test_a_key_of_another_agreement_cannot_be_revoked_through_this_one(
    client, agency_a, agreement, agency_admin_a
):
    other = PartnerAgreement.objects.create(
        agency=agency_a,
        partner_name="BPS",
        purpose="Statistik",
        legal_basis="Perpres 39/2019",
        starts_on=agreement.starts_on,
        ends_on=agreement.ends_on,
    )
    key, _raw = partners.issue_key(other, "server")
    client.force_login(agency_admin_a)

    response = client.post(
        reverse("opendata_agreement_keys", args=[agreement.pk]), {"revoke": key.pk}
    )

    assert response.status_code == 404
    assert PartnerKey.objects.get(pk=key.pk).revoked_at is None


# --- Dataset publication ----------------------------------------------------------------------


def _dataset_form(dataset: Dataset, **changes) -> dict:
    data = {
        "agency": dataset.agency_id,
        "title": dataset.title,
        "slug": dataset.slug,
        "description": dataset.description,
        "frequency": dataset.frequency,
        "license": dataset.license,
        "contact_name": dataset.contact_name,
        "contact_email": dataset.contact_email,
        "region_codes": "",
        "tags": dataset.tags,
        "visibility": dataset.visibility,
        "variables-TOTAL_FORMS": "0",
        "variables-INITIAL_FORMS": "0",
        "variables-MIN_NUM_FORMS": "0",
        "variables-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_publishing_a_dataset_in_its_form_is_audited(client, agency_a, agency_admin_a):
    dataset = make_dataset(agency_a, visibility="mitra")
    client.force_login(agency_admin_a)
    url = reverse("wagtailsnippets_opendata_dataset:edit", args=[dataset.pk])

    data = _dataset_form(dataset, visibility="publik")
    response = client.post(url, data, REMOTE_ADDR="192.0.2.5")
    assert response.status_code == 302, response.content.decode()[:3000]
    client.post(url, _dataset_form(dataset, visibility="publik", title="Judul baru"))

    dataset.refresh_from_db()
    assert dataset.is_public
    event = events_for(dataset).get()  # the title-only edit published nothing
    assert (event.action, event.from_state, event.to_state) == ("publish", "mitra", "publik")
    assert (event.actor, event.ip_address) == (agency_admin_a, "192.0.2.5")
    assert event.changes == {"visibility": ["mitra", "publik"]}


def test_withdrawing_and_creating_public_datasets_are_audited(client, agency_a, agency_admin_a):
    dataset = make_dataset(agency_a, visibility="publik")
    client.force_login(agency_admin_a)

    client.post(
        reverse("wagtailsnippets_opendata_dataset:edit", args=[dataset.pk]),
        _dataset_form(dataset, visibility="mitra"),
    )
    created = client.post(
        reverse("wagtailsnippets_opendata_dataset:add"),
        _dataset_form(dataset, slug="baru", title="Dataset baru", visibility="publik"),
    )

    assert created.status_code == 302
    assert events_for(dataset).get().action == "unpublish"
    new = Dataset.objects.get(slug="baru")
    event = events_for(new).get()
    assert (event.action, event.from_state, event.to_state) == ("publish", "", "publik")


def test_set_visibility_checks_the_move(agency_a, agency_admin_a):
    dataset = make_dataset(agency_a, visibility="publik")

    with pytest.raises(TransitionNotAllowed):
        publication.set_visibility(dataset, "publish", actor_of(agency_admin_a))
    assert not AuditEvent.objects.exists()

    publication.set_visibility(dataset, "unpublish", actor_of(agency_admin_a))
    dataset.refresh_from_db()
    assert dataset.visibility == "mitra"
    assert publication.allowed_actions(dataset, agency_admin_a) == ["publish"]
    assert events_for(dataset).get().to_state == "mitra"
