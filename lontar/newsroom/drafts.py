"""Drafts that start half-written: a news article made from a prompt or a template."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lontar.agencies.models import Agency, StaffProfile
from lontar.core.public_urls import absolute_url
from lontar.news.models import NewsArticlePage, NewsCategory
from lontar.news.selectors import news_index_for
from lontar.newsroom.models import ArticleTemplate, Prompt
from lontar.newsroom.registry import Suggestion

HEADING_PREFIX = "## "


def outline_blocks(outline: str) -> list[tuple[str, object]]:
    """StreamField blocks from a template outline: "## " lines are headings, others paragraphs."""
    blocks: list[tuple[str, object]] = []
    for raw in outline.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith(HEADING_PREFIX):
            blocks.append(("heading", {"text": line[len(HEADING_PREFIX) :][:200], "level": "h2"}))
        else:
            blocks.append(("paragraph", f"<p>{escape(line)}</p>"))
    return blocks


def _category(agency: Agency, name: str) -> NewsCategory | None:
    name = name.strip()[:80]
    if not name:
        return None
    slug = slugify(name)[:80] or "umum"
    found = NewsCategory.objects.filter(agency=agency, slug=slug).first()
    if found is not None:
        return found
    return NewsCategory.objects.create(agency=agency, slug=slug, name=name)


def _unique_slug(index, title: str) -> str:
    base = (slugify(title) or "berita")[:70]
    taken = set(
        NewsArticlePage.objects.child_of(index)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _writable_index(agency: Agency, user):
    index = news_index_for(agency)
    if index is None or not index.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied
    return index


def _save_draft(
    agency: Agency, user, page: NewsArticlePage, tags: tuple[str, ...]
) -> NewsArticlePage:
    index = _writable_index(agency, user)
    page.slug = _unique_slug(index, page.title)
    page.live = False
    page.owner = user
    page.author = StaffProfile.objects.filter(user=user).first()
    for tag in tags:
        page.tags.add(tag[:100])
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


def suggestion_body(agency: Agency, suggestion: Suggestion, template: ArticleTemplate | None):
    blocks: list[tuple[str, object]] = [
        ("paragraph", f"<p>{escape(text)}</p>") for text in suggestion.paragraphs
    ]
    if template is not None:
        blocks += outline_blocks(template.outline)
    if suggestion.link_path:
        url = absolute_url(agency, suggestion.link_path)
        label = escape(suggestion.link_text or suggestion.title)
        blocks.append(
            (
                "paragraph",
                f'<p>{escape(_("Selengkapnya:"))} <a href="{escape(url)}">{label}</a></p>',
            )
        )
    return blocks


def draft_from_prompt(prompt: Prompt, user) -> NewsArticlePage:
    """The prompt's draft: made once, then the same draft is opened again."""
    if prompt.article is not None:
        return prompt.article
    suggestion = Suggestion.from_json(prompt.suggestion)
    template = None
    if suggestion.template:
        template = ArticleTemplate.objects.filter(
            agency=prompt.agency, slug=suggestion.template
        ).first()
    page = NewsArticlePage(
        title=suggestion.title[:255],
        lead=suggestion.lead[:400],
        date=suggestion.on,
        category=_category(prompt.agency, suggestion.category),
        source=suggestion.source_line[:200],
        body=suggestion_body(prompt.agency, suggestion, template),
    )
    page = _save_draft(prompt.agency, user, page, suggestion.tags)
    prompt.article = page
    prompt.status = Prompt.Status.DRAFTED
    prompt.save(update_fields=["article", "status"])
    return page


def draft_from_template(template: ArticleTemplate, user) -> NewsArticlePage:
    page = NewsArticlePage(
        title=_("[Judul] %(template)s") % {"template": template.name},
        lead=template.lead_hint[:400],
        date=timezone.localdate(),
        category=_category(template.agency, template.category),
        body=outline_blocks(template.outline),
    )
    return _save_draft(template.agency, user, page, ())
