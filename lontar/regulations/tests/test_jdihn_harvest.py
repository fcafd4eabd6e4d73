"""An aggregator harvesting the JDIHN feed: paging with a total, dates it can parse, the
abstract's URL, incremental runs by last change, and JSON errors it can read."""

import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.utils.http import http_date
from pypdf import PdfReader

from lontar.regulations import services
from lontar.regulations.models import LegalDocument
from lontar.regulations.tests.helpers import make_document

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<([^>]+)>; rel="(\w+)"')


def _links(response) -> dict[str, str]:
    return {rel: url for url, rel in LINK.findall(response["Link"])}


@pytest.fixture
def library(agency_a, agency_b):
    documents = [
        make_document(agency_a, year=2000 + n, title=f"Peraturan {n}", number=str(n))
        for n in range(7)
    ]
    make_document(agency_a, title="Belum terbit", is_published=False)
    make_document(agency_b, title="Milik dinas lain")
    return documents


@pytest.mark.parametrize("how", ["page", "offset"])
def test_following_next_links_harvests_every_record_once(client, library, how):
    first = client.get("/api/jdihn/", {"limit": "3", how: "1" if how == "page" else "0"})
    assert first["X-Total-Count"] == "7"
    seen, response, pages = [], first, 0
    while True:
        pages += 1
        seen += [record["idData"] for record in response.json()]
        following = _links(response).get("next")
        if not following:
            break
        assert following.startswith("/api/jdihn/?")  # no host: resolved against the request
        response = client.get(following)
        assert response["X-Total-Count"] == "7"
    assert pages == 3
    assert sorted(seen) == sorted(str(d.pk) for d in library)
    assert len(seen) == len(set(seen))
    assert "prev" in _links(response) and "next" not in _links(response)


def test_page_and_offset_name_the_same_records(client, library):
    by_page = client.get("/api/jdihn/", {"limit": "2", "page": "3"}).json()
    by_offset = client.get("/api/jdihn/", {"limit": "2", "offset": "4"}).json()
    assert [r["idData"] for r in by_page] == [r["idData"] for r in by_offset]
    beyond = client.get("/api/jdihn/", {"page": "50"})
    assert beyond.status_code == 200 and beyond.json() == []
    assert beyond["X-Total-Count"] == "7"


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"page": "0"}, "page"),
        ({"page": "dua"}, "page"),
        ({"page": "1", "offset": "0"}, "offset"),
        ({"offset": "-1"}, "offset"),
        ({"offset": "9" * 40}, "offset"),
        ({"diubah_sejak": "kemarin"}, "diubah_sejak"),
        ({"diubah_sejak": "2025-02-30"}, "diubah_sejak"),
        ({"diubah_sejak": "２０２５-01-01"}, "diubah_sejak"),
    ],
)
def test_junk_paging_or_since_is_a_json_400(client, library, params, parameter):
    response = client.get("/api/jdihn/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert error["parameter"] == parameter and error["message"]


def test_no_date_key_is_ever_an_empty_string(client, agency_a):
    make_document(agency_a, title="Pergub", promulgated_on=date(2021, 6, 2))
    decree = make_document(
        agency_a,
        kind="Keputusan Gubernur",
        kind_abbreviation="Kepgub",
        title="Kepgub",
        promulgated_on=None,
        enacted_on=date(2021, 7, 1),
    )
    undated = make_document(agency_a, title="Tanpa tanggal", promulgated_on=None, enacted_on=None)
    records = {r["idData"]: r for r in client.get("/api/jdihn/").json()}
    for record in records.values():
        for key in ("tanggal_pengundangan", "tanggal_penetapan"):
            if key in record:
                assert date.fromisoformat(record[key])
    # A decree is never promulgated: the date that applies to it is its enactment.
    assert records[str(decree.pk)]["tanggal_pengundangan"] == "2021-07-01"
    assert records[str(decree.pk)]["tanggal_penetapan"] == "2021-07-01"
    assert "tanggal_pengundangan" not in records[str(undated.pk)]
    assert "tanggal_penetapan" not in records[str(undated.pk)]
    assert records[str(undated.pk)]["tahun_pengundangan"] == "2020"


def test_url_abstrak_is_filled_when_an_abstract_is_written(client, agency_a):
    document = make_document(agency_a, abstract="Mengatur “disiplin” pegawai — ringkasan.")
    record = client.get(f"/api/jdihn/{document.pk}/").json()
    assert record["urlAbstrak"] == f"http://localhost/regulasi/{document.pk}/abstrak.pdf"
    assert record["abstrak"] == f"abstrak-{document.pk}.pdf"
    pdf = client.get(record["urlAbstrak"].removeprefix("http://localhost"))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    import io

    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "disiplin" in text and "ABSTRAK" in text


def test_member_keys_for_incremental_harvest(client, agency_a):
    with time_machine.travel(datetime(2025, 1, 10, 3, 0, tzinfo=UTC), tick=False):
        old = make_document(agency_a, title="Lama", original_location="Lemari arsip 3")
    with time_machine.travel(datetime(2025, 3, 1, 3, 0, tzinfo=UTC), tick=False):
        new = make_document(agency_a, title="Baru")
    record = client.get(f"/api/jdihn/{old.pk}/").json()
    assert record["lokasi"] == "Lemari arsip 3"
    assert record["terakhir_diubah"] == "2025-01-10T03:00:00Z"

    listed = client.get("/api/jdihn/")
    assert listed["Last-Modified"] == http_date(datetime(2025, 3, 1, 3, 0, tzinfo=UTC).timestamp())
    since = client.get("/api/jdihn/", {"diubah_sejak": "2025-02-01"})
    assert [r["idData"] for r in since.json()] == [str(new.pk)]
    assert since["X-Total-Count"] == "1"
    assert client.get("/api/jdihn/", {"diubah_sejak": "2025-03-01T11:00:00+08:00"}).json()
    assert client.get("/api/jdihn/", {"diubah_sejak": "2025-03-01T03:00:01Z"}).json() == []

    unchanged = client.get("/api/jdihn/", HTTP_IF_MODIFIED_SINCE=listed["Last-Modified"])
    assert unchanged.status_code == 304

    # A relation that changes the old document's status is a change an aggregator must see.
    with time_machine.travel(datetime(2025, 4, 1, 3, 0, tzinfo=UTC), tick=False):
        services.record_relation(source=new, kind="mencabut", target=old)
    changed = client.get("/api/jdihn/", {"diubah_sejak": "2025-03-15"}).json()
    assert {r["idData"]: r["status"] for r in changed} == {str(old.pk): "Tidak Berlaku"}
    assert (
        client.get("/api/jdihn/", HTTP_IF_MODIFIED_SINCE=listed["Last-Modified"]).status_code == 200
    )


def test_unpublishing_moves_last_modified(client, agency_a):
    with time_machine.travel(datetime(2025, 1, 10, 3, 0, tzinfo=UTC), tick=False):
        document = make_document(agency_a)
    stamp = client.get("/api/jdihn/")["Last-Modified"]
    with time_machine.travel(datetime(2025, 1, 11, 3, 0, tzinfo=UTC), tick=False):
        document.is_published = False
        document.save()
    response = client.get("/api/jdihn/", HTTP_IF_MODIFIED_SINCE=stamp)
    assert response.status_code == 200 and response.json() == []
    assert LegalDocument.objects.count() == 1
    assert timedelta(days=1) == (
        datetime.strptime(response["Last-Modified"], "%a, %d %b %Y %H:%M:%S GMT")
        - datetime.strptime(stamp, "%a, %d %b %Y %H:%M:%S GMT")
    )
    assert json.loads(response.content) == []
