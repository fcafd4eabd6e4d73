"""Resource files: private storage under random names, served only to whoever may see them.

A file of a dataset shared with partners reaches a valid partner key whose agreement covers it
and staff of the owning agency; everybody else gets the same 404 as a missing resource.
"""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lontar.opendata import partners
from lontar.opendata.models import PartnerAgreement, PartnerKey, PartnerKeyUse, Resource
from lontar.opendata.tests.helpers import ASN_CSV, add_csv, make_dataset

pytestmark = pytest.mark.django_db

SECRET_CSV = "unit_kerja,lowong\nBidang Mutasi,3\n"


def _agreement(agency, partner_name, *datasets):
    today = timezone.localdate()
    agreement = PartnerAgreement.objects.create(
        agency=agency,
        partner_name=partner_name,
        purpose="Perencanaan",
        legal_basis="Perpres 39/2019",
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=30),
    )
    agreement.datasets.add(*datasets)
    return agreement


@pytest.fixture
def files(agency_a, agency_b):
    public = add_csv(make_dataset(agency_a))
    shared_dataset = make_dataset(agency_a, slug="formasi", title="Formasi", visibility="mitra")
    shared = add_csv(shared_dataset, text=SECRET_CSV, name="Formasi rinci")
    other_dataset = make_dataset(agency_a, slug="lain", title="Lain", visibility="mitra")
    _key, raw = partners.issue_key(_agreement(agency_a, "Bappeda", shared_dataset), "server")
    _other_key, other_raw = partners.issue_key(
        _agreement(agency_a, "Dinas lain", other_dataset), "server"
    )
    return {"public": public, "shared": shared, "raw": raw, "other_raw": other_raw}


def _url(resource: Resource) -> str:
    return f"/data/sumber/{resource.pk}/unduh/"


def test_shared_file_is_private_under_a_random_name_and_not_public(client, files):
    shared = files["shared"]
    assert client.get(_url(shared)).status_code == 404
    name = shared.file.name
    assert name.startswith("opendata/sumber/") and "asn" not in name and name.endswith(".csv")
    assert shared.original_filename == "asn.csv"
    assert storages["private"].exists(name)
    assert not (Path(settings.MEDIA_ROOT) / name).exists()
    assert not (Path(settings.MEDIA_ROOT) / "opendata" / "asn.csv").exists()
    assert not Path(storages["private"].path(name)).is_relative_to(Path(settings.MEDIA_ROOT))


@pytest.mark.parametrize("header", ["HTTP_X_API_KEY", "HTTP_AUTHORIZATION"])
def test_partner_key_downloads_the_bytes_and_is_logged(client, files, header):
    shared = files["shared"]
    response = client.get(_url(shared), **{header: files["raw"]})
    assert response.status_code == 200
    assert response.content == SECRET_CSV.encode()
    assert response["Content-Disposition"] == 'attachment; filename="asn.csv"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    use = PartnerKeyUse.objects.get()
    assert (use.allowed, use.dataset, use.path) == (True, shared.dataset, _url(shared))
    assert Resource.objects.get(pk=shared.pk).download_count == 1


def test_revoked_expired_unknown_and_other_partners_keys_get_404(client, files):
    shared = files["shared"]
    assert client.get(_url(shared), HTTP_X_API_KEY=files["other_raw"]).status_code == 404
    assert client.get(_url(shared), HTTP_X_API_KEY="ltr_palsu").status_code == 404
    key = partners.key_for(_request_with(files["raw"]))
    PartnerKey.objects.filter(pk=key.pk).update(revoked_at=timezone.now())
    assert client.get(_url(shared), HTTP_X_API_KEY=files["raw"]).status_code == 404
    PartnerKey.objects.filter(pk=key.pk).update(revoked_at=None)
    PartnerAgreement.objects.filter(pk=key.agreement_id).update(
        ends_on=timezone.localdate() - timedelta(days=1)
    )
    assert client.get(_url(shared), HTTP_X_API_KEY=files["raw"]).status_code == 404
    assert not PartnerKeyUse.objects.filter(allowed=True).exists()
    assert PartnerKeyUse.objects.filter(allowed=False).count() == 3
    assert Resource.objects.get(pk=shared.pk).download_count == 0


def _request_with(raw: str):
    from django.test import RequestFactory

    return RequestFactory().get("/", HTTP_X_API_KEY=raw)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("editor", 200),
        ("agency_admin_a", 200),
        ("editor_b", 404),
        ("agency_admin_b", 404),
        ("citizen", 404),
    ],
)
def test_staff_of_the_owning_agency_only(client, files, request, persona, status):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(_url(files["shared"]))
    assert response.status_code == status
    if status == 200:
        assert response.content == SECRET_CSV.encode()


def test_public_file_for_anyone_and_missing_resource_looks_the_same(client, files, citizen):
    public = files["public"]
    response = client.get(_url(public))
    assert response.status_code == 200
    assert response.content == ASN_CSV.encode()
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    client.force_login(citizen)
    assert client.get(_url(public)).status_code == 200
    missing = client.get("/data/sumber/987654/unduh/")
    hidden = client.get(_url(files["shared"]))
    assert missing.status_code == hidden.status_code == 404
    assert client.get("/data/sumber/99999999999999999999999/unduh/").status_code == 404


def test_uploaded_name_is_kept_only_for_the_header(client, agency_a):
    dataset = make_dataset(agency_a)
    hostile = 'laporan "akhir"\r\nSet-Cookie: x=1\u202evsc.csv'
    resource = Resource(dataset=dataset, name="Laporan", format="CSV")
    resource.file = SimpleUploadedFile(hostile, ASN_CSV.encode())
    resource.full_clean()
    resource.save()
    assert "laporan" not in resource.file.name and resource.file.name.endswith(".csv")
    response = client.get(_url(resource))
    disposition = response["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition and "\u202e" not in disposition
    assert disposition.startswith("attachment;") and '"akhir"' not in disposition


def test_staff_whose_roles_were_taken_away_get_404(client, files, editor, agency_a):
    from lontar.agencies.services import set_staff_roles

    client.force_login(editor)
    assert client.get(_url(files["shared"])).status_code == 200
    set_staff_roles(user=editor, agency=agency_a, roles=[])
    assert client.get(_url(files["shared"])).status_code == 404
