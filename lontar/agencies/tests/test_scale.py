"""A provincial platform: an OPD page costs the same queries with 60 agencies as with one.

The OPD under test is onboarded for real (`create_agency`); the 59 others are agencies with
their own Site and home page made directly, which is what a page could pay for (site lookup,
base-URL map, menus, search) without the minutes onboarding 59 full sites would take. The
50-agency onboarding test (each site on its own host with its own content) lives in
test_onboarding.py.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from lontar.agencies.models import Agency
from lontar.agencies.onboarding import NewAgency, create_agency
from lontar.pages.models import HomePage
from lontar.pages.tree import ensure_wagtail_roots

pytestmark = pytest.mark.django_db

HOST = "dinkes.localhost"
PAGES = ("/", "/profil/", "/kontak/", "/ppid/")


def other_agencies(count: int) -> None:
    root = ensure_wagtail_roots()
    for n in range(count):
        home = HomePage(title=f"Dinas Lain {n}", slug=f"lain-{n}", intro=f"Dinas lain nomor {n}.")
        root.add_child(instance=home)
        site = Site.objects.create(
            hostname=f"lain-{n}.localhost", port=80, root_page=home, site_name=home.title
        )
        Agency.objects.create(
            name=home.title,
            short_name=f"LAIN{n}",
            slug=f"lain-{n}",
            site=site,
            public_base_url=f"http://lain-{n}.localhost",
            brand_colour="#1a5e20",
        )


def queries(path: str, *, warm: bool) -> int:
    cache.clear()
    client = Client()
    if warm:
        assert client.get(path, HTTP_HOST=HOST).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path, HTTP_HOST=HOST).status_code == 200
    return len(captured)


@override_settings(LONTAR_PAGE_CACHE_SECONDS=0)
def test_an_opd_page_costs_the_same_queries_with_sixty_agencies(django_assert_max_num_queries):
    create_agency(
        NewAgency(
            name="Dinas Kesehatan",
            short_name="DINKES",
            slug="dinas-kesehatan",
            public_base_url=f"http://{HOST}",
            intro="Melayani kesehatan warga.",
        )
    )
    alone = {(path, warm): queries(path, warm=warm) for path in PAGES for warm in (False, True)}

    other_agencies(59)
    assert Agency.objects.count() == 60

    for (path, warm), budget in alone.items():
        cache.clear()
        client = Client()
        if warm:
            client.get(path, HTTP_HOST=HOST)
        with django_assert_max_num_queries(budget):
            response = client.get(path, HTTP_HOST=HOST)
        assert response.status_code == 200
        assert "Dinas Kesehatan" in response.content.decode()
    # And another agency's host still answers with its own home page.
    other = Client().get("/", HTTP_HOST="lain-7.localhost").content.decode()
    assert "Dinas lain nomor 7." in other and "Dinas Kesehatan" not in other
