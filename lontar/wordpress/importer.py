"""`import_wxr`: one agency's WordPress export carried into Lontar, or a dry run of it.

Order: authors, categories, tags, attachments (so bodies can point at their images), pages
(parents first), posts. Every record is written in its own transaction together with its
`ImportedItem` row and its redirects, so a run can stop anywhere and the next run carries on;
a record that already has a row is counted as "already there" and never written twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.models import Tag

from lontar.agencies.models import Agency, StaffProfile
from lontar.news.models import NewsCategory
from lontar.wordpress import media, permalinks
from lontar.wordpress.convert import ImageRef, canonical_media_url
from lontar.wordpress.models import ImportedItem
from lontar.wordpress.report import Report
from lontar.wordpress.wxr import Author, Export, Item

Progress = Callable[[str, int, int], None]
Kind = ImportedItem.Kind
SKIPPED_STATUSES = frozenset({"trash", "auto-draft", "inherit"})


@dataclass(frozen=True)
class Options:
    dry_run: bool = False
    media_dir: Path | None = None
    fetch_media: bool = False
    progress: Progress | None = None


def ascii_slug(value: str, fallback: str, max_length: int = 80) -> str:
    """A slug Lontar's URLs accept (ASCII: `WAGTAIL_ALLOW_UNICODE_SLUGS` is off)."""
    slug = slugify(value)[:max_length].strip("-")
    return slug or fallback


