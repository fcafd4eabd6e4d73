"""A provincial platform at 1, 10 and 60 agencies (issue 18): ms and SQL queries.

    python bench/province.py [--rounds 5] [--articles 30]

In process, debug off, on a throw-away SQLite database in a temporary directory (or the
PostgreSQL database DATABASE_URL names, which must be empty). An OPD ("Dinas Kesehatan") is
onboarded with `create_agency` and given a news section; its pages (home, an article, the news
index, `/cari/`, the PPID request form) are measured alone on the platform. Then the province
(PPID Utama) is onboarded above it and agencies are added under it with the bulk generator of
`lontar generate_data`, each with `--articles` articles and a proportional share of
regulations, requests, questions and datasets (indexed for search): at 10 agencies the
province's compliance dashboard, its CSV and the provincial `/cari/` are measured, at 60
everything again.

Each figure is the median over `--rounds` requests after one warm-up, the page cache off
(LONTAR_PAGE_CACHE_SECONDS=0) and the application caches warm, as a request after the first
costs; the Monev scores are refreshed by the worker's job first (lontar/monev/jobs.py). The ms
are this process's CPU time on SQLite (the machine is shared; wall time follows its load),
wall time on PostgreSQL. Figures, not pass/fail: the tests assert the query counts
(lontar/agencies/tests/test_scale.py, lontar/province/tests/test_scale.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OPD_HOST = "dinkes.localhost"
PROVINCE_HOST = "provinsi.localhost"
OPD_PAGES = [
    ("OPD home", "/"),
    ("OPD article", "/berita/pelayanan-vaksinasi-keliling/"),
    ("OPD news index", "/berita/"),
    ("OPD /cari/", "/cari/?q=pelayanan"),
    ("OPD request form", "/ppid/permohonan/baru/"),
]
PROVINCE_PAGES = [
    ("province dashboard", "/admin/provinsi/kepatuhan/"),
    ("province dashboard CSV", "/admin/provinsi/kepatuhan.csv"),
    ("province /cari/", "/cari/?q=pelayanan"),
    ("province /cari/ one agency", "/cari/?q=pelayanan&instansi=gen-opd-2"),
]


def _clock() -> float:
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return time.perf_counter()
    return time.process_time()


def _setup() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="lontar-province-"))
    os.environ.setdefault("LONTAR_DEBUG", "1")
    os.environ["LONTAR_VAR_DIR"] = str(tmp / "var")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lontar.config.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    settings.DEBUG = False  # measured as in production (no debug query log, no debug pages)
    settings.LONTAR_PAGE_CACHE_SECONDS = 0


def _measure(client, host: str, path: str, rounds: int) -> tuple[float, int]:
    from django.db import connection

    response = client.get(path, HTTP_HOST=host)  # warm
    assert response.status_code == 200, (path, response.status_code)
    captured: list[str] = []

    def count(execute, sql, params, many, context):
        captured.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(path, HTTP_HOST=host)
    times = []
    for _ in range(rounds):
        started = _clock()
        client.get(path, HTTP_HOST=host)
        times.append((_clock() - started) * 1000)
    return statistics.median(times), len(captured)


def _grow(province, count: int, articles: int, seed: int) -> None:
    from wagtail.search.backends import get_search_backend

    from lontar.agencies.models import Agency
    from lontar.demo.generate import generate
    from lontar.news.models import NewsArticlePage
    from lontar.qna.models import Question
    from lontar.regulations.models import LegalDocument

    before = set(Agency.objects.values_list("pk", flat=True))
    generate(
        agencies=count,
        articles=count * articles,
        regulations=count * max(articles // 3, 1),
        requests=count * articles * 2,
        questions=count * max(articles // 3, 1),
        datasets=count * max(articles // 10, 1),
        seed=seed,
    )
    made = Agency.objects.exclude(pk__in=before)
    made.update(parent=province)
    backend = get_search_backend()  # the bulk inserts skip the search index
    for agency in made.select_related("site__root_page"):
        backend.add_bulk(
            NewsArticlePage, NewsArticlePage.objects.descendant_of(agency.site.root_page)
        )
    backend.add_bulk(LegalDocument, LegalDocument.objects.filter(agency__in=made))
    backend.add_bulk(Question, Question.objects.filter(agency__in=made))


def _officer(province):
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from lontar.agencies.models import StaffProfile
    from lontar.agencies.roles import Role
    from lontar.agencies.services import set_staff_roles

    user = get_user_model().objects.create_user("ppid-utama", "ppid@example.org", "x")
    StaffProfile.objects.create(user=user, agency=province, position="PPID", slug="ppid-utama")
    set_staff_roles(user=user, agency=province, roles=[Role.PPID_OFFICER])
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--articles", type=int, default=30, help="articles per added agency")
    args = parser.parse_args()
    _setup()
    from django.test import Client

    from lontar.agencies.models import Agency
    from lontar.agencies.onboarding import NewAgency, create_agency
    from lontar.monev.jobs import refresh_self_assessment_scores
    from lontar.news.tests.helpers import article, news_index

    opd = create_agency(
        NewAgency(
            name="Dinas Kesehatan",
            short_name="DINKES",
            slug="dinas-kesehatan",
            public_base_url=f"http://{OPD_HOST}",
            intro="Melayani kesehatan warga.",
        )
    ).agency
    index = news_index(opd)
    article(index, "Pelayanan vaksinasi keliling", text="Pelayanan vaksinasi di desa.")
    for n in range(args.articles - 1):
        article(index, f"Kabar kesehatan {n + 1}", text="Pelayanan kesehatan warga.")
    public = None  # a fresh client per page
    results: dict[str, dict[int, tuple[float, int]]] = {}

    def measure(pages, client, host: str, agencies: int) -> None:
        for name, path in pages:
            # A visitor without cookies for each public page (the request form leaves a session).
            visitor = client or Client()
            results.setdefault(name, {})[agencies] = _measure(visitor, host, path, args.rounds)
            print(f"  {agencies} agencies: {name} done", file=sys.stderr, flush=True)

    measure(OPD_PAGES, public, OPD_HOST, 1)

    province = create_agency(
        NewAgency(
            name="Pemerintah Provinsi Uji",
            short_name="PROV",
            slug="provinsi",
            public_base_url=f"http://{PROVINCE_HOST}",
            kind=Agency.Kind.PROVINCE,
        )
    ).agency
    Agency.objects.filter(pk=province.pk).update(ppid_role=Agency.PPIDRole.MAIN)
    Agency.objects.filter(pk=opd.pk).update(parent=province)
    province.refresh_from_db()
    _grow(province, 8, args.articles, seed=10)
    assert Agency.objects.count() == 10
    refresh_self_assessment_scores()
    staff = _officer(province)
    measure(PROVINCE_PAGES, staff, PROVINCE_HOST, 10)

    _grow(province, 50, args.articles, seed=60)
    assert Agency.objects.count() == 60
    refresh_self_assessment_scores()
    measure(OPD_PAGES, public, OPD_HOST, 60)
    measure(PROVINCE_PAGES, staff, PROVINCE_HOST, 60)

    print(f"\n{'page':<28}{'agencies':>9}{'ms':>9}{'queries':>9}")
    for name, by_count in results.items():
        for agencies, (ms, queries) in sorted(by_count.items()):
            print(f"{name:<28}{agencies:>9}{ms:>9.1f}{queries:>9}")


if __name__ == "__main__":
    main()
