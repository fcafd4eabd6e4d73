"""Junk in parameters gets a 4xx in the endpoint's own envelope, never a 500.

Each table lists (parameters, expected status); CKAN answers with its error envelope, the
content API with 400 JSON naming the parameter, HTML pages with the 400 page.
"""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lontar.opendata.models import PartnerAgreement, PartnerKey
from lontar.opendata.tests.helpers import add_csv, make_dataset

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"  # beyond 64 bits
CKAN_ERRORS = {"Validation Error", "Search Query Error", "Not Found Error"}


@pytest.fixture
def resource(agency_a):
    return add_csv(make_dataset(agency_a))


def _ckan_cases(resource_id: str) -> list[tuple[str, str, object, int]]:
    """(action, method, parameters, status); GET parameters are a dict, POST ones JSON text."""
    rid = resource_id
    return [
        ("package_search", "GET", {"facet.field": "5"}, 409),
        ("package_search", "GET", {"facet.field": "["}, 409),
        ("package_search", "GET", {"facet.field": '["tags", 5]'}, 409),
        ("package_search", "POST", '{"facet.field": 5}', 409),
        ("package_search", "POST", '{"rows": 1e999}', 409),
        ("package_search", "POST", '{"rows": 2.5}', 409),
        ("package_search", "POST", '{"rows": true}', 409),
        ("package_search", "POST", '{"start": -1}', 409),
        ("package_search", "GET", {"rows": HUGE}, 409),
        ("package_search", "GET", {"start": HUGE}, 409),
        ("package_search", "GET", {"rows": "1e3"}, 409),
        ("package_search", "GET", {"rows": "abc"}, 409),
        ("package_search", "GET", {"fq": "{not json"}, 409),
        ("package_search", "POST", '{"fq": {"tags": 1}}', 409),
        ("package_search", "GET", {"q": "ASN\x00"}, 409),
        ("package_search", "GET", {"sort": "title_string asc\x00"}, 409),
        ("package_search", "POST", '{"q": ["ASN"]}', 409),
        ("package_list", "GET", {"limit": HUGE}, 409),
        ("package_list", "GET", {"offset": "abc"}, 409),
        ("package_show", "GET", {"id": "\x00"}, 409),
        ("package_show", "POST", '{"id": {"x": 1}}', 409),
        ("organization_show", "GET", {"id": "a\x00"}, 409),
        ("tag_list", "GET", {"query": "\x00"}, 409),
        ("resource_show", "GET", {"id": HUGE}, 404),
        ("resource_show", "GET", {"id": "\x00"}, 404),
        ("datastore_search", "GET", {"resource_id": HUGE}, 404),
        ("datastore_search", "GET", {"resource_id": rid, "fields": "5"}, 409),
        ("datastore_search", "POST", json.dumps({"resource_id": rid, "fields": 5}), 409),
        ("datastore_search", "POST", json.dumps({"resource_id": rid, "fields": [5]}), 409),
        ("datastore_search", "GET", {"resource_id": rid, "limit": HUGE}, 409),
        ("datastore_search", "GET", {"resource_id": rid, "offset": HUGE}, 409),
        ("datastore_search", "POST", '{"resource_id": ' + rid + ', "limit": 1e999}', 409),
        ("datastore_search", "GET", {"resource_id": rid, "filters": "nope"}, 409),
        ("datastore_search", "GET", {"resource_id": rid, "filters": "[1]"}, 409),
        ("datastore_search", "GET", {"resource_id": rid, "q": "\x00"}, 409),
        ("datastore_search", "POST", "[" * 100_000, 409),
        ("package_search", "POST", "not json", 409),
        ("package_search", "POST", "[1, 2]", 409),
        ("package_search", "POST", b"\xff\xfe{", 409),
    ]


