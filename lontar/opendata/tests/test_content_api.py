"""The content API: filterable, paginated, with ETag / Last-Modified and an OpenAPI schema."""

from datetime import date

import pytest

from lontar.news.tests.helpers import article, category, news_index
from lontar.regulations.tests.helpers import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(agency_a):
    index = news_index(agency_a)
    events = category(agency_a, "Kegiatan")
    for day in range(1, 4):
        article(index, f"Berita {day}", on=date(2026, 3, day), category=events)
    article(index, "Draf", publish=False)


def test_news_paginated_and_filtered(client, news, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get("/api/v1/news/", {"page_size": 2})
    body = response.json()
    assert body["count"] == 3
    assert [item["title"] for item in body["results"]] == ["Berita 3", "Berita 2"]
    assert body["next"].endswith("page=2") and body["previous"] is None
    assert body["results"][0]["category"] == "Kegiatan"
    second = client.get("/api/v1/news/", {"page_size": 2, "page": 2}).json()
    assert [item["title"] for item in second["results"]] == ["Berita 1"]
    filtered = client.get("/api/v1/news/", {"date_from": "2026-03-02", "q": "berita"}).json()
    assert filtered["count"] == 2


def test_etag_gives_304_and_last_modified_is_set(client, news):
    first = client.get("/api/v1/news/")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get("/api/v1/news/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = client.get("/api/v1/news/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    assert client.get("/api/v1/news/", HTTP_IF_NONE_MATCH='"lama"').status_code == 200


def test_regulations_of_another_agency(client, agency_a, agency_b):
    make_document(agency_b, title="Perbup Pelayanan", year=2024)
    make_document(agency_b, title="Perbup Lama", year=2019)
    make_document(agency_a, title="Pergub Lain", year=2024)
    body = client.get("/api/v1/regulations/", {"agency": agency_b.slug, "year": "2024"}).json()
    assert [item["title"] for item in body["results"]] == ["Perbup Pelayanan"]
    # On agency B's own public address, whichever site the API was asked on.
    assert body["results"][0]["url"].startswith("http://dinas-b.localhost/regulasi/")
    assert client.get("/api/v1/regulations/", {"agency": "tidak-ada"}).status_code == 404
    assert client.get("/api/v1/faq-tidak-ada/").status_code == 404


def test_openapi_schema_and_docs_page(client, agency_a):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/news/", "/api/v1/regulations/"} <= set(schema["paths"])
    params = {p["name"] for p in schema["paths"]["/api/v1/regulations/"]["get"]["parameters"]}
    assert {"agency", "page", "page_size", "year", "status"} <= params
    page = client.get("/api/v1/").content.decode()
    assert "/api/v1/openapi.json" in page and "If-None-Match" in page


def test_faq_and_events_are_served_without_personal_data(client, agency_a, agency_b):
    from lontar.programs.tests.helpers import event
    from lontar.qna.models import Status
    from lontar.qna.tests.helpers import make_question

    make_question(
        agency_a,
        text="Kapan usul pensiun diajukan?",
        category="pensiun",
        status=Status.PUBLISHED,
        answer_text="Paling lambat satu tahun sebelumnya.",
    )
    make_question(agency_a, text="Belum dijawab")
    make_question(agency_b, text="Milik instansi lain", status=Status.PUBLISHED)
    event(agency_a, title="Sosialisasi Manajemen Talenta ASN")

    faq = client.get("/api/v1/faq/").json()
    events = client.get("/api/v1/events/").json()

    assert faq["count"] == 1
    entry = faq["results"][0]
    assert entry["category"] == "pensiun" and entry["url"].startswith("http")
    assert not {"asker_name", "email", "phone"} & set(entry)
    assert [item["title"] for item in events["results"]] == ["Sosialisasi Manajemen Talenta ASN"]
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/faq/", "/api/v1/events/"} <= set(schema["paths"])
