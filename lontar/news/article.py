"""What an article page shows beyond its own fields, in a fixed number of queries."""

from __future__ import annotations

from urllib.parse import quote

from django.core.cache import cache
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When
from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from lontar.agencies.selectors import agency_for_request
from lontar.core import content_version, jsonld
from lontar.core.public_urls import absolute_url
from lontar.news import likes
from lontar.news.models import NewsArticlePage, NewsArticleTag
from lontar.news.selectors import live_articles, renditions_of_hero

RELATED_COUNT = 3
RELATED_POOL = 200  # the newest related candidates ranked (issue 22)
SOCIAL_IMAGE = "fill-1200x630|format-jpeg"
HERO_IMAGE = "width-960|format-webp"


def related_articles(
    article: NewsArticlePage,
    limit: int = RELATED_COUNT,
    *,
    index: Page | None = None,
    tag_ids: list[int] | None = None,
    public: Q | None = None,
) -> list[NewsArticlePage]:
    """By shared tags (most first), then same category, newest first; never the article.

    Ranked among the `RELATED_POOL` newest articles that share a tag or the category: the
    pool is read newest first along the date index and stops when full, so the cost does not
    grow with the number of articles (issue 22); two queries.
    """
    if tag_ids is None:
        tag_ids = [tag.pk for tag in article.tags.all()]
    if not tag_ids and not article.category_id:
        return []
    same_category = (
        Case(When(category_id=article.category_id, then=Value(1)), default=Value(0))
        if article.category_id
        else Value(0)
    )
    shares_a_tag = Exists(
        NewsArticleTag.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=tag_ids)
    )
    related = (
        shares_a_tag | Q(category_id=article.category_id) if article.category_id else shares_a_tag
    )
    root = index or article.get_parent()
    articles = NewsArticlePage.objects.live()
    articles = articles.public() if public is None else articles.filter(public)
    pool = (
        articles.descendant_of(root)
        .exclude(pk=article.pk)
        .filter(related)
        .order_by("-date", "-pk")
        .values_list("pk", flat=True)[:RELATED_POOL]
    )
    # The pool is read first: as a subquery PostgreSQL joined it with every article's
    # relations before filtering (a walk of the archive, issue 22).
    pool_ids = list(pool)
    if not pool_ids:
        return []
    candidates = (
        live_articles(root, public)
        .filter(pk__in=pool_ids)
        .annotate(
            shared_tags=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids)),
            same_category=Case(default=same_category, output_field=IntegerField()),
        )
        .order_by("-shared_tags", "-same_category", "-date", "-first_published_at", "-pk")
    )
    return list(candidates[:limit])


def neighbours(
    article: NewsArticlePage, index: Page | None = None, public: Q | None = None
) -> tuple[NewsArticlePage | None, NewsArticlePage | None]:
    """(previous, next) article of the same index in date order, or None; two queries.

    Each is one range on the date index walked from the article and stopped at the first match:
    an OR of the two ranges made SQLite collect and sort every older article, and PostgreSQL
    planned an OR of the two as a scan of the archive (issue 22)."""
    siblings = NewsArticlePage.objects.live()
    siblings = siblings.public() if public is None else siblings.filter(public)
    siblings = (
        siblings.descendant_of(index or article.get_parent())
        .exclude(pk=article.pk)
        .only("title", "url_path", "path", "depth", "date")
    )
    previous = (
        siblings.filter(date__lte=article.date)
        .exclude(date=article.date, pk__gte=article.pk)
        .order_by("-date", "-pk")
        .first()
    )
    following = (
        siblings.filter(date__gte=article.date)
        .exclude(date=article.date, pk__lte=article.pk)
        .order_by("date", "pk")
        .first()
    )
    return previous, following


def share_links(url: str, title: str) -> list[tuple[str, str]]:
    """Plain links to share an article: no third-party script runs on our pages."""
    u, t = quote(url, safe=""), quote(title, safe="")
    return [
        ("WhatsApp", f"https://wa.me/?text={t}%20{u}"),
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}"),
        ("X", f"https://x.com/intent/post?url={u}&text={t}"),
    ]


