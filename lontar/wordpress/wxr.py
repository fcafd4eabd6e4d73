"""Reading a WordPress export (WXR 1.1 and 1.2) into plain records, without the database.

WXR is RSS with WordPress's own namespaces, whose URIs carry the version
(`http://wordpress.org/export/1.2/`); elements are therefore matched by local name. The file
comes from another system: the parser resolves no entities, fetches nothing from the network
and recovers from broken XML (WordPress sometimes writes control characters into its exports)
instead of refusing the whole file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

SUPPORTED_VERSIONS = frozenset({"1.0", "1.1", "1.2"})


class WXRError(ValueError):
    """The file is not a WordPress export this importer can read."""


@dataclass(frozen=True)
class Author:
    login: str
    email: str
    display_name: str
    first_name: str = ""
    last_name: str = ""


@dataclass(frozen=True)
class Term:
    """A category or a tag."""

    term_id: int
    slug: str
    name: str
    parent_slug: str = ""


@dataclass
class Item:
    """One `<item>`: a post, a page, an attachment (or a menu item, which is not imported)."""

    wp_id: int
    post_type: str
    title: str
    slug: str
    status: str
    link: str
    date: datetime | None
    date_gmt: datetime | None
    creator: str
    content: str
    excerpt: str
    parent_id: int = 0
    menu_order: int = 0
    password: str = ""
    attachment_url: str = ""
    categories: list[tuple[str, str]] = field(default_factory=list)  # (nicename, name)
    tags: list[tuple[str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comment_count: int = 0

    @property
    def label(self) -> str:
        """How the report names the item: its type, id and title."""
        return f"{self.post_type} #{self.wp_id} «{self.title[:80]}»"


@dataclass
class Export:
    version: str
    title: str
    base_url: str
    authors: dict[str, Author]
    categories: list[Term]
    tags: list[Term]
    items: list[Item]

    def of_type(self, post_type: str) -> list[Item]:
        return [item for item in self.items if item.post_type == post_type]


def _local(tag: object) -> str:
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    return tag.rsplit("}", 1)[-1]


def _prefixed(element: etree._Element) -> str:
    """The element's name with its WordPress prefix: `wp:post_id`, `content:encoded`."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    if tag.startswith("{"):
        uri, local = tag[1:].split("}", 1)
        if "wordpress.org/export" in uri:
            prefix = "excerpt" if uri.rstrip("/").endswith("excerpt") else "wp"
        elif "purl.org/rss/1.0/modules/content" in uri:
            prefix = "content"
        elif "purl.org/dc/elements" in uri:
            prefix = "dc"
        else:
            prefix = "x"
        return f"{prefix}:{local}"
    return tag


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return "".join(element.itertext()).strip()


def _int(value: str) -> int:
    try:
        return int(value.strip())
    except (AttributeError, ValueError):
        return 0


def _datetime(value: str) -> datetime | None:
    value = value.strip()
    if not value or value.startswith("0000"):
        return None
    try:
        # Naive on purpose: post_date is the old site's wall clock, post_date_gmt is UTC.
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S")  # noqa: DTZ007
    except ValueError:
        return None


def _children(element: etree._Element) -> dict[str, list[etree._Element]]:
    found: dict[str, list[etree._Element]] = {}
    for child in element:
        found.setdefault(_prefixed(child), []).append(child)
    return found


def _first(children: dict[str, list[etree._Element]], name: str) -> str:
    elements = children.get(name)
    return _text(elements[0]) if elements else ""


def _raw(children: dict[str, list[etree._Element]], name: str) -> str:
    """Text content without stripping (post bodies keep their blank lines for wpautop)."""
    elements = children.get(name)
    return "".join(elements[0].itertext()) if elements else ""


