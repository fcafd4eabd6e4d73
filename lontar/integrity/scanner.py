"""The checks of the integrity scan; each yields `Candidate`s, `services.run_scan` stores them.

Content (here): every Wagtail page's text fields, rich text and StreamField data (titles, slugs,
search descriptions included), document titles, file names and PDF text, image titles, alt text
and file names, Wagtail redirects. Rendered (`rendered.py`): every live page and every published
record outside the page tree fetched in-process as a browser and as Googlebot (cloaking, and
what templates add), and every non-live page's URL (it must not answer 200). Code: the files on
disk against the manifest. Other apps are read only through Wagtail's generic Page, Document and
Image models and the site search's registry of published records.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models
from django.http.request import validate_host
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from lontar.agencies.models import Agency
from lontar.integrity import manifest
from lontar.integrity.html import Link, host_of, is_external, looks_like_html, read_html
from lontar.integrity.keywords import find_keywords, has_keyword
from lontar.integrity.models import Finding

logger = logging.getLogger("lontar.integrity")

MAX_PDF_PAGES = 300
_SKIPPED_PAGE_FIELDS = frozenset({"path", "url_path"})
Kind = Finding.Kind


@dataclass(frozen=True)
class Candidate:
    kind: str
    agency_id: int | None
    object_type: str
    object_id: str
    object_repr: str
    location: str
    snippet: str
    key: str  # what makes two findings on one object different (a phrase, a link, a path)

    @property
    def fingerprint(self) -> str:
        raw = "\x1f".join((self.kind, self.object_type, self.object_id, self.key))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class Scope:
    """Which agency a page, a media collection or a site belongs to, and which hosts are ours."""

    def __init__(self) -> None:
        agencies = Agency.objects.select_related("site__root_page", "collection")
        # Each site's home page and its translations (the English tree) belong to its agency.
        self.page_roots = [
            (root.path, agency.pk)
            for agency in agencies
            if agency.site_id and agency.site.root_page_id
            for root in Page.objects.filter(
                translation_key=agency.site.root_page.translation_key
            ).only("path")
        ]
        self.collection_roots = [
            (agency.collection.path, agency.pk) for agency in agencies if agency.collection_id
        ]
        self.site_agency = {agency.site_id: agency.pk for agency in agencies if agency.site_id}
        self.hosts = {
            hostname.lower() for hostname in Site.objects.values_list("hostname", flat=True)
        }
        self.collection_paths = dict(Collection.objects.values_list("pk", "path"))

    @staticmethod
    def _longest(path: str, roots: list[tuple[str, int]]) -> int | None:
        matches = [(len(root), pk) for root, pk in roots if path.startswith(root)]
        return max(matches)[1] if matches else None

    def agency_of_page(self, page: Page) -> int | None:
        return self._longest(page.path, self.page_roots)

    def agency_of_collection(self, collection_id: int | None) -> int | None:
        path = self.collection_paths.get(collection_id)
        return self._longest(path, self.collection_roots) if path else None

    def is_ours(self, host: str) -> bool:
        host = host.lower()
        if not host or host in self.hosts:
            return True
        allowed = [name for name in settings.ALLOWED_HOSTS if name != "*"]
        return validate_host(host, allowed)


# --- content ---------------------------------------------------------------------------------


def _strings(value: Any) -> Iterator[str]:
    """Every string inside StreamField raw data (dicts, lists, strings)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _text_and_links(values: Iterable[str]) -> tuple[str, list[Link]]:
    texts: list[str] = []
    links: list[Link] = []
    for value in values:
        if looks_like_html(value):
            read = read_html(value)
            texts.append(read.text)
            links += read.links
        else:
            texts.append(value)
    return " \n ".join(texts), links


def _findings_in_text(
    text: str, links: list[Link], scope: Scope, *, where: str, **target: Any
) -> Iterator[Candidate]:
    searched = " \n ".join([text, *(link.href for link in links)])
    for match in find_keywords(searched):
        yield Candidate(
            Kind.KEYWORD, location=where, snippet=match.snippet, key=match.phrase, **target
        )
    for link in links:
        host = host_of(link.href)
        suspicious = link.hidden and is_external(link.href) and not scope.is_ours(host)
        if suspicious or has_keyword(link.text) and is_external(link.href):
            yield Candidate(
                Kind.HIDDEN_LINK,
                location=where,
                snippet=f"{link.text or '(tanpa teks)'} → {link.href}"[:500],
                key=link.href,
                **target,
            )


