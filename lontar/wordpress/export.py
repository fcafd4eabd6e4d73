"""`export_agency`: everything public of an agency, written to a folder another system can read
and `import_agency` can load into another installation.

    pages/<address>/index.html, index.json   every live public page (articles included), the
                                            HTML exactly as a visitor gets it, the JSON its fields
    media/images.json, media/documents.json  the agency's collection (title, alt text, size,
    media/images/, media/documents/         tags) and its files
    data/<key>.json, files/<key>/           the records every app exports through the portability
                                            registry (`core/portability.py`): pages, news,
                                            regulations, datasets, FAQ, podcast, agenda — the
                                            format `lontar import_agency` reads back
    api/<key>.json                          the content API's records (/api/v1/), as it has them
    news.xml                                the news as a WordPress export (WXR 1.2)
    manifest.json                           what was written, and when

Other apps' records come through the registries they fill (`core.portability`,
`opendata.content_api`); this module imports no other app's models.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.test import Client, RequestFactory
from django.utils import timezone
from wagtail.models import Page, Site

from lontar.agencies.models import Agency
from lontar.core.portability import Bundle, portables
from lontar.news.selectors import published_articles
from lontar.opendata.content_api import CONTENT_SOURCES
from lontar.wordpress.wxr_writer import write_wxr

Progress = Callable[[str, int, int], None]
FORMAT = "lontar-agency-export/1"


def _dump(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), "utf-8")


class Exporter:
    def __init__(self, agency: Agency, root: Path, progress: Progress | None = None) -> None:
        if agency.site_id is None:
            raise ValueError("agency without a site")
        self.agency = agency
        site = agency.site
        assert site is not None
        self.site: Site = site
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
        bundle = Bundle(self.root)
        registered = portables()
        for number, portable in enumerate(registered, 1):
            self.progress("data", number, len(registered))
            self.counts[portable.key] = portable.export(self.agency, bundle)
        request = RequestFactory().get(
            "/", HTTP_HOST=self.site.hostname, secure=bool(settings.SECURE_SSL_REDIRECT)
        )
        for key, source in sorted(CONTENT_SOURCES.items()):
            rows = [
                source.serialize(obj, request) for obj in source.queryset_for_agency(self.agency)
            ]
            _dump(self.root / "api" / f"{key}.json", rows)

    # --- the news as WXR --------------------------------------------------------------------
    def news_wxr(self) -> None:
        articles = list(
            published_articles(self.agency).select_related("author__user").prefetch_related("tags")
        )
        for article in articles:
            article.url_path_on_site = self.site_path(article)
        used = {a.hero_image_id for a in articles if a.hero_image_id}
        images_json = self.root / "media" / "images.json"
        rows = json.loads(images_json.read_text("utf-8")) if images_json.is_file() else []
        self.image_paths = {
            row["id"]: (row["file"].removeprefix("media/"), row["title"], row["alt_text"])
            for row in rows
            if row.get("file")
        }
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
        self.records()
        self.pages()
        self.news_wxr()
        _dump(
            self.root / "manifest.json",
            {
                "format": FORMAT,
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
