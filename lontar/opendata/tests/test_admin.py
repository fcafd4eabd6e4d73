"""Admin: partner keys are shown once, revocable, and usage is reported per partner."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lontar.opendata.models import PartnerAgreement, PartnerKey
from lontar.opendata.tests.helpers import make_dataset

pytestmark = pytest.mark.django_db


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


def test_admin_issues_a_key_shown_once_then_revokes_it(client, platform_admin, agreement):
    client.force_login(platform_admin)
    url = reverse("opendata_agreement_keys", args=[agreement.pk])
    page = client.post(url, {"label": "server Bappeda"}).content.decode()
    key = PartnerKey.objects.get()
    raw = page.split("<code data-raw-key>")[1].split("</code>")[0]
    assert raw.startswith(key.prefix) and key.key_hash not in page
    assert client.get("/api/3/action/package_show", {"id": "pegawai-asn"}, HTTP_X_API_KEY=raw)
    assert raw not in client.get(url).content.decode()
    client.post(url, {"revoke": key.pk})
    assert PartnerKey.objects.get().revoked_at is not None
    response = client.get("/api/3/action/package_show", {"id": "pegawai-asn"}, HTTP_X_API_KEY=raw)
    assert response.status_code == 403
    report = client.get(reverse("opendata_usage")).content.decode()
    assert "Bappeda Kabupaten" in report


def test_other_agency_staff_cannot_manage_keys(client, agency_admin_b, agreement):
    client.force_login(agency_admin_b)
    url = reverse("opendata_agreement_keys", args=[agreement.pk])
    # Another agency's agreement is not confirmed to exist.
    assert client.post(url, {"label": "x"}).status_code == 404
    assert not PartnerKey.objects.exists()


def test_dataset_admin_listing_is_scoped(client, platform_admin, agency_a, agency_b):
    make_dataset(agency_a, slug="punya-a", title="Dataset milik A")
    make_dataset(agency_b, slug="punya-b", title="Dataset milik B")
    client.force_login(platform_admin)
    page = client.get(reverse("wagtailsnippets_opendata_dataset:list")).content.decode()
    assert "Dataset milik A" in page and "Dataset milik B" in page


def test_resource_upload_in_admin_goes_to_private_storage(client, agency_admin_a, agency_a):
    from django.core.files.storage import storages
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lontar.opendata.models import Resource
    from lontar.opendata.tests.helpers import ASN_CSV

    dataset = make_dataset(agency_a, visibility="mitra")
    client.force_login(agency_admin_a)
    response = client.post(
        reverse("wagtailsnippets_opendata_resource:add"),
        {
            "dataset": dataset.pk,
            "name": "ASN rinci",
            "description": "",
            "format": "CSV",
            "generator": "",
            "file": SimpleUploadedFile("ASN rinci 2025.csv", ASN_CSV.encode()),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    resource = Resource.objects.get()
    assert resource.original_filename == "ASN rinci 2025.csv"
    assert resource.file.name.startswith("opendata/sumber/") and "rinci" not in resource.file.name
    assert storages["private"].exists(resource.file.name)
    edit = client.get(reverse("wagtailsnippets_opendata_resource:edit", args=[resource.pk]))
    page = edit.content.decode()
    assert edit.status_code == 200
    assert f'href="/data/sumber/{resource.pk}/unduh/"' in page and "ASN rinci 2025.csv" in page
    assert "/media/opendata" not in page
