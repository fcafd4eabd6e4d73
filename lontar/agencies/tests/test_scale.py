"""A provincial platform: an OPD page costs the same queries with 60 agencies as with one.

The OPD under test is onboarded for real (`create_agency`) and gets a news section; the 59
others come from the bulk generator of `lontar generate_data` (each its own Site, home page,
news index, role groups, and articles, regulations, requests and questions, indexed for
search), which is what a page could pay for (site lookup, base-URL map, menus, search) without
the minutes onboarding 59 full sites would take. The 50-agency onboarding test (each site on
its own host with its own content) lives in test_onboarding.py (`slow`).
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from lontar.agencies.models import Agency
from lontar.agencies.onboarding import NewAgency, create_agency
from lontar.demo.generate import generate
from lontar.news.models import NewsArticlePage
from lontar.news.tests.helpers import article, news_index
from lontar.qna.models import Question
from lontar.regulations.models import LegalDocument
from lontar.search.registry import SOURCES

pytestmark = pytest.mark.django_db

HOST = "dinkes.localhost"
WORD = "pelayanan"  # in the OPD's articles and in every generated article
PAGES = (
    "/",
    "/profil/",
    "/kontak/",
    "/ppid/",
    "/berita/",
    "/berita/pelayanan-vaksinasi-keliling/",
    f"/cari/?q={WORD}",
    "/ppid/permohonan/baru/",
)


def other_agencies(count: int) -> None:
    """`count` agencies with a little of everything, in bulk (`lontar generate_data`)."""
    before = set(Agency.objects.values_list("pk", flat=True))
    generate(
        agencies=count,
        articles=count * 3,
        regulations=count,
        requests=count * 2,
        questions=count,
        datasets=count,
        seed=18,
    )
    made = Agency.objects.exclude(pk__in=before)
    backend = get_search_backend()  # the bulk inserts skip the search index
    for agency in made:
        backend.add_bulk(
            NewsArticlePage,
            NewsArticlePage.objects.descendant_of(agency.site.root_page),
        )
    backend.add_bulk(LegalDocument, LegalDocument.objects.filter(agency__in=made))
    backend.add_bulk(Question, Question.objects.filter(agency__in=made))


def queries(path: str, *, warm: bool) -> int:
    cache.clear()
    client = Client()
    if warm:
        assert client.get(path, HTTP_HOST=HOST).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path, HTTP_HOST=HOST).status_code == 200, path
    return len(captured)


@override_settings(LONTAR_PAGE_CACHE_SECONDS=0)
def test_an_opd_page_costs_the_same_queries_with_sixty_agencies(django_assert_max_num_queries):
    dinkes = create_agency(
        NewAgency(
            name="Dinas Kesehatan",
            short_name="DINKES",
            slug="dinas-kesehatan",
            public_base_url=f"http://{HOST}",
            intro="Melayani kesehatan warga.",
        )
    ).agency
    index = news_index(dinkes)
    article(index, "Pelayanan vaksinasi keliling", text="Pelayanan vaksinasi di desa.")
    article(index, "Jadwal posyandu", text="Pelayanan posyandu bulan ini.")
    alone = {(path, warm): queries(path, warm=warm) for path in PAGES for warm in (False, True)}

    other_agencies(59)
    assert Agency.objects.count() == 60

    for (path, warm), budget in alone.items():
        cache.clear()
        client = Client()
        if warm:
            client.get(path, HTTP_HOST=HOST)
        if path.startswith("/cari/") and not warm:
            # A cold search reads more of each model's matches once other agencies' newer ones
            # come first (search/candidates.py: skipped by primary key, at most WINDOW per
            # source): bounded by the sources, not by the agencies.
            budget += len(SOURCES)
        with django_assert_max_num_queries(budget, info=f"{path} warm={warm}"):
            response = client.get(path, HTTP_HOST=HOST)
        assert response.status_code == 200
        assert "Dinas Kesehatan" in response.content.decode()
    # Under a province (its items on every OPD page, its name in the JSON-LD) a page once warm
    # still costs what it cost alone.
    province = Agency.objects.get(slug="gen-opd-1")
    Agency.objects.filter(pk=province.pk).update(kind=Agency.Kind.PROVINCE)
    Agency.objects.filter(pk=dinkes.pk).update(parent=province)
    for path in PAGES:
        cache.clear()
        client = Client()
        client.get(path, HTTP_HOST=HOST)
        with django_assert_max_num_queries(alone[(path, True)], info=f"{path} under a province"):
            response = client.get(path, HTTP_HOST=HOST)
        assert response.status_code == 200
        if path == "/":
            assert "Dinas Generasi 1" in response.content.decode()  # parentOrganization
    # The OPD's search still finds only its own records among the sixty agencies' content.
    found = Client().get("/cari/", {"q": WORD}, HTTP_HOST=HOST).context["results"]
    assert {hit["title"] for hit in found} == {"Pelayanan vaksinasi keliling", "Jadwal posyandu"}
    # And another agency's host still answers with its own home page.
    other = Client().get("/", HTTP_HOST="opd7.generated.localhost").content.decode()
    assert "Dinas Generasi 7" in other and "Dinas Kesehatan" not in other
