"""The agency's home page and standard pages, out and back in (`core/portability.py`).

A page is found again by its address on the site ("/profil/struktur/"): loading updates the page
that answers there (the new agency's default pages) or creates it under the page at its parent
address, published with the dates it had. `page_row` and `place_page` are shared with the news
app's own portability module.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db import models, transaction
from django.utils.dateparse import parse_datetime
from wagtail.fields import StreamField
from wagtail.models import Page

from lontar.core.portability import Bundle, Portable, register_portable
from lontar.pages.models import HomePage, StandardPage

BASE_FIELDS = frozenset(f.name for f in Page._meta.get_fields())
PAGE_FIELDS = ("title", "slug", "seo_title", "search_description")


def site_path(agency, page: Page) -> str:
    root = agency.site.root_page.url_path
    return "/" + page.url_path[len(root) :] if page.url_path.startswith(root) else ""


def public_pages(agency, model: type[Page]) -> list[Page]:
    """The live pages of `model` on the agency's site no visitor is kept out of, parents first."""
    pages = model.objects.live().public().descendant_of(agency.site.root_page, inclusive=True)
    return list(pages.order_by("path"))


def own_fields(page: Page) -> list[models.Field]:
    """The fields the page type adds to Wagtail's page (lead, body, hero image, …)."""
    return [
        f
        for f in type(page)._meta.concrete_fields
        if f.name not in BASE_FIELDS and not f.name.endswith("_ptr") and f.editable
    ]


def page_row(agency, page: Page, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A page as JSON: its address, Wagtail's public fields and its own (StreamFields raw)."""
    path = site_path(agency, page)
    row: dict[str, Any] = {name: getattr(page, name) for name in PAGE_FIELDS}
    parent = page.get_parent()
    row.update(
        id=page.pk,
        type=page._meta.label,
        path=path,
        parent=site_path(agency, parent) if path != "/" and parent else None,
        first_published_at=page.first_published_at,
        last_published_at=page.last_published_at,
        fields={},
    )
    for f in own_fields(page):
        if f.name in skip:
            continue
        if isinstance(f, StreamField):
            row["fields"][f.name] = list(getattr(page, f.name).raw_data)
        elif isinstance(f, models.ForeignKey):
            row["fields"][f.attname] = getattr(page, f.attname)
        else:
            value = f.value_from_object(page)
            row["fields"][f.name] = None if value is None else f.value_to_string(page)
    return row


def apply_fields(page: Page, row: dict[str, Any], bundle: Bundle) -> None:
    """Set the row's own fields on `page`: StreamField ids and image ids made this site's."""
    by_name = {f.attname: f for f in own_fields(page)}
    for name, value in row.get("fields", {}).items():
        f = by_name.get(name)
        if f is None:
            continue
        if isinstance(f, StreamField):
            setattr(page, name, bundle.remap_stream(value))
        elif isinstance(f, models.ForeignKey):
            target = getattr(f.related_model, "_meta", None)
            target = target.label_lower if target is not None else ""
            kind = {"wagtailimages.image": "image", "wagtaildocs.document": "document"}.get(target)
            setattr(page, name, bundle.new_id(kind, value) if kind else None)
        else:
            setattr(page, name, f.to_python(value) if value is not None else value)


def find_page(agency, path: str | None) -> Page | None:
    if path is None:
        return None
    root = agency.site.root_page
    if path == "/":
        return root
    return Page.objects.filter(url_path=root.url_path + path.lstrip("/")).first()


def _moment(value: Any) -> datetime | None:
    return parse_datetime(value) if isinstance(value, str) else value


def place_page(
    agency,
    model: type[Page],
    row: dict[str, Any],
    bundle: Bundle,
    extra: Callable[[Page], None] | None = None,
) -> Page | None:
    """Update the page at the row's address, or create it under its parent, and publish it
    (`extra` sets what the row's fields do not carry, before publishing)."""
    existing = find_page(agency, row["path"])
    if existing is not None and existing.specific_class is not model:
        bundle.problem(f"{row['path']}: alamat dipakai halaman jenis lain; dilewati.")
        return None
    page = existing.specific if existing is not None else None
    if page is None:
        parent = find_page(agency, row.get("parent"))
        if parent is None:
            bundle.problem(f"{row['path']}: halaman induk {row.get('parent')} tidak ada.")
            return None
        page = model(slug=row["slug"], title=row["title"])
        apply_fields(page, row, bundle)
        parent.specific.add_child(instance=page)
    for name in PAGE_FIELDS:
        if name != "slug":
            setattr(page, name, row.get(name) or "")
    apply_fields(page, row, bundle)
    if extra is not None:
        extra(page)
    page.save_revision().publish()
    first, last = _moment(row.get("first_published_at")), _moment(row.get("last_published_at"))
    Page.objects.filter(pk=page.pk).update(
        first_published_at=first or page.first_published_at,
        last_published_at=last or page.last_published_at,
    )
    bundle.map("page", row["id"], page.pk)
    return page


# --- this app's pages ----------------------------------------------------------------------
def export(agency, bundle: Bundle) -> int:
    rows = [page_row(agency, p) for p in public_pages(agency, HomePage)]
    rows += [page_row(agency, p) for p in public_pages(agency, StandardPage)]
    rows.sort(key=lambda r: (r["path"].count("/"), r["path"]))
    return bundle.write("pages", rows)


def load(agency, bundle: Bundle) -> int:
    rows = bundle.read("pages")
    models_by_label = {m._meta.label: m for m in (HomePage, StandardPage)}
    placed = []
    with transaction.atomic():
        for row in sorted(rows, key=lambda r: (r["path"].count("/"), r["path"])):
            model = models_by_label.get(row.get("type"))
            if model is None:
                continue
            if row["path"] == "/":
                page = agency.site.root_page.specific
                if not isinstance(page, HomePage):
                    continue
                row = {**row, "slug": page.slug}
            page = place_page(agency, model, row, bundle)
            if page is not None:
                placed.append((page.pk, model, row))

    def relink() -> None:
        # Menus and bodies may point at news articles and pages loaded after this one.
        for pk, model, row in placed:
            page = model.objects.get(pk=pk)
            apply_fields(page, row, bundle)
            page.save_revision().publish()
            Page.objects.filter(pk=pk).update(
                first_published_at=_moment(row.get("first_published_at"))
                or page.first_published_at,
                last_published_at=_moment(row.get("last_published_at")) or page.last_published_at,
            )

    bundle.after(relink)
    return len(placed)


register_portable(Portable("pages", "Halaman", 10, export, load))