def _page_values(page: Page) -> Iterator[tuple[str, str]]:
    """(field name, string) for every text of a page, StreamField data included."""
    for field in page._meta.concrete_fields:
        if field.name in _SKIPPED_PAGE_FIELDS:
            continue
        if isinstance(field, StreamField):
            value = field.value_from_object(page)
            raw = getattr(value, "raw_data", None)
            for text in _strings(list(raw) if raw is not None else []):
                yield field.name, text
        elif isinstance(field, models.CharField | models.TextField):
            text = field.value_from_object(page)
            if isinstance(text, str) and text:
                yield field.name, text


def _page_target(page: Page, scope: Scope) -> dict[str, Any]:
    return {
        "agency_id": scope.agency_of_page(page),
        "object_type": "wagtailcore.page",
        "object_id": str(page.pk),
        "object_repr": page.title[:255],
    }


def scan_pages(scope: Scope) -> Iterator[Candidate]:
    for page in Page.objects.filter(depth__gt=1).specific(defer=False).iterator(chunk_size=200):
        by_field: dict[str, list[str]] = {}
        for name, text in _page_values(page):
            by_field.setdefault(name, []).append(text)
        target = _page_target(page, scope)
        for name, values in by_field.items():
            text, links = _text_and_links(values)
            yield from _findings_in_text(
                text, links, scope, where=f"{page.url_path} [{name}]", **target
            )


def pdf_text(file: Any) -> str:
    """The text of a PDF's pages (the first MAX_PDF_PAGES); empty when it cannot be read."""
    from pypdf import PdfReader

    try:
        with file.open("rb") as handle:
            reader = PdfReader(handle)
            return "\n".join(page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES])
    except Exception:  # a broken or encrypted PDF must not stop the scan
        logger.warning("integrity: cannot read PDF %s", getattr(file, "name", "?"), exc_info=True)
        return ""


def scan_documents(scope: Scope) -> Iterator[Candidate]:
    for document in get_document_model().objects.all().iterator():
        target = {
            "agency_id": scope.agency_of_collection(document.collection_id),
            "object_type": "wagtaildocs.document",
            "object_id": str(document.pk),
            "object_repr": document.title[:255],
        }
        name = document.file.name or ""
        yield from _findings_in_text(
            f"{document.title}\n{name}", [], scope, where=name or document.title, **target
        )
        if name.lower().endswith(".pdf"):
            text = pdf_text(document.file)
            yield from _findings_in_text(text, [], scope, where=f"{name} [PDF]", **target)


def scan_images(scope: Scope) -> Iterator[Candidate]:
    for image in get_image_model().objects.all().iterator():
        target = {
            "agency_id": scope.agency_of_collection(image.collection_id),
            "object_type": "wagtailimages.image",
            "object_id": str(image.pk),
            "object_repr": image.title[:255],
        }
        text = "\n".join([image.title, getattr(image, "description", "") or "", image.file.name])
        yield from _findings_in_text(text, [], scope, where=image.file.name, **target)


def scan_redirects(scope: Scope) -> Iterator[Candidate]:
    for redirect in Redirect.objects.select_related("redirect_page").iterator():
        target_url = redirect.redirect_link or (
            redirect.redirect_page.url_path if redirect.redirect_page else ""
        )
        common = {
            "agency_id": scope.site_agency.get(redirect.site_id),
            "object_type": "wagtailredirects.redirect",
            "object_id": str(redirect.pk),
            "object_repr": redirect.old_path[:255],
            "location": f"{redirect.old_path} → {target_url}"[:500],
        }
        for match in find_keywords(f"{redirect.old_path}\n{target_url}"):
            yield Candidate(Kind.REDIRECT, snippet=match.snippet, key=match.phrase, **common)
        host = host_of(redirect.redirect_link)
        if (
            redirect.redirect_link
            and is_external(redirect.redirect_link)
            and not scope.is_ours(host)
        ):
            yield Candidate(
                Kind.EXTERNAL_REDIRECT, snippet=redirect.redirect_link, key=host, **common
            )


# --- code ------------------------------------------------------------------------------------

_CODE_KINDS = {"extra": Kind.CODE_EXTRA, "changed": Kind.CODE_CHANGED, "missing": Kind.CODE_MISSING}


def scan_code() -> Iterator[Candidate]:
    common = {"agency_id": None, "object_type": "file"}
    try:
        expected = manifest.load_manifest()
    except manifest.ManifestProblem as problem:
        where = str(manifest.manifest_path())
        yield Candidate(
            Kind.MANIFEST,
            object_id=where[-255:],
            object_repr=where[-255:],
            location=where[-500:],
            snippet=str(problem),
            key=str(problem),
            **common,
        )
        return
    for difference in manifest.compare(expected, manifest.hashes()):
        yield Candidate(
            _CODE_KINDS[difference.kind],
            object_id=difference.path[-255:],
            object_repr=difference.path[-255:],
            location=difference.path[-500:],
            snippet="",
            key="",
            **common,
        )