def test_ckan_actions_answer_junk_with_the_ckan_error_envelope(client, resource):
    for action, method, params, status in _ckan_cases(str(resource.pk)):
        url = f"/api/3/action/{action}"
        if method == "GET":
            response = client.get(url, params)
        else:
            response = client.post(url, params, content_type="application/json")
        case = (action, method, params if len(str(params)) < 80 else "<long>")
        assert response.status_code == status, case
        body = response.json()
        assert body["success"] is False and "result" not in body, case
        error = body["error"]
        assert error["__type"] in CKAN_ERRORS, case
        if error["__type"] == "Validation Error":
            # CKAN keys validation errors by the parameter: {"rows": ["…"]}
            fields = {k: v for k, v in error.items() if k != "__type"}
            assert fields and all(isinstance(v, list) and v for v in fields.values()), case
        else:
            assert error["message"], case


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"q": "'"}, 200),
        ({"q": '"'}, 200),
        ({"q": "ASN", "rows": "5000"}, 200),  # capped at 1000 as CKAN caps it
        ({"facet.field": '["tags"]'}, 200),
    ],
)
def test_ckan_odd_but_valid_input_still_answers(client, resource, params, status):
    response = client.get("/api/3/action/package_search", params)
    assert response.status_code == status
    assert response.json()["success"] is True


CONTENT_CASES = [
    ("news", {"date_from": "abc"}, "date_from"),
    ("news", {"date_to": "2026-13-45"}, "date_to"),
    ("news", {"date_from": "2026-01-01\x00"}, "date_from"),
    ("news", {"page": "abc"}, "page"),
    ("news", {"page": "0"}, "page"),
    ("news", {"page": HUGE}, "page"),
    ("news", {"page_size": "101"}, "page_size"),
    ("news", {"page_size": "0"}, "page_size"),
    ("news", {"page_size": "abc"}, "page_size"),
    ("news", {"page_size": HUGE}, "page_size"),
    ("news", {"q": "berita\x00"}, "q"),
    ("news", {"agency": "\x00"}, "agency"),
    ("regulations", {"year": "abc"}, "year"),
    ("regulations", {"year": HUGE}, "year"),
    ("events", {"date_from": "kemarin"}, "date_from"),
    ("faq", {"category": "\x00"}, "category"),
]


def test_content_api_answers_junk_with_400_json(client, agency_a):
    for source, params, parameter in CONTENT_CASES:
        response = client.get(f"/api/v1/{source}/", params)
        case = (source, params)
        assert response.status_code == 400, case
        error = response.json()["error"]
        assert error["parameter"] == parameter and error["message"], case
    assert client.get("/api/v1/news/", {"page_size": "100"}).status_code == 200
    assert client.get("/api/v1/news/", {"date_from": "2026-01-01"}).status_code == 200


DATA_PAGE_CASES = [
    {"halaman": "abc"},
    {"halaman": "0"},
    {"halaman": HUGE},
    {"halaman": "²"},
    {"q": "ASN\x00"},
    {"tag": "\x00"},
    {"instansi": "\x01"},
    {"unit": "x\x00"},
]


def test_data_page_answers_junk_with_the_400_page(client, resource):
    for params in DATA_PAGE_CASES:
        response = client.get("/data/", params)
        assert response.status_code == 400, params
        assert "Permintaan tidak valid" in response.content.decode(), params
    # A unit slug made of digits is a slug like any other: no match, not an error.
    unknown_unit = client.get("/data/", {"unit": HUGE})
    assert unknown_unit.status_code == 200
    assert "Jumlah ASN" not in unknown_unit.content.decode()
    assert client.get("/data/", {"halaman": "999"}).status_code == 200  # last page shown


def test_download_of_an_impossible_resource_is_404(client):
    for pk in ("0", HUGE):
        assert client.get(f"/data/sumber/{pk}/unduh/").status_code == 404, pk


def test_partner_key_admin_answers_junk_with_400(client, platform_admin, agency_a):
    today = timezone.localdate()
    agreement = PartnerAgreement.objects.create(
        agency=agency_a,
        partner_name="Bappeda",
        purpose="Perencanaan",
        legal_basis="Perpres 39/2019",
        starts_on=today,
        ends_on=today + timedelta(days=1),
    )
    client.force_login(platform_admin)
    url = reverse("opendata_agreement_keys", args=[agreement.pk])
    for data in ({"revoke": "abc"}, {"revoke": HUGE}, {"revoke": "-1"}, {"label": "x\x00"}):
        response = client.post(url, data)
        assert response.status_code == 400, data
    assert not PartnerKey.objects.exists()