class Importer:
    def __init__(self, agency: Agency, export: Export, options: Options) -> None:
        if agency.site_id is None:
            raise ValueError(_("Instansi ini belum punya situs."))
        self.agency = agency
        self.export = export
        self.options = options
        self.dry_run = options.dry_run
        self.report = Report(dry_run=options.dry_run)
        self.source = media.Source(options.media_dir, options.fetch_media)
        self.done: dict[tuple[str, str], int | None] = {
            (row.kind, row.key): row.object_id
            for row in ImportedItem.objects.filter(agency=agency).only("kind", "key", "object_id")
        }
        self.redirects = permalinks.Redirects(agency.site, dry_run=options.dry_run)
        self.categories: dict[str, NewsCategory | None] = {}
        self.tags: dict[str, Tag | None] = {}
        self.authors: dict[str, StaffProfile | None] = {}
        self.images_by_id: dict[int, ImageRef] = {}
        self.images_by_url: dict[str, ImageRef] = {}
        self.links: dict[str, str] = {}

    # --- bookkeeping ------------------------------------------------------------------------
    def _progress(self, stage: str, done: int, total: int) -> None:
        if self.options.progress is not None:
            self.options.progress(stage, done, total)

    def record(self, kind: str, key: str, obj) -> None:
        if not self.dry_run:
            ImportedItem.objects.create(
                agency=self.agency, kind=kind, key=key[:200], object_id=getattr(obj, "pk", None)
            )
        self.done[(kind, key)] = getattr(obj, "pk", None)
        self.report.created[kind] += 1

    def seen(self, kind: str, key: str) -> bool:
        if (kind, key) in self.done:
            self.report.existing[kind] += 1
            return True
        return False

    # --- the run ----------------------------------------------------------------------------
    def run(self) -> Report:
        from lontar.wordpress import content

        self.news_index = content.news_index(self.agency, create=not self.dry_run)
        self.redirects.news_url = (
            self.news_index.relative_url(self.agency.site) if self.news_index else "/berita/"
        )
        with transaction.atomic():  # one commit for the small lists, not one per row
            self.import_authors()
            self.import_terms()
        self.import_attachments()
        writer = content.ContentWriter(self)
        writer.import_pages(self.export.of_type("page"))
        writer.import_posts(self.export.of_type("post"))
        other = {i.post_type for i in self.export.items} - {"post", "page", "attachment"}
        for post_type in sorted(other):
            count = len(self.export.of_type(post_type))
            self.report.skipped[post_type] += count
            self.report.problem(
                post_type,
                _("%(n)d rekaman berjenis %(type)s tidak diimpor (menu, formulir, jenis khusus).")
                % {"n": count, "type": post_type},
            )
        self.report.created["redirect"] += self.redirects.created
        self.report.existing["redirect"] += self.redirects.existing
        return self.report

    # --- authors ----------------------------------------------------------------------------
    def import_authors(self) -> None:
        staff = list(StaffProfile.objects.filter(agency=self.agency).select_related("user"))
        by_email = {p.user.email.lower(): p for p in staff if p.user.email}
        by_login = {p.user.get_username().lower(): p for p in staff}
        for author in self.export.authors.values():
            if self.seen(Kind.AUTHOR, author.login):
                pk = self.done[(Kind.AUTHOR, author.login)]
                self.authors[author.login] = next((p for p in staff if p.pk == pk), None)
                continue
            match = by_email.get(author.email.lower()) if author.email else None
            match = match or by_login.get(author.login.lower())
            if match is None:
                match = self._imported_author(author)
            self.authors[author.login] = match
            self.record(Kind.AUTHOR, author.login, match)

    def _imported_author(self, author: Author) -> StaffProfile | None:
        if self.dry_run:
            return None
        return imported_author(
            self.agency,
            author.login,
            first_name=author.first_name or author.display_name or author.login,
            last_name=author.last_name if author.first_name else "",
        )

    # --- categories and tags -----------------------------------------------------------------
    def import_terms(self) -> None:
        existing = {c.slug: c for c in NewsCategory.objects.filter(agency=self.agency)}
        terms = {t.slug: t for t in self.export.categories}
        for item in self.export.items:  # categories named only on posts (older exports)
            for slug, name in item.categories:
                terms.setdefault(slug, _term(slug, name))
        for term in terms.values():
            slug = ascii_slug(term.slug or term.name, f"kategori-{term.term_id or len(existing)}")
            key = term.slug
            if self.seen(Kind.CATEGORY, key):
                self.categories[key] = existing.get(slug)
            else:
                category = existing.get(slug)
                if category is None and not self.dry_run:
                    category = NewsCategory.objects.create(
                        agency=self.agency, slug=slug, name=(term.name or slug)[:100]
                    )
                    existing[slug] = category
                self.categories[key] = category
                self.record(Kind.CATEGORY, key, category)
            path = _category_path(term, terms)
            self.redirects.add(f"/category/{path}/", link=f"{{news}}kategori/{slug}/")
            if path != term.slug:
                self.redirects.add(f"/category/{term.slug}/", link=f"{{news}}kategori/{slug}/")
        tag_terms = {t.slug: t.name for t in self.export.tags}
        for item in self.export.items:
            for slug, name in item.tags:
                tag_terms.setdefault(slug, name)
        for wp_slug, name in tag_terms.items():
            name = (name or wp_slug)[:100]
            tag = Tag.objects.filter(name=name).first()
            if self.seen(Kind.TAG, wp_slug):
                self.tags[wp_slug] = tag
            else:
                if tag is None and not self.dry_run:
                    slug = ascii_slug(wp_slug, "")
                    if not slug or Tag.objects.filter(slug=slug).exists():
                        slug = ascii_slug(name, "") or f"tag-{abs(hash(name)) % 10**8}"
                    if Tag.objects.filter(slug=slug).exists():
                        slug = f"{slug[:80]}-{Tag.objects.count() + 1}"
                    tag = Tag.objects.create(name=name, slug=slug)
                self.tags[wp_slug] = tag
                self.record(Kind.TAG, wp_slug, tag)
            target = tag.slug if tag is not None else ascii_slug(wp_slug, "tag")
            self.redirects.add(f"/tag/{wp_slug}/", link=f"{{news}}tag/{target}/")

    # --- attachments ------------------------------------------------------------------------
    def import_attachments(self) -> None:
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        items = self.export.of_type("attachment")
        images = get_image_model().objects.in_bulk(
            [pk for (kind, _key), pk in self.done.items() if kind == Kind.IMAGE and pk]
        )
        documents = get_document_model().objects.in_bulk(
            [pk for (kind, _key), pk in self.done.items() if kind == Kind.DOCUMENT and pk]
        )
        for number, item in enumerate(items, 1):
            self._progress("lampiran", number, len(items))
            key = str(item.wp_id)
            alt = item.meta.get("_wp_attachment_image_alt", "")
            for kind, known in ((Kind.IMAGE, images), (Kind.DOCUMENT, documents)):
                if self.seen(kind, key):
                    obj = known.get(self.done[(kind, key)])
                    if obj is not None:
                        self._remember(item, obj, alt)
                    break
            else:
                self._attachment(item, alt)

    def _attachment(self, item: Item, alt: str) -> None:
        kind = media.extension_kind(item)
        if kind is None:
            self.report.skipped["attachment"] += 1
            self.report.problem(item.label, _("jenis berkas ini tidak diterima Lontar."))
            return
        if not self.source.available:
            self.report.skipped["attachment"] += 1
            self.report.problem(
                item.label,
                _("berkas tidak diimpor: jalankan dengan --media-dir atau --fetch-media."),
            )
            return
        if self.dry_run:
            if self.source.media_dir is not None:
                try:
                    media.read_file(item, self.source)
                except media.MediaUnavailable as exc:
                    self.report.skipped["attachment"] += 1
                    self.report.problem(item.label, str(exc))
                    return
            ref = ImageRef(0, item.title, alt)
            self.images_by_id[item.wp_id] = ref
            self.images_by_url[canonical_media_url(item.attachment_url)] = ref
            self.report.created[kind] += 1
            return
        try:
            name, data = media.read_file(item, self.source)
            with transaction.atomic():
                obj = media.store(item, kind, name, data, self.agency.collection, alt)
                self.record(Kind.IMAGE if kind == "image" else Kind.DOCUMENT, str(item.wp_id), obj)
                self._remember(item, obj, alt)
                self._attachment_redirects(item, obj)
        except media.MediaUnavailable as exc:
            self.report.skipped["attachment"] += 1
            self.report.problem(item.label, str(exc))

    def _remember(self, item: Item, obj, alt: str) -> None:
        url = media.file_url(obj)
        self.links[canonical_media_url(item.attachment_url)] = url
        if media.is_image(obj):
            ref = ImageRef(obj.pk, obj.title, alt or obj.description)
            self.images_by_id[item.wp_id] = ref
            self.images_by_url[canonical_media_url(item.attachment_url)] = ref
        else:
            self.links[f"attachment:{item.wp_id}"] = url

    def _attachment_redirects(self, item: Item, obj) -> None:
        url = media.file_url(obj)
        self.redirects.add(f"/?attachment_id={item.wp_id}", link=url)
        if item.link:
            self.redirects.add(item.link, link=url)
        if item.attachment_url:
            self.redirects.add(item.attachment_url, link=url)


