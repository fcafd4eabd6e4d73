"""A large, realistic data set for benchmarks (`lontar generate_data`), built with bulk inserts.

Agencies are made one by one (each needs a site, a home page, a news index and its groups: a
few dozen rows); articles and regulations in batches. Articles are Wagtail pages: their tree
columns (`path`, `depth`, `numchild`, `url_path`) are computed here exactly as treebeard would,
the `wagtailcore_page` rows go in with one `bulk_create` per batch, the `news_newsarticlepage`
rows with one multi-row INSERT, and each index's `numchild` is set at the end. The test checks
the tree with treebeard's own `find_problems()`.

The site search index is not filled (it would cost more than the inserts): run
`lontar update_index` afterwards when search is to be measured on the generated articles.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from lontar.agencies.models import Agency, StaffProfile
from lontar.agencies.services import provision_agency
from lontar.news.models import NewsArticlePage, NewsArticleTag, NewsCategory, NewsIndexPage
from lontar.pages.models import HomePage
from lontar.pages.tree import ensure_wagtail_roots
from lontar.regulations.models import LegalDocument

BATCH = 2000
HOST_SUFFIX = "generated.localhost"

_SUBJECTS = [
    "seleksi CPNS",
    "penerimaan PPPK",
    "kenaikan pangkat",
    "pelayanan publik",
    "pengadaan barang dan jasa",
    "bantuan sosial",
    "beasiswa daerah",
    "vaksinasi",
    "perbaikan jalan provinsi",
    "pajak kendaraan bermotor",
    "festival budaya",
    "penanganan banjir",
]
_VERBS = ["dibuka", "diumumkan", "diperpanjang", "dimulai", "ditinjau", "dievaluasi"]
_PLACES = ["Kupang", "Atambua", "Ende", "Maumere", "Labuan Bajo", "Waingapu", "Kalabahi"]
_TAGS = ["asn", "cpns", "pppk", "layanan", "pengumuman", "kegiatan", "ppid", "kesehatan"]
_KINDS = [("Peraturan Gubernur", "Pergub"), ("Peraturan Daerah", "Perda"), ("Keputusan", "Kep")]


@dataclass
class Generated:
    agencies: int = 0
    articles: int = 0
    regulations: int = 0
    requests: int = 0
    questions: int = 0
    objections: int = 0
    datasets: int = 0


# The large data set of issue 22; `--scale F` generates F times these.
FULL_SIZE = {
    "articles": 100_000,
    "regulations": 5_000,
    "requests": 200_000,
    "questions": 20_000,
    "objections": 2_000,
    "datasets": 1_000,
}


def _batches(total: int, size: int = BATCH) -> Iterator[range]:
    for start in range(0, total, size):
        yield range(start, min(start + size, total))


def _paragraphs(rng: random.Random, subject: str, place: str) -> list[dict]:
    sentences = [
        f"Pemerintah Provinsi menyampaikan informasi terbaru mengenai {subject} di {place}.",
        "Masyarakat diminta memperhatikan jadwal dan persyaratan yang berlaku.",
        f"Informasi lengkap tentang {subject} tersedia di kantor layanan terdekat.",
        "Pelayanan tidak dipungut biaya dan dapat diakses melalui portal ini.",
    ]
    rng.shuffle(sentences)
    return [{"type": "paragraph", "value": f"<p>{' '.join(sentences)}</p>"}]


def make_agencies(count: int, rng: random.Random) -> list[Agency]:
    """`count` agencies, each with its own site, home page and news index."""
    root = ensure_wagtail_roots()
    made = []
    start = Agency.objects.filter(slug__startswith="gen-opd-").count()
    for n in range(start, start + count):
        agency = Agency.objects.create(
            name=f"Dinas Generasi {n + 1}",
            short_name=f"OPD{n + 1}",
            slug=f"gen-opd-{n + 1}",
            tagline="Data uji beban",
            time_zone="Asia/Makassar",
        )
        home = HomePage(title=f"Dinas Generasi {n + 1}", slug=f"gen-opd-{n + 1}")
        root.add_child(instance=home)
        home.save_revision().publish()
        index = NewsIndexPage(title="Berita", slug="berita", intro="Kabar terbaru.")
        home.add_child(instance=index)
        index.save_revision().publish()
        agency.site = Site.objects.create(
            hostname=f"opd{n + 1}.{HOST_SUFFIX}", port=80, site_name=agency.name, root_page=home
        )
        agency.save(update_fields=["site"])
        provision_agency(agency=agency)
        for name in ("Umum", "Kepegawaian", "Pengumuman"):
            NewsCategory.objects.create(agency=agency, name=name, slug=slugify(name))
        made.append(agency)
    return made


def _index_of(agency: Agency) -> NewsIndexPage | None:
    return NewsIndexPage.objects.descendant_of(agency.site.root_page).first()


def make_articles(count: int, agencies: list[Agency], rng: random.Random) -> int:
    """`count` published articles spread over the agencies' news indexes, newest last."""
    targets = [(a, index) for a in agencies if a.site_id and (index := _index_of(a))]
    if not targets or count <= 0:
        return 0
    locale = Locale.get_default()
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    categories = {a.pk: list(NewsCategory.objects.filter(agency=a)) for a, _ in targets}
    # The agency's staff write the articles (author pages and lists grow with the data).
    writers = {
        a.pk: list(StaffProfile.objects.filter(agency=a).values_list("pk", flat=True))
        for a, _ in targets
    }
    tags = _ensure_tags()
    children = {index.pk: index.numchild for _, index in targets}
    today = timezone.localdate()
    for batch in _batches(count):
        pages, details = [], []
        for n in batch:
            agency, index = targets[n % len(targets)]
            children[index.pk] += 1
            subject, place = rng.choice(_SUBJECTS), rng.choice(_PLACES)
            title = f"{subject.capitalize()} di {place} {rng.choice(_VERBS)} ({n + 1})"
            slug = f"{slugify(title)[:70]}-{n + 1}"
            day = today - timedelta(days=(count - n) * 3650 // max(count, 1))
            published = timezone.make_aware(datetime.combine(day, time(9, rng.randint(0, 59))))
            pages.append(
                Page(
                    path=Page._get_path(index.path, index.depth + 1, children[index.pk]),
                    depth=index.depth + 1,
                    numchild=0,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    locale=locale,
                    live=True,
                    has_unpublished_changes=False,
                    url_path=f"{index.url_path}{slug}/",
                    first_published_at=published,
                    last_published_at=published,
                    # As on a page written in the admin: the explorer orders by it, and the
                    # planner's statistics of its index must look like a real site's.
                    latest_revision_created_at=published,
                    live_revision=None,
                )
            )
            category = rng.choice(categories[agency.pk]) if categories[agency.pk] else None
            author = rng.choice(writers[agency.pk]) if writers[agency.pk] else None
            details.append((day, subject, place, category, author))
        Page.objects.bulk_create(pages, batch_size=BATCH)
        if pages[0].pk is None:  # a back end that returns no ids: look them up by path
            ids = dict(
                Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
            )
            for page in pages:
                page.pk = page.id = ids[page.path]
        _insert_articles(pages, details, rng)
        NewsArticleTag.objects.bulk_create(
            [
                NewsArticleTag(content_object_id=page.pk, tag=tag)
                for page in pages
                for tag in rng.sample(tags, 2)
            ],
            batch_size=BATCH,
        )
    for _, index in targets:
        Page.objects.filter(pk=index.pk).update(numchild=children[index.pk])
    return count


def _insert_articles(pages: list[Page], details: list[tuple], rng: random.Random) -> None:
    """The child-table rows of a multi-table page model: Django's bulk_create refuses those,
    so the same INSERT that `save()` runs for one row is run for the whole batch."""
    rows = []
    for page, (day, subject, place, category, author) in zip(pages, details, strict=True):
        article = NewsArticlePage(
            page_ptr_id=page.pk,
            lead=f"Informasi terbaru tentang {subject} di {place}.",
            date=day,
            category=category,
            author_id=author,
            source=f"Humas {place}",
            body=_paragraphs(rng, subject, place),
        )
        article.word_count = 40
        rows.append(article)
    fields = list(NewsArticlePage._meta.local_concrete_fields)
    NewsArticlePage._base_manager._insert(rows, fields=fields, using="default")


def _ensure_tags() -> list:
    from taggit.models import Tag

    return [Tag.objects.get_or_create(slug=name, defaults={"name": name})[0] for name in _TAGS]


def make_regulations(count: int, agencies: list[Agency], rng: random.Random) -> int:
    if not agencies or count <= 0:
        return 0
    this_year = timezone.localdate().year
    for batch in _batches(count):
        documents = []
        for n in batch:
            kind, short = rng.choice(_KINDS)
            year = this_year - rng.randint(0, 30)
            subject = rng.choice(_SUBJECTS)
            documents.append(
                LegalDocument(
                    agency=agencies[n % len(agencies)],
                    kind=kind,
                    kind_abbreviation=short,
                    number=str(n % 400 + 1),
                    year=year,
                    title=f"{kind} tentang {subject.capitalize()} Nomor {n % 400 + 1}",
                    place_enacted=rng.choice(_PLACES),
                    enacted_on=date(year, rng.randint(1, 12), rng.randint(1, 28)),
                    field_of_law="Hukum Administrasi Negara",
                    abstract=f"Mengatur {subject} di lingkungan pemerintah provinsi.",
                )
            )
        LegalDocument.objects.bulk_create(documents, batch_size=BATCH)
    return count


def generate(
    *,
    agencies: int,
    articles: int,
    regulations: int,
    requests: int = 0,
    questions: int = 0,
    objections: int = 0,
    datasets: int = 0,
    into: Agency | None = None,
    seed: int = 14,
    say: Callable[[str], None] = lambda line: None,
) -> Generated:
    """Generate the data set; `into` puts everything into one existing agency (the bench
    measures the worst case: the whole data set on the one site it renders)."""
    from lontar.demo import generate_ppid

    rng = random.Random(seed)
    result = Generated()
    made: list[Agency] = []
    if into is None:
        with transaction.atomic():
            made = make_agencies(agencies, rng)
            result.agencies = len(made)
            say(f"agencies: {len(made)}")
    targets = [into] if into is not None else made or list(Agency.objects.exclude(site=None))
    with transaction.atomic():
        result.articles = make_articles(articles, targets, rng)
        say(f"articles: {result.articles}")
    from lontar.news import tallies

    tallies.recount_all()  # the bulk inserts sent no signals
    with transaction.atomic():
        result.regulations = make_regulations(regulations, targets, rng)
        say(f"regulations: {result.regulations}")
    with transaction.atomic():
        cited = generate_ppid.make_requests(requests, targets, rng)
        result.requests = requests if targets else 0
        say(f"requests: {result.requests}")
        result.objections = generate_ppid.make_objections(objections, targets, cited)
        say(f"objections: {result.objections}")
        from lontar.ppidstats import snapshots

        snapshots.forget_all()  # stored statistics: the bulk inserts sent no signals
    with transaction.atomic():
        result.questions = generate_ppid.make_questions(questions, targets, rng)
        say(f"questions: {result.questions}")
        result.datasets = generate_ppid.make_datasets(datasets, targets, rng)
        say(f"datasets: {result.datasets}")
    from lontar.core import bookmarks, dbstats, sitemap_tallies

    bookmarks.rebuild_all()  # the long lists' counts and bookmarks: bulk inserts sent no signals

    sitemap_tallies.forget_all()  # the sitemaps' stored pages: counted on the next request
    dbstats.analyze()  # what the worker does daily: plans for the tables' new sizes
    return result
