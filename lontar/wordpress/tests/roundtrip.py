"""What a visitor of an agency's site can see, as plain values, so two sites can be compared;
and a fixture world holding one of every public record type."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from lxml import html
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from lontar.agencies.models import Unit
from lontar.news.models import NewsArticlePage, NewsIndexPage
from lontar.news.selectors import published_articles
from lontar.opendata.models import Dataset
from lontar.pages.models import HomePage, StandardPage
from lontar.podcast.selectors import published_episodes
from lontar.programs.models import Event
from lontar.qna.models import Status
from lontar.qna.selectors import published_questions
from lontar.regulations.models import DocumentRelation
from lontar.regulations.selectors import published_documents
from lontar.wordpress.tests.fixtures import write_site


def _digest(field_file) -> str | None:
    if not field_file:
        return None
    with field_file.open("rb") as stored:
        return hashlib.sha256(stored.read()).hexdigest()


def _path(agency, page) -> str:
    root = agency.site.root_page.url_path
    return "/" + page.url_path[len(root) :]


def _blocks(agency, raw) -> list:
    """A body with ids that differ between installations replaced by what they point at, on
    `agency`'s own site (a link left pointing at the old agency's page reads None)."""
    root = agency.site.root_page
    images = get_image_model().objects.filter(collection=agency.collection_id)
    images = {i.pk: i.title for i in images}
    documents = get_document_model().objects.filter(collection=agency.collection_id)
    documents = {d.pk: d.title for d in documents}
    pages = {p.pk: p.title for p in Page.objects.descendant_of(root, inclusive=True)}

    def named(match: re.Match) -> str:
        kind, pk = match.group(1), int(match.group(2))
        return f'{kind}="{(pages if kind == "page" else documents).get(pk)}"'

    def walk(value):
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                if key == "id":
                    continue
                if key == "image" and isinstance(item, int):
                    out[key] = images.get(item)
                elif key == "document" and isinstance(item, int):
                    out[key] = documents.get(item)
                elif key == "page" and isinstance(item, int):
                    out[key] = pages.get(item)
                else:
                    out[key] = walk(item)
            return out
        if isinstance(value, str) and 'id="' in value:
            return re.sub(r'linktype="(page|document)" id="(\d+)"', named, value)
        return value

    return walk(list(raw))


def snapshot(agency) -> dict:
    """The public content of `agency`'s site, without anything installation-specific."""
    agency.refresh_from_db()
    root = agency.site.root_page
    pages = {}
    for model in (HomePage, StandardPage, NewsIndexPage):
        for page in model.objects.live().public().descendant_of(root, inclusive=True):
            pages[_path(agency, page)] = (
                model.__name__,
                page.title if model is not HomePage else "",
                getattr(page, "lead", getattr(page, "intro", "")),
                _blocks(agency, page.body.raw_data) if hasattr(page, "body") else None,
                page.first_published_at if model is StandardPage else None,
            )
    news = {
        _path(agency, a): (
            a.title,
            a.date,
            a.lead,
            a.first_published_at,
            a.category.name if a.category else None,
            sorted(t.name for t in a.tags.all()),
            a.author.display_name if a.author else None,
            (a.hero_image.title, a.hero_image.width) if a.hero_image else None,
            a.hero_image_alt,
            _blocks(agency, a.body.raw_data),
        )
        for a in published_articles(agency).select_related("category", "hero_image")
    }
    regulations = sorted(
        (
            d.title,
            d.kind,
            d.number,
            d.year,
            d.status,
            d.abstract,
            sorted(s.name for s in d.subjects.all()),
            _digest(d.file),
            len(d.extracted_text) > 0,
        )
        for d in published_documents(agency)
    )
    relations = sorted(
        (r.source.title, r.kind, r.target.title)
        for r in DocumentRelation.objects.filter(source__agency=agency)
    )
    datasets = sorted(
        (
            d.title,
            d.description,
            d.tags,
            d.license,
            d.unit.name if d.unit else None,
            sorted(g.name for g in d.groups.all()),
            sorted((v.name, v.definition) for v in d.variables.all()),
            sorted((r.name, r.format, r.generator, _digest(r.file)) for r in d.resources.all()),
        )
        for d in Dataset.objects.filter(agency=agency, visibility="publik")
    )
    faq = sorted(
        (
            q.category,
            q.public_question,
            q.public_answer,
            q.public_asker,
            q.published_at,
            q.answer.unit.name if q.answer.unit else None,
            sorted(r.title for r in q.answer.regulations.all()),
        )
        for q in published_questions(agency)
    )
    podcast = sorted(
        (
            e.show.title,
            e.show.description,
            _digest(e.show.cover),
            e.title,
            e.slug,
            e.notes,
            e.published_at,
            _digest(e.audio),
            round(e.duration_seconds),
            e.transcript_text,
            sorted((p.name, p.role) for p in e.people.all()),
            sorted(
                (c.start_seconds, c.title, c.question.public_question if c.question else None)
                for c in e.chapters.all()
            ),
        )
        for e in published_episodes(agency).select_related("show")
    )
    events = sorted(
        (
            e.title,
            e.category,
            e.starts_at,
            e.ends_at,
            e.place,
            e.description,
            e.registration_url,
            sorted(d.title for d in e.documents.all()),
            e.report.title if e.report else None,
        )
        for e in Event.objects.filter(agency=agency)
    )
    images = sorted(
        (i.title, i.description, i.width, i.height)
        for i in get_image_model().objects.filter(collection=agency.collection_id)
    )
    documents = sorted(
        (d.title, _digest(d.file))
        for d in get_document_model().objects.filter(collection=agency.collection_id)
    )
    units = sorted(
        (u.slug, u.name, u.duties, u.parent.slug if u.parent else None) for u in agency.units.all()
    )
    profile = (agency.address, agency.phone, agency.office_hours, agency.tagline)
    return {
        "pages": pages,
        "news": news,
        "regulations": regulations,
        "relations": relations,
        "datasets": datasets,
        "faq": faq,
        "podcast": podcast,
        "events": events,
        "images": images,
        "documents": documents,
        "units": units,
        "profile": profile,
    }


