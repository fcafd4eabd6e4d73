"""What CKAN 2.10/2.11 clients expect beyond the basics, read with the real `ckanapi` client and
its command line: UUID ids, CKAN's fields and timestamps, group_show, help_show, /api/3, sort,
fq, facets, field-keyed validation errors, the DataStore's `_id`, formats and `_links`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import ckanapi
import pytest
import requests

from lontar.opendata.models import Dataset
from lontar.opendata.tests.helpers import add_csv, make_dataset

pytestmark = pytest.mark.django_db(transaction=True)
CKAN_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$")


@pytest.fixture
def catalogue(agency_a, agency_b):
    asn = make_dataset(agency_a, groups=["kepegawaian"], tags="ASN, data pegawai")
    resource = add_csv(asn)
    make_dataset(agency_a, slug="formasi", title="Formasi", tags="ASN", groups=["kepegawaian"])
    make_dataset(agency_b, slug="curah-hujan", title="Curah hujan", tags="iklim", license="cc-zero")
    return {"asn": asn, "resource": resource}


@pytest.fixture
def ckan(live_server):
    client = ckanapi.RemoteCKAN(live_server.url)
    yield client
    client.close()


def test_packages_have_uuid_ids_ckan_fields_and_timestamps(ckan, catalogue, agency_a):
    asn = catalogue["asn"]
    package = ckan.action.package_show(id=str(asn.uuid))
    assert package == ckan.action.package_show(id="pegawai-asn")
    assert uuid.UUID(package["id"]) == asn.uuid and package["name"] == "pegawai-asn"
    assert package["owner_org"] == package["organization"]["id"] == str(agency_a.uuid)
    assert package["isopen"] is True
    assert package["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
    for key in ("version", "author_email"):
        assert key in package
    assert CKAN_TIME.match(package["metadata_modified"])
    assert CKAN_TIME.match(package["metadata_created"])
    tag = package["tags"][0]
    assert uuid.UUID(tag["id"]) and tag["name"] == "ASN"
    resource = package["resources"][0]
    assert resource["id"] == str(catalogue["resource"].uuid)
    assert resource["package_id"] == package["id"]
    assert resource["position"] == 0 and resource["mimetype"] == "text/csv"
    assert resource["size"] == catalogue["resource"].file.size
    assert resource["url_type"] == "upload" and "hash" in resource
    assert CKAN_TIME.match(resource["metadata_modified"])
    assert ckan.action.resource_show(id=resource["id"])["name"] == resource["name"]
    group = ckan.action.group_show(id=package["groups"][0]["id"])
    assert group["name"] == "kepegawaian" and group["package_count"] == 2
    assert ckan.action.organization_show(id=package["owner_org"])["name"] == agency_a.slug
    with pytest.raises(ckanapi.NotFound):
        ckan.action.group_show(id="tidak-ada")


def test_search_sorts_filters_and_facets_as_ckan(ckan, catalogue):
    by_id = ckan.action.package_search(sort="id asc", rows=10)["results"]
    assert [p["id"] for p in by_id] == sorted(
        str(u) for u in Dataset.objects.values_list("uuid", flat=True)
    )
    titles = [p["title"] for p in ckan.action.package_search(sort="title desc")["results"]]
    assert titles == sorted(titles, reverse=True)
    newest = ckan.action.package_search(sort="score desc, metadata_modified desc")["results"]
    assert newest[0]["name"] == "curah-hujan"
    phrase = ckan.action.package_search(fq='tags:"data pegawai"')
    assert [p["name"] for p in phrase["results"]] == ["pegawai-asn"]
    either = ckan.action.package_search(fq="tags:iklim OR name:formasi -license_id:cc-zero")
    assert [p["name"] for p in either["results"]] == ["formasi"]
    faceted = ckan.action.package_search(
        rows=0, **{"facet.field": ["tags"], "facet.limit": 1, "facet.mincount": 2}
    )
    assert faceted["facets"]["tags"] == {"ASN": 2}
    assert faceted["search_facets"]["tags"]["items"][0]["count"] == 2
    with pytest.raises(ckanapi.SearchQueryError):
        ckan.action.package_search(fq="password:rahasia")
    with pytest.raises(ckanapi.ValidationError) as refused:
        ckan.action.package_search(rows="banyak")
    assert set(refused.value.error_dict) - {"__type"} == {"rows"}  # keyed by field, as CKAN


def test_help_show_and_the_api_version_document(ckan, catalogue, live_server):
    assert "fq" in ckan.action.help_show(name="package_search")
    response = requests.get(f"{live_server.url}/api/3", headers={"Connection": "close"}, timeout=30)
    assert response.json() == {"version": 3}


def test_datastore_search_numbers_rows_formats_them_and_links_pages(ckan, catalogue, live_server):
    resource_id = str(catalogue["resource"].uuid)
    first = ckan.action.datastore_search(resource_id=resource_id, limit=2)
    assert first["fields"][0] == {"id": "_id", "type": "int"}
    assert [r["_id"] for r in first["records"]] == [1, 2] and first["total"] == 5
    following = requests.get(
        live_server.url + first["_links"]["next"], headers={"Connection": "close"}, timeout=30
    ).json()["result"]
    assert [r["_id"] for r in following["records"]] == [3, 4]
    lists = ckan.action.datastore_search(
        resource_id=resource_id, records_format="lists", include_total=False, filters={"_id": 5}
    )
    assert lists["records"] == [[5, "Sumber Air", "IV", "P", 22]] and "total" not in lists
    as_csv = ckan.action.datastore_search(
        resource_id=resource_id, records_format="csv", fields="kabupaten,jumlah", limit=1
    )
    assert as_csv["records"] == "Batu Karang,120\n"
    with pytest.raises(ckanapi.ValidationError):
        ckan.action.datastore_search(resource_id=resource_id, records_format="xml")


@pytest.mark.parametrize(
    ("thing", "expected"),
    [("datasets", 3), ("organizations", 2), ("groups", 1)],
)
def test_ckanapi_dump_all_succeeds(catalogue, live_server, tmp_path: Path, thing, expected):
    """The real `ckanapi` command line, as a portal operator runs it to mirror a catalogue."""
    output = tmp_path / f"{thing}.jsonl"
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    command = [
        str(Path(bin_dir) / "ckanapi"),
        "dump",
        thing,
        "--all",
        "-r",
        live_server.url,
        "-p",
        "1",
        "-O",
        str(output),
        "-q",
    ]
    finished = subprocess.run(command, env=env, capture_output=True, timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr.decode()[-2000:]
    records = [json.loads(line) for line in output.read_text().splitlines()]
    assert len(records) == expected
    assert all(uuid.UUID(record["id"]) for record in records)
