"""Pages and posts: WordPress pages become standard pages (their tree kept), posts news articles."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from lontar.integrity.keywords import find_keywords
from lontar.news.models import NewsArticlePage, NewsIndexPage
from lontar.news.selectors import news_index_for
from lontar.pages.models import StandardPage
from lontar.wordpress.convert import (
    Conversion,
    ImageRef,
    canonical_media_url,
    convert,
    plain_text,
)
from lontar.wordpress.models import ImportedItem
from lontar.wordpress.wxr import Item

LEAD_MAX = 400
BATCH = 100
DRAFT_STATUSES = frozenset({"draft", "pending", "future"})
Kind = ImportedItem.Kind


def news_index(agency, *, create: bool) -> NewsIndexPage | None:
    """The agency's news index; made ("Berita", /berita/) when the site has none yet."""
    found = (
        news_index_for(agency) or NewsIndexPage.objects.descendant_of(agency.site.root_page).first()
    )
    if found is not None or not create:
        return found
    index = NewsIndexPage(title=_("Berita"), slug="berita")
    agency.site.root_page.add_child(instance=index)
    index.save_revision().publish()
    return index


class _Lookup:
    """What the converter asks about media, answered from the attachments imported so far."""

    def __init__(self, importer) -> None:
        self.importer = importer

    def image(self, src: str, wp_id: int | None) -> ImageRef | None:
        if wp_id is not None and wp_id in self.importer.images_by_id:
            return self.importer.images_by_id[wp_id]
        return self.importer.images_by_url.get(canonical_media_url(src))

    def image_by_id(self, wp_id: int) -> ImageRef | None:
        return self.importer.images_by_id.get(wp_id)

    def link(self, href: str) -> str:
        return self.importer.links.get(canonical_media_url(href), href)


def _moment(item: Item, zone) -> datetime | None:
    if item.date_gmt is not None:
        return item.date_gmt.replace(tzinfo=UTC)
    if item.date is not None:
        return timezone.make_aware(item.date, zone)
    return None


