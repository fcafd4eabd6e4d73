"""Issue 18, scale: the PPID Utama's compliance dashboard (page and CSV) and the provincial
`/cari/` cost the same number of queries with 60 agencies under the province as with 10.

The agencies and their content come from the bulk generator of `lontar generate_data`
(each agency its own Site, home page, news index and role groups; articles, regulations,
requests and questions in bulk), so the test stays within seconds. The monev scores are
refreshed by the worker's job first, as in production (lontar/monev/province.py).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from lontar.accounts import sessions
from lontar.agencies.models import Agency
from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import agency_with_site, staff_member
from lontar.demo.generate import generate
from lontar.monev.jobs import refresh_self_assessment_scores
from lontar.news.models import NewsArticlePage
from lontar.ppid.models import InformationRequest
from lontar.qna.models import Question
from lontar.regulations.models import LegalDocument

pytestmark = pytest.mark.django_db

# Fixed ceilings, whatever the number of agencies.
DASHBOARD_BUDGET = 40  # 31 measured (25 for the CSV), most of it the admin's own
SEARCH_BUDGET = 30  # 22 measured: per source the index span, its entries, the matches and rows
WORD = "provinsi"  # in every generated article and regulation


@pytest.fixture
def province(db):
    agency = agency_with_site(
        hostname="localhost",
        default=True,
        short_name="PROV",
        kind=Agency.Kind.PROVINCE,
        ppid_role=Agency.PPIDRole.MAIN,
    )
    return agency


def grow(province: Agency, count: int, *, seed: int) -> None:
    """`count` more agencies under the province, each with a little of everything."""
    before = set(Agency.objects.values_list("pk", flat=True))
    generate(
        agencies=count,
        articles=count * 3,
        regulations=count * 2,
        requests=count * 4,
        questions=count,
        datasets=count,
        seed=seed,
    )
    made = Agency.objects.exclude(pk__in=before)
    made.update(parent=province)
    # The generator spreads requests over ten years; some answered lately fill the figures.
    recent = timezone.now() - timedelta(days=20)
    InformationRequest.objects.filter(agency__in=made, answered_at__isnull=False).update(
        answered_at=recent
    )
    backend = get_search_backend()  # the bulk inserts skip the search index
    backend.add_bulk(NewsArticlePage, NewsArticlePage.objects.filter(path__startswith="0001"))
    backend.add_bulk(LegalDocument, LegalDocument.objects.filter(agency__in=made))
    backend.add_bulk(Question, Question.objects.filter(agency__in=made))


def _kinds_shown(response) -> int:
    """How many kinds of record (news, regulation ...) the results page shows."""
    return len({result["label"] for result in response.context["results"]})


def cost(client: Client, path: str, params: dict | None = None) -> tuple[int, object]:
    client.get(path, params or {})  # warm what a running site has warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params or {})
    assert response.status_code == 200, path
    return len(captured), response


@override_settings(LONTAR_PAGE_CACHE_SECONDS=0)
def test_dashboard_and_provincial_search_cost_the_same_with_10_and_60_agencies(
    province, monkeypatch
):
    # The session's "last seen" is written once a minute (accounts/middleware.py): not while
    # this test compares counts.
    monkeypatch.setattr(sessions, "SEEN_RESOLUTION_SECONDS", 24 * 3600)
    officer = staff_member(province, Role.PPID_OFFICER, username="ppid-utama")
    client = Client()
    client.force_login(officer)
    targets = {
        "dashboard": (reverse("province_compliance"), None),
        "csv": (reverse("province_compliance_csv"), None),
        "search": ("/cari/", {"q": WORD}),
        "search page 3": ("/cari/", {"q": WORD, "halaman": "3"}),
        "search one agency": ("/cari/", {"q": WORD, "instansi": "gen-opd-2"}),
    }

    grow(province, 10, seed=10)

    cache.clear()
    refresh_self_assessment_scores()
    with_ten = {name: cost(client, *target) for name, target in targets.items()}
    assert len(with_ten["dashboard"][1].context["rows"]) == 11
    ten_hits = with_ten["search"][1].context["total"]

    grow(province, 50, seed=60)

    assert Agency.objects.filter(parent=province).count() == 60
    cache.clear()
    refresh_self_assessment_scores()
    for name, (path, params) in targets.items():
        client.get(path, params or {})
        budget = DASHBOARD_BUDGET if name in ("dashboard", "csv") else SEARCH_BUDGET
        ten, ten_response = with_ten[name]
        assert ten <= budget, f"{name}: {ten} queries with 10"
        sixty, response = cost(client, path, params)
        assert response.status_code == 200
        if name.startswith("search"):
            # A warm search loads the hits shown with one query per kind of record on the
            # page (search/service.load); the rest of its cost must not grow.
            assert sixty - _kinds_shown(response) <= ten - _kinds_shown(ten_response), name
        else:
            assert sixty <= ten, f"{name}: {sixty} queries with 60, {ten} with 10"

    # The figures and the hits really span the sixty agencies.
    dashboard = client.get(reverse("province_compliance"))
    rows = dashboard.context["rows"]
    assert len(rows) == 61
    assert sum(1 for row in rows if row["berita_terakhir"]) == 60
    assert sum(1 for row in rows if row["tepat_waktu"] is not None) >= 50
    assert all(row["skor_mandiri"] is not None for row in rows)
    search = client.get("/cari/", {"q": WORD})
    assert search.context["total"] > ten_hits
    agencies_found = {r["agency"].pk for r in search.context["results"]}
    assert agencies_found and None not in agencies_found
    one = client.get("/cari/", {"q": WORD, "instansi": "gen-opd-42"}).context
    assert one["results"] and {r["agency"].slug for r in one["results"]} == {"gen-opd-42"}
