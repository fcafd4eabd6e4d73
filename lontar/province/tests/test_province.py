"""The provincial platform (issue 18): the compliance dashboard, its CSV and open data; the
province's items on OPD sites; one search across the province."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from lontar.agencies.models import Agency
from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import agency_with_site, staff_member
from lontar.news.tests.helpers import article, news_index
from lontar.opendata.generators import GENERATORS
from lontar.ppid.models import InformationRequest
from lontar.ppid.tests.helpers import make_request
from lontar.province import registry
from lontar.regulations.tests.helpers import make_document


@pytest.fixture
def province(agency_a, agency_b):
    agency_a.kind = Agency.Kind.PROVINCE
    agency_a.ppid_role = Agency.PPIDRole.MAIN
    agency_a.save()
    agency_b.parent = agency_a
    agency_b.save()
    agency_c = agency_with_site(hostname="dinas-c.localhost", short_name="DINAS-C", parent=agency_a)
    return agency_a, agency_b, agency_c


def _answer(request, *, days_after_due: int):
    """Mark a request answered `days_after_due` calendar days after its due date."""
    at = timezone.make_aware(
        datetime.combine(request.notice_due + timedelta(days=days_after_due), datetime.min.time())
        + timedelta(hours=10),
        request.agency.zone,
    )
    InformationRequest.objects.filter(pk=request.pk).update(answered_at=at, status="dijawab")


def test_the_dashboard_figures_match_an_independent_count(client, province):
    prov, opd_b, opd_c = province
    today = prov.today()
    received = timezone.now() - timedelta(days=40)
    b_requests = [make_request(opd_b, received_at=received)[0] for _ in range(3)]
    c_request, _ = make_request(opd_c, received_at=received)
    _answer(b_requests[0], days_after_due=-3)
    _answer(b_requests[1], days_after_due=0)
    _answer(b_requests[2], days_after_due=2)
    # Independent count: answered on or before the stored due date, straight from the rows.
    answered = InformationRequest.objects.filter(agency=opd_b, answered_at__isnull=False)
    on_time = sum(
        1 for r in answered if r.answered_at.astimezone(opd_b.zone).date() <= r.notice_due
    )
    expected_rate = (Decimal(on_time) * 100 / answered.count()).quantize(Decimal("0.1"))
    index = news_index(prov)
    article(index, "Kabar provinsi", on=today - timedelta(days=5))

    client.force_login(staff_member(prov, Role.PPID_OFFICER, username="ppid-utama"))
    page = client.get(reverse("province_compliance"))

    assert page.status_code == 200
    rows = {row["instansi_singkat"]: row for row in page.context["rows"]}
    assert set(rows) == {"BKD-A", "DINAS-B", "DINAS-C"}
    assert expected_rate == Decimal("66.7")
    assert rows["DINAS-B"]["tepat_waktu"] == expected_rate
    assert rows["DINAS-C"]["tepat_waktu"] is None  # nothing answered yet
    assert rows["BKD-A"]["berita_terakhir"] == today - timedelta(days=5)
    assert 0 <= rows["DINAS-B"]["skor_mandiri"] <= 100  # monev's score (monev/tests)
    assert c_request.number not in page.content.decode()  # figures, never requests

    # The same figures in the CSV and in the open-data resource.
    csv_rows = list(
        csv.reader(io.StringIO(client.get(reverse("province_compliance_csv")).content.decode()))
    )
    columns, data = GENERATORS["kepatuhan-provinsi"].generate(prov)
    assert csv_rows[0] == list(columns)
    by_agency = {row[0]: dict(zip(csv_rows[0], row, strict=True)) for row in csv_rows[1:]}
    assert by_agency["DINAS-B"]["tepat_waktu"] == "66.7"
    assert [str(cell) for cell in data[0]] == csv_rows[1]


def test_the_dashboard_sorts_by_a_validated_column(client, province):
    prov, _b, _c = province
    client.force_login(staff_member(prov, Role.PPID_OFFICER, username="ppid-utama"))

    names = [
        r["nama"]
        for r in client.get(
            reverse("province_compliance"), {"urut": "nama", "arah": "turun"}
        ).context["rows"]
    ]
    assert names == sorted(names, reverse=True)
    junk = client.get(reverse("province_compliance"), {"urut": "nama; DROP"})
    assert junk.status_code == 400 and "“urut”" in junk.content.decode()
    assert client.get(reverse("province_compliance"), {"arah": "x"}).status_code == 400


def test_a_pelaksana_has_no_province_dashboard(client, province):
    _prov, opd_b, _c = province
    client.force_login(staff_member(opd_b, Role.PPID_OFFICER, username="ppid-b"))
    assert client.get(reverse("province_compliance")).status_code in (302, 403)


def test_a_self_assessment_app_fills_its_column(client, province, monkeypatch):
    prov, opd_b, _c = province
    monkeypatch.setattr(registry, "_SCORES", [])
    registry.register_agency_scores(lambda agencies: {opd_b.pk: Decimal("81.5")})
    client.force_login(staff_member(prov, Role.PPID_OFFICER, username="ppid-utama"))

    rows = {
        r["instansi_singkat"]: r for r in client.get(reverse("province_compliance")).context["rows"]
    }
    assert rows["DINAS-B"]["skor_mandiri"] == Decimal("81.5")
    assert rows["DINAS-C"]["skor_mandiri"] is None


def test_the_province_chooses_what_every_opd_site_shows(
    client, province, django_assert_max_num_queries
):
    prov, opd_b, _c = province
    make_document(prov, title="Pergub Keterbukaan Informasi", shown_across_province=True)
    make_document(prov, title="Pergub Internal", shown_across_province=False)
    make_document(opd_b, title="Perkadis Sendiri", shown_across_province=True)
    article(news_index(prov), "Pengumuman Seleksi Terbuka").__class__.objects.filter(
        title="Pengumuman Seleksi Terbuka"
    ).update(shown_across_province=True)

    client.get("/", HTTP_HOST="dinas-b.localhost")  # warm the caches, as in production
    with django_assert_max_num_queries(8):
        page = client.get("/", HTTP_HOST="dinas-b.localhost").content.decode()

    assert "Dari Pemerintah Provinsi" in page
    assert "Pergub Keterbukaan Informasi" in page and "Pengumuman Seleksi Terbuka" in page
    assert "Pergub Internal" not in page and "Perkadis Sendiri" not in page
    assert "http://localhost/" in page  # links lead to the province's own site
    assert "Dari Pemerintah Provinsi" not in client.get("/").content.decode()


def test_the_provincial_search_spans_agencies_and_each_opd_keeps_its_own(client, province):
    prov, opd_b, opd_c = province
    make_document(prov, title="Retribusi daerah provinsi")
    make_document(opd_b, title="Retribusi pasar dinas B")
    make_document(opd_c, title="Retribusi parkir dinas C")

    everything = client.get("/cari/", {"q": "retribusi"})
    titles = {r["title"] for r in everything.context["results"]}
    assert {
        "Retribusi daerah provinsi",
        "Retribusi pasar dinas B",
        "Retribusi parkir dinas C",
    } <= titles
    assert "Dinas" in everything.content.decode() or opd_b.name in everything.content.decode()
    only_b = client.get("/cari/", {"q": "retribusi", "instansi": opd_b.slug}).context["results"]
    assert {r["title"] for r in only_b} == {"Retribusi pasar dinas B"}
    assert only_b[0]["url"].startswith("http://dinas-b.localhost/")
    junk = client.get("/cari/", {"q": "retribusi", "instansi": "<script>"})
    assert junk.status_code == 400 and "“instansi”" in junk.content.decode()

    own = client.get("/cari/", {"q": "retribusi"}, HTTP_HOST="dinas-b.localhost")
    assert {r["title"] for r in own.context["results"]} == {"Retribusi pasar dinas B"}
    assert (
        client.get(
            "/cari/", {"q": "retribusi", "instansi": opd_c.slug}, HTTP_HOST="dinas-b.localhost"
        ).status_code
        == 400
    )


def test_writing_activity_median_days_and_dip_freshness_per_agency(client, province):
    from lontar.agencies.calendar import calendar_for_agency
    from lontar.agencies.tests.factories import UnitFactory
    from lontar.infolist.categories import Category
    from lontar.infolist.models import InfoItem
    from lontar.ppid.deadlines import local_date

    prov, opd_b, opd_c = province
    today = prov.today()
    writer = staff_member(opd_b, Role.WRITER, username="penulis-b").staff_profile
    writer.unit = UnitFactory(agency=opd_b, name="Bidang Jalan")
    writer.save()
    index_b = news_index(opd_b)
    article(index_b, "Jalan baru", on=today - timedelta(days=3), author=writer)
    article(index_b, "Jembatan baru", on=today - timedelta(days=10), author=writer)
    article(index_b, "Kabar lama", on=today - timedelta(days=200), author=writer)
    article(news_index(opd_c), "Tanpa penulis", on=today - timedelta(days=1))
    received = timezone.now() - timedelta(days=40)
    answered = [make_request(opd_b, received_at=received)[0] for _ in range(3)]
    for request, late in zip(answered, (-4, -1, 3), strict=True):
        _answer(request, days_after_due=late)
    InfoItem.objects.create(
        agency=opd_c,
        summary="Laporan keuangan triwulan",
        holder="Sekretariat",
        responsible="Sekretaris",
        made_when_where="Kantor dinas",
        retention="5 tahun",
        category=Category.PERIODIC,
        last_updated=today - timedelta(days=400),
    )

    client.force_login(staff_member(prov, Role.PPID_OFFICER, username="ppid-utama"))
    rows = {
        r["instansi_singkat"]: r for r in client.get(reverse("province_compliance")).context["rows"]
    }

    assert rows["DINAS-B"]["tulisan_90_hari"] == 2  # the 200-day-old one is outside
    assert rows["DINAS-B"]["tulisan_per_unit"] == "Bidang Jalan: 2"
    assert rows["DINAS-C"]["tulisan_90_hari"] == 1 and rows["DINAS-C"]["tulisan_per_unit"] == "—: 1"
    assert rows["BKD-A"]["tulisan_90_hari"] == 0 and rows["BKD-A"]["tulisan_per_unit"] is None
    assert rows["DINAS-B"]["berita_terakhir"] == today - timedelta(days=3)
    # The median, counted independently with the agency's own calendar.
    calendar = calendar_for_agency(opd_b)
    days = sorted(
        calendar.working_days_between(
            local_date(r.received_at, opd_b.time_zone), local_date(r.answered_at, opd_b.time_zone)
        )
        for r in InformationRequest.objects.filter(pk__in=[r.pk for r in answered])
    )
    assert rows["DINAS-B"]["median_hari_kerja"] == Decimal(days[1]).quantize(Decimal("0.1"))
    assert rows["DINAS-C"]["dip_diperbarui"] == today - timedelta(days=400)
    assert rows["DINAS-C"]["dip_berkala_usang"] == 1
    assert rows["DINAS-B"]["dip_diperbarui"] is None
