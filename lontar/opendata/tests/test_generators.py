"""Live resources come from the portal's own records, without personal data."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from lontar.opendata import selectors
from lontar.opendata.generators import GENERATORS
from lontar.opendata.models import Resource
from lontar.opendata.tests.helpers import add_csv, make_dataset
from lontar.ppid.tests.helpers import NIK, make_request
from lontar.regulations.tests.helpers import make_document
from lontar.survey.models import SurveyPeriod, SurveyUnit

pytestmark = pytest.mark.django_db


def _live(agency, key: str) -> Resource:
    dataset = make_dataset(agency, slug=f"live-{key}", title=key, tags="langsung")
    return Resource.objects.create(dataset=dataset, name=key, generator=key)


def test_ppid_statistics_count_requests_without_personal_data(client, agency_a, agency_b):
    make_request(agency_a)
    make_request(agency_a)
    make_request(agency_b)
    resource = _live(agency_a, "ppid-statistik")
    table = selectors.table_of(resource)
    assert table.columns == ["tahun", "status", "keputusan", "jumlah"]
    assert table.rows == [{"tahun": 2026, "status": "terdaftar", "keputusan": None, "jumlah": 2}]
    body = client.get(f"/data/sumber/{resource.pk}/unduh/").content.decode()
    assert "Maria" not in body and NIK not in body and "pemohon@contoh.id" not in body


def test_survey_results_only_published_periods(agency_a):
    unit = SurveyUnit.objects.create(agency=agency_a, name="Layanan PPID", slug="ppid")
    today = timezone.localdate()
    common = {"agency": agency_a, "unit": unit, "kind": "triwulan", "population": 100}
    SurveyPeriod.objects.create(
        name="Triwulan I",
        starts_on=today - timedelta(days=90),
        ends_on=today - timedelta(days=1),
        published_at=timezone.now(),
        index=Decimal("88.31"),
        grade="B",
        label="Baik",
        respondents=120,
        **common,
    )
    SurveyPeriod.objects.create(
        name="Triwulan II", starts_on=today, ends_on=today + timedelta(days=90), **common
    )
    table = selectors.table_of(_live(agency_a, "skm-hasil"))
    assert [(r["periode"], r["ikm"], r["mutu"]) for r in table.rows] == [("Triwulan I", 88.31, "B")]


def test_regulations_list_public_fields(agency_a):
    make_document(agency_a, title="Pergub Kepegawaian", number="7", year=2021)
    make_document(agency_a, title="Draf tersembunyi", is_published=False)
    table = selectors.table_of(_live(agency_a, "regulasi"))
    assert [r["judul"] for r in table.rows] == ["Pergub Kepegawaian"]
    assert table.types["tahun"] == "int"


def test_civil_servants_come_from_the_uploaded_resource(agency_a):
    assert selectors.table_of(_live(agency_a, "asn")).rows == []
    add_csv(make_dataset(agency_a))
    table = selectors.table_of(Resource.objects.get(generator="asn"))
    assert len(table.rows) == 5 and table.columns[-1] == "jumlah"


def test_registry_lists_the_four_sources():
    assert {"ppid-statistik", "skm-hasil", "regulasi", "asn"} <= set(GENERATORS)


def test_request_register_is_published_without_personal_data(agency_a):
    from lontar.opendata.generators import GENERATORS
    from lontar.ppid.tests.helpers import NIK, PHONE, make_request

    request, _ = make_request(agency_a)

    columns, rows = GENERATORS["ppid-register"].generate(agency_a)

    assert "Nomor pendaftaran" in columns and rows[0][0] == request.number
    flat = " ".join(str(value) for row in rows for value in row)
    for secret in (NIK, PHONE, "Maria Uji Pemohon", "pemohon@contoh.id", "Jalan Flamboyan"):
        assert secret not in flat