def _load_relations(article: NewsArticlePage, request: HttpRequest) -> likes.LikeState:
    """Category, author (account, unit) and hero image with its renditions, from the cache
    until content changes; the likes, which visitors change, in one small query."""
    if article.pk is None:  # a preview of a page not saved yet
        return likes.LikeState(count=0, liked=False)
    key = f"lontar:article-relations:{article.pk}:{content_version.current()}"
    relations = cache.get(key)
    if relations is None:
        loaded = (
            NewsArticlePage.objects.select_related(
                "category", "hero_image", "author__user", "author__unit"
            )
            .prefetch_related(renditions_of_hero(SOCIAL_IMAGE, HERO_IMAGE))
            .filter(pk=article.pk)
            .first()
        )
        if loaded is None:
            return likes.LikeState(count=0, liked=False)
        relations = {name: getattr(loaded, name) for name in ("category", "author", "hero_image")}
        relations.update({f"{name}_id": getattr(loaded, f"{name}_id") for name in list(relations)})
        cache.set(key, relations, 3600)
    # A preview shows a revision, whose choices may differ from the saved row's.
    for name in ("category", "author", "hero_image"):
        if relations[f"{name}_id"] == getattr(article, f"{name}_id"):
            setattr(article, name, relations[name])
    return likes.like_state(article, request)


def _published_extras(article: NewsArticlePage) -> dict:
    """Tags, neighbours and related articles: they depend only on published content."""
    tags = sorted(article.tags.all(), key=lambda tag: tag.name.lower())
    if article.pk is None or not article.path:  # the preview of a page being created
        return {"tags": tags, "previous": None, "following": None, "related": []}
    # The index is the parent: its path is enough to query; its URL is the article's minus
    # the slug.
    index = Page(path=article.path[: -article.steplen], depth=article.depth - 1)
    public = ~NewsArticlePage.objects.all().private_q()
    previous, following = neighbours(article, index, public)
    related = related_articles(article, index=index, tag_ids=[t.pk for t in tags], public=public)
    return {"tags": tags, "previous": previous, "following": following, "related": related}


def published_extras(article: NewsArticlePage, request: HttpRequest) -> dict:
    """The extras of a live article come from the cache until content changes (a publish,
    unpublish, move or edit anywhere bumps the version: core/content_version.py); a preview
    shows the revision's own tags, so it never reads or fills the cache."""
    if getattr(request, "is_preview", False) or article.pk is None:
        return _published_extras(article)
    key = f"lontar:article-extras:{article.pk}:{content_version.current()}"
    extras = cache.get(key)
    if extras is None:
        extras = _published_extras(article)
        cache.set(key, extras, 3600)
    return extras


def _social_image(article: NewsArticlePage):
    """The hero image's social rendition; None when there is none or its file is lost (the
    page is served without og:image rather than as a 500)."""
    if not article.hero_image_id:
        return None
    try:
        return article.hero_image.get_rendition(SOCIAL_IMAGE)
    except SourceImageIOError:
        return None


def article_context(article: NewsArticlePage, request: HttpRequest) -> dict:
    like = _load_relations(article, request)
    url = article.get_full_url(request) or absolute_url(agency_for_request(request), request.path)
    extras = published_extras(article, request)
    tags, related = extras["tags"], extras["related"]
    previous, following = extras["previous"], extras["following"]
    own_url = article.get_url(request) or request.path
    index_url = own_url.rstrip("/").rsplit("/", 1)[0] + "/"
    social_image = _social_image(article)
    return {
        "news_index_url": index_url,
        "tags": tags,
        "social_image": social_image,
        "json_ld": json_ld(article, request, url, social_image, tags),
        "social_image_url": absolute_url(agency_for_request(request), social_image.url)
        if social_image
        else "",
        "related": related,
        "previous_article": previous,
        "next_article": following,
        "share_links": share_links(url, article.title),
        "canonical_url": url,
        "like": like,
    }


def json_ld(article: NewsArticlePage, request: HttpRequest, url: str, image, tags) -> SafeString:
    """schema.org NewsArticle, safe to put inside a <script> element."""
    agency = agency_for_request(request)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.lead,
        "datePublished": article.date.isoformat(),
        "mainEntityOfPage": url,
        "inLanguage": getattr(request, "lontar_content_language", "id"),
        "wordCount": article.word_count,
        "keywords": [tag.name for tag in tags],
    }
    if article.last_published_at:
        data["dateModified"] = article.last_published_at.isoformat()
    if image is not None:
        data["image"] = [absolute_url(agency, image.url)]
    if article.author_id:
        data["author"] = {
            "@type": "Person",
            "name": article.author.display_name,
            "url": absolute_url(agency, reverse("news:author", args=[article.author.slug])),
        }
    if agency is not None:
        data["publisher"] = jsonld.organization(agency)
    return jsonld.script(data)
