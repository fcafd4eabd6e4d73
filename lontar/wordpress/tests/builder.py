"""WXR files written by the tests themselves, the way WordPress's Tools → Export writes them."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image

BASE = "https://bkd.example.go.id"


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


@dataclass
class Entry:
    wp_id: int
    title: str
    content: str = ""
    slug: str = ""
    post_type: str = "post"
    status: str = "publish"
    date: str = "2021-11-18 09:00:00"
    creator: str = "admin"
    excerpt: str = ""
    parent: int = 0
    menu_order: int = 0
    categories: list[tuple[str, str]] = field(default_factory=list)
    tags: list[tuple[str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    link: str = ""
    attachment_url: str = ""
    password: str = ""
    comments: int = 0

    def permalink(self) -> str:
        if self.link:
            return self.link
        if self.post_type == "post":
            y, m, d = self.date[:10].split("-")
            return f"{BASE}/{y}/{m}/{d}/{self.slug}/"
        if self.post_type == "page":
            return f"{BASE}/{self.slug}/"
        return f"{BASE}/?attachment_id={self.wp_id}"

    def xml(self, ns: str) -> str:
        terms = "".join(
            f'<category domain="category" nicename="{escape(s)}">{cdata(n)}</category>'
            for s, n in self.categories
        ) + "".join(
            f'<category domain="post_tag" nicename="{escape(s)}">{cdata(n)}</category>'
            for s, n in self.tags
        )
        meta = "".join(
            f"<wp:postmeta><wp:meta_key>{cdata(k)}</wp:meta_key>"
            f"<wp:meta_value>{cdata(v)}</wp:meta_value></wp:postmeta>"
            for k, v in self.meta.items()
        )
        comments = "".join(
            f"<wp:comment><wp:comment_id>{n}</wp:comment_id><wp:comment_author>{cdata('Warga')}"
            f"</wp:comment_author><wp:comment_author_email>warga{n}@example.com"
            f"</wp:comment_author_email><wp:comment_content>{cdata('Terima kasih')}"
            f"</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>"
            for n in range(1, self.comments + 1)
        )
        attachment = (
            f"<wp:attachment_url>{cdata(self.attachment_url)}</wp:attachment_url>"
            if self.attachment_url
            else ""
        )
        return (
            f"<item><title>{cdata(self.title)}</title><link>{escape(self.permalink())}</link>"
            f"<pubDate>Thu, 18 Nov 2021 09:00:00 +0000</pubDate>"
            f"<dc:creator>{cdata(self.creator)}</dc:creator>"
            f'<guid isPermaLink="false">{BASE}/?p={self.wp_id}</guid><description></description>'
            f"<content:encoded>{cdata(self.content)}</content:encoded>"
            f"<excerpt:encoded>{cdata(self.excerpt)}</excerpt:encoded>"
            f"<wp:post_id>{self.wp_id}</wp:post_id><wp:post_date>{cdata(self.date)}</wp:post_date>"
            f"<wp:post_date_gmt>{cdata(self.date)}</wp:post_date_gmt>"
            f"<wp:comment_status>open</wp:comment_status><wp:post_name>{cdata(self.slug)}"
            f"</wp:post_name><wp:status>{cdata(self.status)}</wp:status>"
            f"<wp:post_parent>{self.parent}</wp:post_parent>"
            f"<wp:menu_order>{self.menu_order}</wp:menu_order>"
            f"<wp:post_type>{cdata(self.post_type)}</wp:post_type>"
            f"<wp:post_password>{cdata(self.password)}</wp:post_password>"
            f"<wp:is_sticky>0</wp:is_sticky>{attachment}{terms}{meta}{comments}</item>"
        )


def attachment(wp_id: int, path: str, *, title: str = "", alt: str = "") -> Entry:
    meta = {"_wp_attached_file": path}
    if alt:
        meta["_wp_attachment_image_alt"] = alt
    return Entry(
        wp_id,
        title or Path(path).stem,
        post_type="attachment",
        status="inherit",
        slug=Path(path).stem,
        attachment_url=f"{BASE}/wp-content/uploads/{path}",
        meta=meta,
    )


def wxr(
    entries: list[Entry],
    *,
    version: str = "1.2",
    authors: list[tuple[str, str, str]] = (("admin", "admin@bkd.example.go.id", "Admin BKD"),),
    categories: list[tuple[str, str, str]] = (),
    tags: list[tuple[str, str]] = (),
) -> bytes:
    ns = f"http://wordpress.org/export/{version}/"
    head = (
        '<?xml version="1.0" encoding="UTF-8" ?>\n'
        f'<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'xmlns:wp="{ns}">\n<channel><title>BKD Contoh</title><link>{BASE}</link>'
        f"<language>id-ID</language><wp:wxr_version>{version}</wp:wxr_version>"
        f"<wp:base_site_url>{BASE}</wp:base_site_url><wp:base_blog_url>{BASE}</wp:base_blog_url>"
    )
    parts = [head]
    for number, (login, email, name) in enumerate(authors, 1):
        parts.append(
            f"<wp:author><wp:author_id>{number}</wp:author_id><wp:author_login>{cdata(login)}"
            f"</wp:author_login><wp:author_email>{cdata(email)}</wp:author_email>"
            f"<wp:author_display_name>{cdata(name)}</wp:author_display_name>"
            f"<wp:author_first_name>{cdata(name)}</wp:author_first_name></wp:author>"
        )
    for number, (slug, name, parent) in enumerate(categories, 1):
        parts.append(
            f"<wp:category><wp:term_id>{number}</wp:term_id><wp:category_nicename>{cdata(slug)}"
            f"</wp:category_nicename><wp:category_parent>{cdata(parent)}</wp:category_parent>"
            f"<wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>"
        )
    for number, (slug, name) in enumerate(tags, 100):
        parts.append(
            f"<wp:tag><wp:term_id>{number}</wp:term_id><wp:tag_slug>{cdata(slug)}</wp:tag_slug>"
            f"<wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>"
        )
    parts.extend(entry.xml(ns) for entry in entries)
    parts.append("</channel></rss>\n")
    return "".join(parts).encode("utf-8")


def png(color: tuple[int, int, int] = (200, 30, 30), size: tuple[int, int] = (40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def media_dir(root: Path, files: dict[str, bytes]) -> Path:
    for relative, data in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root
