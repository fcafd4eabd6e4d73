"""An agency's news written as a WordPress export (WXR 1.2), so any WordPress can take it in.

Bodies are written as block-editor markup (`<!-- wp:paragraph -->` …), images and galleries
pointing at attachments whose files sit beside the WXR (`media/images/…`): importing the file
with `--media-dir` pointing there reproduces the articles, images included.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC
from xml.sax.saxutils import escape

from django.utils.html import escape as html_escape

ATTACHMENT_OFFSET = 1_000_000_000  # WordPress ids share one space; posts keep their page ids


def _cdata(text: str) -> str:
    return "<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def attachment_id(image_id: int) -> int:
    return ATTACHMENT_OFFSET + image_id


class BodyWriter:
    def __init__(self, image_url) -> None:
        self.image_url = image_url  # image pk -> the address its attachment has in the export

    def image(self, value: dict, figure_class: str = "wp-block-image") -> str:
        image = value.get("image") or {}
        pk = image.get("image") if isinstance(image, dict) else image
        if not pk:
            return ""
        alt = html_escape((image.get("alt_text") if isinstance(image, dict) else "") or "")
        caption = value.get("caption") or ""
        figcaption = f"<figcaption>{html_escape(caption)}</figcaption>" if caption else ""
        return (
            f'<figure class="{figure_class}"><img src="{html_escape(self.image_url(pk))}" '
            f'alt="{alt}" class="wp-image-{attachment_id(pk)}"/>{figcaption}</figure>'
        )

    def block(self, kind: str, value) -> str:
        if kind == "paragraph":
            return f"<!-- wp:html -->\n{value}\n<!-- /wp:html -->"
        if kind == "heading":
            level = value.get("level", "h2")
            return (
                f'<!-- wp:heading {{"level":{level[1]}}} -->\n'
                f"<{level}>{html_escape(value.get('text', ''))}</{level}>\n<!-- /wp:heading -->"
            )
        if kind == "image":
            return f"<!-- wp:image -->\n{self.image(value)}\n<!-- /wp:image -->"
        if kind == "gallery":
            inner = "".join(self.image(item.get("value", item)) for item in value.get("images", []))
            title = value.get("title") or ""
            caption = f"<figcaption>{html_escape(title)}</figcaption>" if title else ""
            return (
                f'<!-- wp:gallery -->\n<figure class="wp-block-gallery has-nested-images">'
                f"{inner}{caption}</figure>\n<!-- /wp:gallery -->"
            )
        if kind == "quote":
            paragraphs = "".join(
                f"<p>{html_escape(p)}</p>" for p in value.get("quote", "").split("\n\n") if p
            )
            cite = value.get("attribution") or ""
            cite_html = f"<cite>{html_escape(cite)}</cite>" if cite else ""
            return (
                f'<!-- wp:quote -->\n<blockquote class="wp-block-quote">{paragraphs}{cite_html}'
                "</blockquote>\n<!-- /wp:quote -->"
            )
        if kind == "table":
            rows = value.get("data") or []
            header = value.get("first_row_is_table_header")
            html_rows = []
            for number, row in enumerate(rows):
                cell = "th" if header and number == 0 else "td"
                cells = "".join(f"<{cell}>{html_escape(c or '')}</{cell}>" for c in row)
                html_rows.append(f"<tr>{cells}</tr>")
            head = f"<thead>{html_rows[0]}</thead>" if header and html_rows else ""
            body = "".join(html_rows[1:] if head else html_rows)
            caption = value.get("table_caption") or ""
            figcaption = f"<figcaption>{html_escape(caption)}</figcaption>" if caption else ""
            return (
                f'<!-- wp:table -->\n<figure class="wp-block-table"><table>{head}<tbody>{body}'
                f"</tbody></table>{figcaption}</figure>\n<!-- /wp:table -->"
            )
        return ""  # agency widgets (units, contact, call to action) have no WordPress twin

    def body(self, raw: Iterable[dict]) -> str:
        return "\n\n".join(
            part for part in (self.block(b.get("type"), b.get("value")) for b in raw) if part
        )


def write_wxr(
    *,
    title: str,
    base_url: str,
    articles: list,
    images: dict[int, tuple[str, str, str]],
    image_url,
) -> str:
    """`images`: pk -> (relative file path, title, alt text) of the agency's images."""
    writer = BodyWriter(image_url)
    authors, categories, tags = {}, {}, {}
    for article in articles:
        if article.author_id:
            authors[article.author.slug] = article.author.display_name
        if article.category_id:
            categories[article.category.slug] = article.category.name
        for tag in article.tags.all():
            tags[tag.slug] = tag.name
    out = [
        '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
        'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
        f"<title>{escape(title)}</title><link>{escape(base_url)}</link>"
        "<language>id-ID</language><wp:wxr_version>1.2</wp:wxr_version>"
        f"<wp:base_site_url>{escape(base_url)}</wp:base_site_url>"
        f"<wp:base_blog_url>{escape(base_url)}</wp:base_blog_url>\n"
    ]
    for number, (login, name) in enumerate(sorted(authors.items()), 1):
        out.append(
            f"<wp:author><wp:author_id>{number}</wp:author_id><wp:author_login>{_cdata(login)}"
            f"</wp:author_login><wp:author_display_name>{_cdata(name)}"
            f"</wp:author_display_name><wp:author_first_name>{_cdata(name)}"
            "</wp:author_first_name></wp:author>\n"
        )
    for number, (slug, name) in enumerate(sorted(categories.items()), 1):
        out.append(
            f"<wp:category><wp:term_id>{number}</wp:term_id><wp:category_nicename>{_cdata(slug)}"
            f"</wp:category_nicename><wp:cat_name>{_cdata(name)}</wp:cat_name></wp:category>\n"
        )
    for number, (slug, name) in enumerate(sorted(tags.items()), 1):
        out.append(
            f"<wp:tag><wp:term_id>{number}</wp:term_id><wp:tag_slug>{_cdata(slug)}</wp:tag_slug>"
            f"<wp:tag_name>{_cdata(name)}</wp:tag_name></wp:tag>\n"
        )
    for pk, (relative, image_title, alt) in sorted(images.items()):
        wp_id = attachment_id(pk)
        out.append(
            f"<item><title>{_cdata(image_title)}</title><wp:post_id>{wp_id}</wp:post_id>"
            "<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>"
            f"<wp:attachment_url>{_cdata(image_url(pk))}</wp:attachment_url>"
            f"<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key>"
            f"<wp:meta_value>{_cdata(relative)}</wp:meta_value></wp:postmeta>"
            "<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>"
            f"<wp:meta_value>{_cdata(alt)}</wp:meta_value></wp:postmeta></item>\n"
        )
    for article in articles:
        moment = article.first_published_at or article.last_published_at
        gmt = moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S") if moment else ""
        date = f"{article.date.isoformat()} {moment.strftime('%H:%M:%S') if moment else '00:00:00'}"
        terms = ""
        if article.category_id:
            terms += (
                f'<category domain="category" nicename="{escape(article.category.slug)}">'
                f"{_cdata(article.category.name)}</category>"
            )
        for tag in article.tags.all():
            terms += (
                f'<category domain="post_tag" nicename="{escape(tag.slug)}">'
                f"{_cdata(tag.name)}</category>"
            )
        meta = ""
        if article.hero_image_id:
            meta = (
                "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                f"<wp:meta_value>{attachment_id(article.hero_image_id)}</wp:meta_value>"
                "</wp:postmeta>"
            )
        out.append(
            f"<item><title>{_cdata(article.title)}</title>"
            f"<link>{escape(base_url.rstrip('/') + article.url_path_on_site)}</link>"
            f"<dc:creator>{_cdata(article.author.slug if article.author_id else '')}</dc:creator>"
            f"<content:encoded>{_cdata(writer.body(article.body.raw_data))}</content:encoded>"
            f"<excerpt:encoded>{_cdata(article.lead)}</excerpt:encoded>"
            f"<wp:post_id>{article.pk}</wp:post_id><wp:post_date>{_cdata(date)}</wp:post_date>"
            f"<wp:post_date_gmt>{_cdata(gmt)}</wp:post_date_gmt>"
            f"<wp:post_name>{_cdata(article.slug)}</wp:post_name>"
            "<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent>"
            f"<wp:post_type>post</wp:post_type>{terms}{meta}</item>\n"
        )
    out.append("</channel>\n</rss>\n")
    return "".join(out)