def imported_author(agency: Agency, login: str, *, first_name: str, last_name: str = ""):
    """A byline for a writer who has no account here: a profile on an account that cannot
    sign in (no password, inactive). Their e-mail address is not kept."""
    username = f"wp-{agency.slug}-{slugify(login) or 'penulis'}"[:150]
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name[:150],
            "last_name": last_name[:150],
            "is_active": False,
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    profile = StaffProfile.objects.filter(user=user).first()
    if profile is None:
        profile = StaffProfile.objects.create(
            user=user,
            agency=agency,
            position=_("Penulis (diimpor dari WordPress)"),
            slug=username[:80],
        )
    return profile


def _term(slug: str, name: str):
    from lontar.wordpress.wxr import Term

    return Term(0, slug, name)


def _category_path(term, terms: dict) -> str:
    """WordPress's category permalink: the parents' slugs first ("berita/daerah")."""
    parts, seen = [term.slug], {term.slug}
    parent = terms.get(term.parent_slug)
    while parent is not None and parent.slug not in seen:
        parts.insert(0, parent.slug)
        seen.add(parent.slug)
        parent = terms.get(parent.parent_slug)
    return "/".join(parts)


def import_wxr(agency: Agency, export: Export, options: Options | None = None) -> Report:
    """Carry `export` into `agency` (or, with `dry_run`, report what that would do)."""
    return Importer(agency, export, options or Options()).run()