def _item(element: etree._Element) -> Item:
    children = _children(element)
    categories: list[tuple[str, str]] = []
    tags: list[tuple[str, str]] = []
    for category in children.get("category", []):
        pair = (unquote(category.get("nicename") or ""), _text(category))
        if category.get("domain") == "category":
            categories.append(pair)
        elif category.get("domain") == "post_tag":
            tags.append(pair)
    meta: dict[str, str] = {}
    for postmeta in children.get("wp:postmeta", []):
        meta_children = _children(postmeta)
        meta[_first(meta_children, "wp:meta_key")] = _first(meta_children, "wp:meta_value")
    approved = 0
    for comment in children.get("wp:comment", []):
        if _first(_children(comment), "wp:comment_approved") == "1":
            approved += 1
    return Item(
        wp_id=_int(_first(children, "wp:post_id")),
        post_type=_first(children, "wp:post_type") or "post",
        title=_first(children, "title"),
        # WordPress stores non-Latin slugs percent-encoded ("%e6%9d%b1").
        slug=unquote(_first(children, "wp:post_name")),
        status=_first(children, "wp:status") or "publish",
        link=_first(children, "link"),
        date=_datetime(_first(children, "wp:post_date")),
        date_gmt=_datetime(_first(children, "wp:post_date_gmt")),
        creator=_first(children, "dc:creator"),
        content=_raw(children, "content:encoded"),
        excerpt=_first(children, "excerpt:encoded"),
        parent_id=_int(_first(children, "wp:post_parent")),
        menu_order=_int(_first(children, "wp:menu_order")),
        password=_first(children, "wp:post_password"),
        attachment_url=_first(children, "wp:attachment_url"),
        categories=categories,
        tags=tags,
        meta=meta,
        comment_count=approved,
    )


def parse(source: Path | str | bytes) -> Export:
    """Read a WXR file (a path) or its bytes."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=True, recover=True, load_dtd=False
    )
    try:
        if isinstance(source, bytes):
            root = etree.fromstring(source, parser)
        else:
            root = etree.parse(str(source), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        raise WXRError(f"not readable as XML: {exc}") from exc
    if root is None or _local(root.tag) != "rss":
        raise WXRError("not a WordPress export: the root element is not <rss>")
    channel = next((child for child in root if _local(child.tag) == "channel"), None)
    if channel is None:
        raise WXRError("not a WordPress export: no <channel>")
    children = _children(channel)
    version = _first(children, "wp:wxr_version")
    if version not in SUPPORTED_VERSIONS:
        raise WXRError(f"not a WordPress export of version 1.1 or 1.2 (found {version or '-'})")
    authors = {}
    for element in children.get("wp:author", []):
        fields = _children(element)
        author = Author(
            login=_first(fields, "wp:author_login"),
            email=_first(fields, "wp:author_email"),
            display_name=_first(fields, "wp:author_display_name"),
            first_name=_first(fields, "wp:author_first_name"),
            last_name=_first(fields, "wp:author_last_name"),
        )
        authors[author.login] = author
    categories = [
        Term(
            term_id=_int(_first(fields, "wp:term_id")),
            slug=unquote(_first(fields, "wp:category_nicename")),
            name=_first(fields, "wp:cat_name"),
            parent_slug=unquote(_first(fields, "wp:category_parent")),
        )
        for fields in (_children(element) for element in children.get("wp:category", []))
    ]
    tags = [
        Term(
            term_id=_int(_first(fields, "wp:term_id")),
            slug=unquote(_first(fields, "wp:tag_slug")),
            name=_first(fields, "wp:tag_name"),
        )
        for fields in (_children(element) for element in children.get("wp:tag", []))
    ]
    base_url = _first(children, "wp:base_blog_url") or _first(children, "link")
    return Export(
        version=version,
        title=_first(children, "title"),
        base_url=base_url,
        authors=authors,
        categories=categories,
        tags=tags,
        items=[_item(element) for element in children.get("item", [])],
    )


def path_of(url: str) -> str:
    """The path and query of an address on the old site ("/2021/11/18/slug/", "/?p=12")."""
    parts = urlsplit(url.strip())
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path