class ContentWriter:
    def __init__(self, importer) -> None:
        self.importer = importer
        self.report = importer.report
        self.lookup = _Lookup(importer)
        self.used_slugs: dict[int, set[str]] = {}
        self.last_child_path: dict[int, str | None] = {}
        self.created_pages: list[Page] = []

    # --- shared -----------------------------------------------------------------------------
    def _slug(self, parent: Page | None, item: Item, prefix: str) -> str:
        from lontar.wordpress.importer import ascii_slug

        wanted = ascii_slug(item.slug or item.title, f"{prefix}-{item.wp_id}", 200)
        if parent is None:
            return wanted
        used = self.used_slugs.get(parent.pk)
        if used is None:
            used = set(parent.get_children().values_list("slug", flat=True))
            self.used_slugs[parent.pk] = used
        slug, number = wanted, 2
        while slug in used:
            slug = f"{wanted}-{number}"
            number += 1
        if slug != wanted:
            self.report.problem(
                f"{item.post_type} #{item.wp_id}",
                _("alamat «%(wanted)s» sudah dipakai; memakai «%(slug)s»")
                % {"wanted": wanted, "slug": slug},
            )
        used.add(slug)
        return slug

    def _convert(self, item: Item) -> Conversion:
        conversion = convert(item.content, self.lookup)
        for message in conversion.problems:
            self.report.problem(item.label, message)
        self.report.shortcodes.update(conversion.shortcodes)
        self.report.comments += item.comment_count
        return conversion

    def _publication(self, item: Item, conversion: Conversion) -> bool:
        """Whether the record goes live; reports why not (draft, private, password, spam)."""
        text = " ".join([item.title, strip_tags(item.excerpt), conversion.text])
        matches = find_keywords(text)
        if matches:
            self.report.spam.append(
                {"item": item.label, "phrases": ", ".join(sorted({m.phrase for m in matches}))}
            )
        if item.status in DRAFT_STATUSES:
            self.report.drafts += 1
            return False
        if item.status != "publish" or item.password or matches:
            self.report.unpublished += 1
            if item.status == "private" or item.password:
                self.report.problem(item.label, _("privat atau berkata sandi: tidak diterbitkan."))
            return False
        return True

    def _append(self, parent: Page, page: Page) -> None:
        """Add `page` as the last child of `parent` without treebeard's per-page queries.

        `add_child` reads the last child and runs the full model validation for every page; an
        import knows the last path already and builds blocks only from the shared vocabulary, so
        it writes the tree fields itself (the same ones `add_child` writes) and saves unchecked.
        """
        last = self.last_child_path.get(parent.pk, "")
        if last == "":
            child = parent.get_last_child()
            last = child.path if child is not None else None
        page.depth = parent.depth + 1
        page.numchild = 0
        page.path = (
            Page(path=last)._inc_path() if last else Page._get_path(parent.path, page.depth, 1)
        )
        page._cached_parent_obj = parent
        page._set_core_field_defaults()
        page.save(clean=False)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
        self.last_child_path[parent.pk] = page.path

    def _save(self, parent: Page, page: Page, item: Item, live: bool) -> None:
        moment = _moment(item, self.importer.agency.zone)
        page.live = live
        page.has_unpublished_changes = not live
        if live:
            page.first_published_at = page.last_published_at = moment
        self._append(parent, page)
        self.created_pages.append(page)

    def _batches(self, items: list[Item], stage: str):
        """Items in batches of one transaction each (one commit, not one per page: SQLite
        commits with a full fsync); each item in its own savepoint, so one failure costs one."""
        for start in range(0, len(items), BATCH):
            batch = items[start : start + BATCH]
            self.created_pages = []
            with (
                transaction.atomic(),
                disable_reference_index_auto_update(),
                _search_updates_deferred(NewsArticlePage, StandardPage),
            ):
                for number, item in enumerate(batch, start + 1):
                    self.importer._progress(stage, number, len(items))
                    yield item
                _index(self.created_pages)

    def _items_in_order(self, items: list[Item]) -> list[Item]:
        wanted = [i for i in items if i.status not in {"trash", "auto-draft", "inherit"}]
        for item in items:
            if item not in wanted:
                self.report.skipped[item.post_type] += 1
                self.report.problem(item.label, _("status %(s)s: dilewati.") % {"s": item.status})
        return wanted

    # --- pages ------------------------------------------------------------------------------
    def import_pages(self, items: list[Item]) -> None:
        items = self._items_in_order(items)
        by_id = {item.wp_id: item for item in items}

        def depth(item: Item) -> int:
            seen, level = set(), 0
            while item.parent_id in by_id and item.wp_id not in seen:
                seen.add(item.wp_id)
                item, level = by_id[item.parent_id], level + 1
            return level

        items.sort(key=lambda i: (depth(i), i.menu_order, i.wp_id))
        home = self.importer.agency.site.root_page.specific
        for item in self._batches(items, "halaman"):
            key = str(item.wp_id)
            if self.importer.seen(Kind.PAGE, key):
                continue
            parent = home
            parent_pk = self.importer.done.get((Kind.PAGE, str(item.parent_id)))
            if item.parent_id and parent_pk:
                # A dry run's parent was not written: it has only a stand-in id below zero.
                parent = Page.objects.get(pk=parent_pk) if parent_pk > 0 else None
            elif item.parent_id and not self.importer.dry_run:
                self.report.problem(
                    item.label, _("halaman induk tidak diimpor; diletakkan di beranda.")
                )
            self._page(parent, item)

    def _page(self, parent: Page | None, item: Item) -> None:
        conversion = self._convert(item)
        live = self._publication(item, conversion)
        slug = self._slug(parent, item, "halaman")
        if self.importer.dry_run:
            self.importer.record(Kind.PAGE, str(item.wp_id), None)
            self.importer.done[(Kind.PAGE, str(item.wp_id))] = -item.wp_id
            self._redirects(item, None, "")
            return
        page = StandardPage(
            title=item.title[:255] or slug,
            slug=slug,
            lead=Truncator(strip_tags(item.excerpt)).chars(600),
            body=conversion.blocks,
        )
        self._write(parent, page, item, live, Kind.PAGE)

    # --- posts ------------------------------------------------------------------------------
    def import_posts(self, items: list[Item]) -> None:
        items = self._items_in_order(items)
        index = self.importer.news_index
        for item in self._batches(items, "berita"):
            if self.importer.seen(Kind.POST, str(item.wp_id)):
                continue
            self._post(index, item)

    def _post(self, index: NewsIndexPage | None, item: Item) -> None:
        conversion = self._convert(item)
        live = self._publication(item, conversion)
        slug = self._slug(index, item, "berita")
        if not item.categories and not item.tags:
            pass
        if self.importer.dry_run:
            self.importer.record(Kind.POST, str(item.wp_id), None)
            self._redirects(item, None, "")
            return
        first = next((b["value"] for b in conversion.blocks if b["type"] == "paragraph"), "")
        lead = strip_tags(item.excerpt).strip() or plain_text(first) or conversion.text
        page = NewsArticlePage(
            title=item.title[:255] or slug,
            slug=slug,
            lead=Truncator(" ".join(lead.split()) or item.title).chars(LEAD_MAX),
            date=(item.date or timezone.now()).date(),
            body=conversion.blocks or [{"type": "paragraph", "value": "<p></p>"}],
            author=self.importer.authors.get(item.creator),
            category=next(
                (self.importer.categories.get(slug) for slug, _name in item.categories
                 if self.importer.categories.get(slug)), None),
        )  # fmt: skip
        thumbnail = item.meta.get("_thumbnail_id", "")
        if thumbnail.isdigit():
            ref = self.importer.images_by_id.get(int(thumbnail))
            if ref is None:
                self.report.problem(
                    item.label, _("gambar utama #%(id)s tidak diimpor.") % {"id": thumbnail}
                )
            else:
                page.hero_image_id = ref.image_id
                page.hero_image_alt = (ref.alt or ref.title)[:250]
        tags = [self.importer.tags.get(slug) for slug, _name in item.tags]
        page.tags.set([tag for tag in tags if tag is not None])
        self._write(index, page, item, live, Kind.POST)

    def _write(self, parent: Page, page: Page, item: Item, live: bool, kind: str) -> None:
        try:
            with transaction.atomic():
                self._save(parent, page, item, live)
                self.importer.record(kind, str(item.wp_id), page)
                self._redirects(item, page, page.url_path)
        except (ValidationError, DatabaseError, ValueError) as exc:
            self.last_child_path.pop(parent.pk, None)  # read it again from the database
            if page in self.created_pages:
                self.created_pages.remove(page)
            self.report.skipped[item.post_type] += 1
            self.report.problem(
                item.label, _("tidak dapat disimpan: %(e)s") % {"e": str(exc)[:300]}
            )

    def _redirects(self, item: Item, page: Page | None, url_path: str) -> None:
        """`/?p=ID` (or `?page_id=`), the permalink and the guid, to the new page."""
        site = self.importer.agency.site
        new_url = ""
        if page is not None:
            root_path = site.root_page.url_path
            new_url = "/" + url_path[len(root_path) :] if url_path.startswith(root_path) else ""
        add = self.importer.redirects.add
        add(
            f"/?{'page_id' if item.post_type == 'page' else 'p'}={item.wp_id}",
            page=page,
            new_url=new_url,
        )
        if item.link:
            add(item.link, page=page, new_url=new_url)


@contextmanager
def _search_updates_deferred(*models: type) -> Iterator[None]:
    """Without the per-save search task: the batch is indexed in bulk by `_index`."""
    from modelsearch.signal_handlers import post_save_signal_handler

    off = [m for m in models if post_save.disconnect(post_save_signal_handler, sender=m)]
    try:
        yield
    finally:
        for model in off:
            post_save.connect(post_save_signal_handler, sender=model)


def _index(pages: list[Page]) -> None:
    """Search entries and the reference index (image usage) of a batch, in bulk."""
    by_model: dict[type, list[Page]] = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
        ReferenceIndex.create_or_update_for_object(page)
    for backend in get_search_backends(with_auto_update=True):
        for model, objects in by_model.items():
            backend.add_bulk(model, objects)