def main_text(client, path: str, host: str) -> str:
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (path, response.status_code)
    main = html.fromstring(response.content).find(".//main")
    return " ".join(main.text_content().split())


def build_world(agency, tmp_path) -> None:
    """`agency` with news and pages from WordPress and one record of every other public type."""
    from lontar.opendata.tests.helpers import add_csv, add_variable, make_dataset
    from lontar.podcast.tests.helpers import make_episode, make_show
    from lontar.qna.tests.helpers import make_question
    from lontar.regulations import services as regulation_services
    from lontar.regulations.tests.helpers import make_document

    source, uploads = write_site(tmp_path / "wp")
    call_command(
        "import_wordpress", agency.slug, str(source), "--media-dir", str(uploads),
        stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    agency.address = "Jalan El Tari 52, Kupang"
    agency.office_hours = "Senin–Jumat 08.00–15.30"
    agency.save()
    head = Unit.objects.create(
        agency=agency, name="Sekretariat", slug="sekretariat", kind="sekretariat"
    )
    unit = Unit.objects.create(
        agency=agency, name="Bidang Mutasi", slug="mutasi", parent=head, duties="<p>Mutasi ASN.</p>"
    )
    article = NewsArticlePage.objects.get(slug="pelantikan-pejabat-administrator")
    document = get_document_model().objects.get(title="Pengumuman seleksi")
    page = StandardPage.objects.get(slug="struktur")
    page.body = [
        *page.body.raw_data,
        {"type": "paragraph", "value": f'<p><a linktype="page" id="{article.pk}">Baca</a></p>'},
        {"type": "document", "value": {"document": document.pk, "title": "Unduh pengumuman"}},
    ]  # fmt: skip
    page.save_revision().publish()

    old = make_document(
        agency,
        pdf_text="Pergub lama tentang disiplin",
        title="Disiplin lama",
        subjects=["DISIPLIN"],
    )
    new = make_document(
        agency, pdf_text="Pergub baru tentang disiplin", title="Disiplin baru", year=2023
    )
    regulation_services.record_relation(source=new, kind="mencabut", target=old)

    dataset = make_dataset(agency, slug="asn-roundtrip", groups=["kepegawaian"], unit=unit)
    add_csv(dataset)
    add_variable(dataset, "jumlah", definition="Jumlah pegawai")

    question = make_question(
        agency, status=Status.PUBLISHED, answer_text="Ajukan lewat aplikasi.", unit=unit,
        anonymous_in_public=False, asker_name="Budi",
    )  # fmt: skip
    question.answer.regulations.add(new)
    make_question(agency, text="Belum dijawab", asker_name="Rahasia")  # not public: stays home

    show = make_show(agency)
    make_episode(show, question=question)
    make_episode(show, slug="draf", title="Draf", published=False)

    event = Event.objects.create(
        agency=agency, title="Sosialisasi mutasi", category="sosialisasi",
        starts_at=timezone.now() + timedelta(days=3), place="Aula BKD", report=article,
    )  # fmt: skip
    event.documents.add(document)
