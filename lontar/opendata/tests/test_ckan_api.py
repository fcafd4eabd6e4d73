"""A real CKAN client (ckanapi) reads the catalogue through /api/3/action/."""

import ckanapi
import pytest

from lontar.opendata.models import Dataset
from lontar.opendata.tests.helpers import add_csv, add_variable, make_dataset

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def catalogue(agency_a, agency_b):
    asn = make_dataset(agency_a, groups=["kepegawaian"])
    add_variable(asn, "jumlah", definition="Banyaknya pegawai", unit_of_measure="orang")
    resource = add_csv(asn)
    for number in range(12):
        make_dataset(
            agency_b,
            slug=f"statistik-{number:02d}",
            title=f"Statistik sektoral {number:02d}",
            tags="statistik",
        )
    make_dataset(agency_a, slug="rahasia", title="Data mitra", visibility="mitra")
    return {"asn": asn, "resource": resource}


@pytest.fixture
def ckan(live_server):
    client = ckanapi.RemoteCKAN(live_server.url)
    yield client
    client.close()  # no kept-alive socket may outlive the live server


def test_package_list_and_show(ckan, catalogue, agency_a):
    names = ckan.action.package_list()
    assert "pegawai-asn" in names and "statistik-00" in names
    assert "rahasia" not in names  # shared with partners only
    package = ckan.action.package_show(id="pegawai-asn")
    assert package["title"] == "Jumlah ASN menurut golongan"
    assert package["organization"]["name"] == agency_a.slug
    assert [t["name"] for t in package["tags"]] == ["ASN", "kepegawaian"]
    assert package["groups"][0]["name"] == "kepegawaian"
    assert package["resources"][0]["format"] == "CSV"
    assert package["variables"][0]["unit"] == "orang"


def test_missing_and_shared_packages_are_refused(ckan, catalogue):
    with pytest.raises(ckanapi.NotFound):
        ckan.action.package_show(id="tidak-ada")
    with pytest.raises(ckanapi.NotAuthorized):
        ckan.action.package_show(id="rahasia")


def test_package_search_with_query_paging_sort_and_facets(ckan, catalogue, agency_b):
    first = ckan.action.package_search(q="sektoral", rows=5, start=0, sort="name asc")
    assert first["count"] == 12
    assert [p["name"] for p in first["results"]] == [f"statistik-{n:02d}" for n in range(5)]
    third = ckan.action.package_search(q="sektoral", rows=5, start=10, sort="name asc")
    assert [p["name"] for p in third["results"]] == ["statistik-10", "statistik-11"]
    faceted = ckan.action.package_search(
        fq=f"organization:{agency_b.slug}", rows=0, **{"facet.field": ["tags", "organization"]}
    )
    assert faceted["count"] == 12
    assert faceted["facets"]["tags"] == {"statistik": 12}
    by_tag = ckan.action.package_search(fq="tags:ASN")
    assert [p["name"] for p in by_tag["results"]] == ["pegawai-asn"]
    with pytest.raises(ckanapi.ValidationError):
        ckan.action.package_search(sort="password asc")


def test_datastore_search_with_filters(ckan, catalogue):
    resource_id = str(catalogue["resource"].pk)
    result = ckan.action.datastore_search(
        resource_id=resource_id, filters={"golongan": "III"}, sort="jumlah desc", limit=2
    )
    assert result["total"] == 3
    assert [r["jumlah"] for r in result["records"]] == [135, 120]
    assert {"id": "jumlah", "type": "int"} in result["fields"]
    searched = ckan.action.datastore_search(resource_id=resource_id, q="Sumber Air", offset=1)
    assert searched["total"] == 2 and len(searched["records"]) == 1
    with pytest.raises(ckanapi.ValidationError):
        ckan.action.datastore_search(resource_id=resource_id, filters={"1=1; --": "x"})
    with pytest.raises(ckanapi.NotFound):
        ckan.action.datastore_search(resource_id="999999")


def test_organizations_groups_tags_resource_and_status(ckan, catalogue, agency_a, agency_b):
    assert ckan.action.organization_list() == sorted([agency_a.slug, agency_b.slug])
    org = ckan.action.organization_show(id=agency_b.slug)
    assert org["package_count"] == 12
    assert ckan.action.group_list() == ["kepegawaian"]
    assert "statistik" in ckan.action.tag_list()
    resource = ckan.action.resource_show(id=str(catalogue["resource"].pk))
    assert resource["package_id"] == str(catalogue["asn"].uuid)
    assert resource["url"].endswith(f"/data/sumber/{catalogue['resource'].pk}/unduh/")
    assert ckan.action.status_show()["api_version"] == 3


def test_get_requests_and_error_envelope(client, catalogue):
    response = client.get("/api/3/action/package_show", {"id": "tidak-ada"})
    assert response.status_code == 404
    body = response.json()
    assert body["success"] is False
    assert body["error"]["__type"] == "Not Found Error"
    assert "help" in body
    assert client.get("/api/3/action/package_show").status_code == 409
    assert client.get("/api/3/action/datastore_create").status_code == 400
    ok = client.get("/api/3/action/package_search", {"q": "ASN"}).json()
    assert ok["success"] is True and ok["result"]["count"] == 1
    assert Dataset.objects.count() == 14


def test_shared_resource_url_downloads_with_the_partner_key_only(live_server, agency_a):
    import requests
    from django.utils import timezone

    from lontar.opendata import partners
    from lontar.opendata.models import PartnerAgreement

    agency_a.public_base_url = live_server.url  # resource URLs start at the public address
    agency_a.save()
    shared = make_dataset(agency_a, slug="formasi", title="Formasi", visibility="mitra")
    resource = add_csv(shared, text="unit,lowong\nMutasi,3\n")
    today = timezone.localdate()
    agreement = PartnerAgreement.objects.create(
        agency=agency_a,
        partner_name="Bappeda",
        purpose="Perencanaan",
        legal_basis="Perpres 39/2019",
        starts_on=today,
        ends_on=today,
    )
    agreement.datasets.add(shared)
    _key, raw = partners.issue_key(agreement, "server")
    partner = ckanapi.RemoteCKAN(live_server.url, apikey=raw)
    anonymous = ckanapi.RemoteCKAN(live_server.url)
    try:
        shown = partner.action.resource_show(id=str(resource.pk))
        with pytest.raises(ckanapi.NotAuthorized):
            anonymous.action.resource_show(id=str(resource.pk))
    finally:
        partner.close()
        anonymous.close()
    url = shown["url"]
    assert url.startswith(live_server.url) and "/media/" not in url
    # One connection per request: a kept-alive socket may be closed by the live server.
    closing = {"Connection": "close"}
    with_key = requests.get(url, headers={**closing, "Authorization": raw}, timeout=30)
    assert with_key.status_code == 200 and with_key.content == b"unit,lowong\nMutasi,3\n"
    assert requests.get(url, headers=closing, timeout=30).status_code == 404
    forged = requests.get(url, headers={**closing, "Authorization": "ltr_palsu"}, timeout=30)
    assert forged.status_code == 404
