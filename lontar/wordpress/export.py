"""`export_agency`: everything public of an agency, written to a folder another system can read.

    pages/<address>/index.html, index.json   every live public page (articles included), the
                                            HTML exactly as a visitor gets it, the JSON its fields
    media/images/, media/documents/         the agency's collection, with images.json and
                                            documents.json (title, alt text, size, tags)
    data/<key>.json                         every record type of the content-API registry
                                            (news, regulations, FAQ, agenda, …), as /api/v1/ has it
    data/datasets.json, files/datasets/     public datasets and their uploaded resources
    data/regulation-files.json, files/regulations/  the regulations' PDF files
    data/podcast.json, files/podcast/       published podcast episodes, audio and transcripts
    news.xml                                the news as a WordPress export (WXR 1.2)
    manifest.json                           what was written, and when

Other apps' records come through the registry they fill (`opendata.content_api`) and, for
their files, through their selectors; this module imports no other app's models.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.test import Client, RequestFactory
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from lontar.agencies.models import Agency
from lontar.news.selectors import published_articles
from lontar.opendata.content_api import CONTENT_SOURCES
from lontar.opendata.selectors import visible_datasets
from lontar.podcast.selectors import published_episodes
from lontar.regulations.selectors import published_documents
from lontar.wordpress.wxr_writer import write_wxr

Progress = Callable[[str, int, int], None]
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _name(pk: int, path: str) -> str:
    return f"{pk}-{_UNSAFE.sub('-', Path(path).name)[-120:]}"


def _dump(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), "utf-8")


def _copy(field_file, target: Path) -> bool:
    if not field_file:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with field_file.open("rb") as source:
            target.write_bytes(source.read())
    except OSError:
        return False
    return True


class Exporter:
    def __init__(self, agency: Agency, root: Path, progress: Progress | None = None) -> None:
        if agency.site_id is None:
            raise ValueError("agency without a site")
        self.agency = agency
        self.site = agency.site
        self.root = root
        self.progress = progress or (lambda stage, done, total: None)
        self.counts: dict[str, int] = {}
        self.image_paths: dict[int, tuple[str, str, str]] = {}

    @property
    def base_url(self) -> str:
        return self.site.root_url

    def site_path(self, page: Page) -> str:
        root = self.site.root_page.url_path
        return "/" + page.url_path[len(root) :] if page.url_path.startswith(root) else ""

    # --- media ------------------------------------------------------------------------------
    def media(self) -> None:
        images = get_image_model().objects.filter(collection=self.agency.collection_id)
        rows = []
        for image in images.prefetch_related("tags"):
            relative = f"images/{_name(image.pk, image.file.name)}"
            if _copy(image.file, self.root / "media" / relative):
                self.image_paths[image.pk] = (relative, image.title, image.description)
            rows.append(
                {
                    "id": image.pk,
                    "title": image.title,
                    "alt_text": image.description,
                    "file": f"media/{relative}",
                    "width": image.width,
                    "height": image.height,
                    "file_size": image.file_size,
                    "created_at": image.created_at,
                    "tags": [tag.name for tag in image.tags.all()],
                }
            )
        _dump(self.root / "media" / "images.json", rows)
        documents = get_document_model().objects.filter(collection=self.agency.collection_id)
        doc_rows = []
        for document in documents:
            relative = f"documents/{_name(document.pk, document.file.name)}"
            _copy(document.file, self.root / "media" / relative)
            doc_rows.append(
                {
                    "id": document.pk,
                    "title": document.title,
                    "file": f"media/{relative}",
                    "url": document.url,
                    "file_size": document.file_size,
                    "created_at": document.created_at,
                }
            )
        _dump(self.root / "media" / "documents.json", doc_rows)
        self.counts["images"], self.counts["documents"] = len(rows), len(doc_rows)

    # --- pages ------------------------------------------------------------------------------
    def page_json(self, page: Page) -> dict:
        data = {
            "id": page.pk,
            "type": page.specific_class._meta.label if page.specific_class else "",
            "title": page.title,
            "slug": page.slug,
            "url": self.site_path(page),
            "first_published_at": page.first_published_at,
            "last_published_at": page.last_published_at,
            "seo_title": page.seo_title,
            "search_description": page.search_description,
        }
        specific = page.specific
        for name in ("lead", "intro", "date", "hero_image_id", "hero_image_alt", "source"):
            if hasattr(specific, name):
                data[name] = getattr(specific, name)
        if getattr(specific, "category_id", None):
            data["category"] = {"slug": specific.category.slug, "name": specific.category.name}
        if hasattr(specific, "tags"):
            data["tags"] = [tag.name for tag in specific.tags.all()]
        if getattr(specific, "author_id", None):
            data["author"] = specific.author.display_name
        if hasattr(specific, "body"):
            data["body"] = list(specific.body.raw_data)
        return data

    def pages(self) -> None:
        pages = list(
            Page.objects.live().public().descendant_of(self.site.root_page, inclusive=True)
        )
        client = Client(raise_request_exception=False)
        secure = bool(getattr(settings, "SECURE_SSL_REDIRECT", False))
        for number, page in enumerate(pages, 1):
            self.progress("halaman", number, len(pages))
            path = self.site_path(page)
            folder = self.root / "pages" / path.strip("/")
            response = client.get(path, HTTP_HOST=self.site.hostname, secure=secure)
            folder.mkdir(parents=True, exist_ok=True)
            if response.status_code == 200 and not response.streaming:
                (folder / "index.html").write_bytes(response.content)
            _dump(folder / "index.json", self.page_json(page))
        self.counts["pages"] = len(pages)

    # --- the other apps' public records -----------------------------------------------------
    def records(self) -> None:
        request = RequestFactory().get(
            "/", HTTP_HOST=self.site.hostname, secure=bool(settings.SECURE_SSL_REDIRECT)
        )
        for key, source in sorted(CONTENT_SOURCES.items()):
            rows = [
                source.serialize(obj, request) for obj in source.queryset_for_agency(self.agency)
            ]
            _dump(self.root / "data" / f"{key}.json", rows)
            self.counts[key] = len(rows)
        files = []
        for document in published_documents(self.agency):
            relative = f"files/regulations/{_name(document.pk, document.file.name or 'berkas')}"
            if _copy(document.file, self.root / relative):
                files.append({"id": document.pk, "title": document.title, "file": relative})
        _dump(self.root / "data" / "regulation-files.json", files)
        self.counts["regulation_files"] = len(files)
        self.datasets()
        self.podcast()

    def datasets(self) -> None:
        rows = []
        for dataset in visible_datasets().filter(agency=self.agency).prefetch_related("resources"):
            resources = []
            for resource in dataset.resources.all():
                entry = {"id": resource.pk, "name": resource.name, "format": resource.format}
                if resource.file:
                    relative = f"files/datasets/{_name(resource.pk, resource.file.name)}"
                    if _copy(resource.file, self.root / relative):
                        entry["file"] = relative
                resources.append(entry)
            rows.append(
                {
                    "id": dataset.pk,
                    "title": dataset.title,
                    "slug": dataset.slug,
                    "description": dataset.description,
                    "resources": resources,
                }
            )
        _dump(self.root / "data" / "datasets.json", rows)
        self.counts["datasets"] = len(rows)

    def podcast(self) -> None:
        rows = []
        for episode in published_episodes(self.agency).select_related("show"):
            entry = {
                "id": episode.pk,
                "show": episode.show.title,
                "title": episode.title,
                "slug": episode.slug,
                "notes": episode.notes,
                "published_at": episode.published_at,
                "transcript_text": episode.transcript_text,
            }
            for name in ("audio", "transcript"):
                field_file = getattr(episode, name)
                if field_file:
                    relative = f"files/podcast/{_name(episode.pk, field_file.name)}"
                    if _copy(field_file, self.root / relative):
                        entry[name] = relative
            rows.append(entry)
        _dump(self.root / "data" / "podcast.json", rows)
        self.counts["podcast_episodes"] = len(rows)

    # --- the news as WXR --------------------------------------------------------------------
    def news_wxr(self) -> None:
        articles = list(
            published_articles(self.agency).select_related("author__user").prefetch_related("tags")
        )
        for article in articles:
            article.url_path_on_site = self.site_path(article)
        used = {a.hero_image_id for a in articles if a.hero_image_id}
        images = dict(self.image_paths)
        text = write_wxr(
            title=self.agency.name,
            base_url=self.base_url,
            articles=articles,
            images=images,
            image_url=lambda pk: f"{self.base_url}/media/{self.image_paths.get(pk, ('',))[0]}",
        )
        (self.root / "news.xml").write_text(text, "utf-8")
        self.counts["news_wxr"] = len(articles)
        self.counts["news_wxr_images_used"] = len(used)

    def run(self) -> dict[str, int]:
        self.root.mkdir(parents=True, exist_ok=True)
        self.media()
        self.pages()
        self.records()
        self.news_wxr()
        _dump(
            self.root / "manifest.json",
            {
                "agency": self.agency.slug,
                "name": self.agency.name,
                "site": self.base_url,
                "exported_at": timezone.now(),
                "counts": self.counts,
            },
        )
        return self.counts


def export_agency(agency: Agency, root: Path, progress: Progress | None = None) -> dict[str, int]:
    return Exporter(agency, root, progress).run()
