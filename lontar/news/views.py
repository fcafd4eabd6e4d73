"""Public news views: index and archives, authors, likes, robots.txt."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_POST
from taggit.models import Tag

from lontar.agencies.models import StaffProfile
from lontar.agencies.selectors import agency_for_request
from lontar.core import bookmarks, content_version
from lontar.core.params import clean_text, parse_page
from lontar.core.public_urls import absolute_url_for_request
from lontar.core.retirement import closed_when_retired
from lontar.core.sameorigin import same_origin_post
from lontar.news import likes, selectors, tallies
from lontar.news.models import NewsArticlePage, NewsIndexPage

PER_PAGE = 10


class CountedPaginator(Paginator):
    """A paginator told its count (a value maintained on publish) instead of counting."""

    def __init__(self, object_list, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # the cached_property's slot


def _page_of(
    request: HttpRequest,
    queryset,
    per_page: int = PER_PAGE,
    count: int | None = None,
    list_key: str = "",
):
    number = parse_page(request.GET.get("halaman"))
    if count is None:
        return Paginator(queryset, per_page).get_page(number)
    if list_key:  # a deep page starts from a stored bookmark (core/bookmarks.py)
        paginator = bookmarks.BookmarkedPaginator(
            queryset, per_page, list_key=list_key, order=tallies.ORDER, count=count
        )
        return paginator.get_page(number)
    return CountedPaginator(queryset, per_page, count=count).get_page(number)


def news_index(
    request: HttpRequest,
    index: NewsIndexPage,
    *,
    category_slug: str | None = None,
    tag_slug: str | None = None,
) -> TemplateResponse:
    agency = agency_for_request(request)
    categories = list(selectors.categories_of(agency))
    articles = selectors.listing(index)
    category = tag = None
    category_slug = category_slug or clean_text(request.GET.get("kategori"), "kategori")
    if category_slug:
        category = next((c for c in categories if c.slug == category_slug), None)
        if category is None:
            raise Http404
        articles = articles.filter(category=category)
    if tag_slug:
        tag = get_object_or_404(Tag, slug=tag_slug)
        articles = articles.filter(tagged_items__tag=tag)
    context = index.get_context(request)
    # The maintained count (news/tallies.py), except for tag archives, which count.
    category_id = category.pk if category else None
    count = None if tag else tallies.index_count(index, category_id)
    key = "" if tag else tallies.list_key(index, category_id)
    context.update(
        {
            "articles": _page_of(request, articles, count=count, list_key=key),
            "categories": categories,
            "category": category,
            "tag": tag,
            "content_version": content_version.current(),
        }
    )
    return TemplateResponse(request, "news/news_index_page.html", context)


@same_origin_post  # its form is on cached pages: no token (decision 0021)
@require_POST
@closed_when_retired
def like(request: HttpRequest, page_id: int) -> HttpResponse:
    agency = agency_for_request(request)
    if agency is None or agency.site_id is None:
        raise Http404
    article = get_object_or_404(
        NewsArticlePage.objects.live().public().descendant_of(agency.site.root_page),
        pk=page_id,
    )
    wants_json = "application/json" in request.headers.get("Accept", "")
    if likes.is_crawler(request):
        state = likes.like_state(article, request)  # crawlers never count
    elif likes.rate_limited(request):
        if wants_json:
            return JsonResponse({"error": "terlalu-sering"}, status=429)
        return HttpResponse(status=429)
    else:
        state, raw = likes.toggle_like(article, request, likes.wanted(request.POST.get("suka")))
        response = (
            JsonResponse({"count": state.count, "liked": state.liked})
            if wants_json
            else redirect(f"{article.get_url(request)}#suka")
        )
        likes.remember_visitor(response, raw)
        return response
    if wants_json:
        return JsonResponse({"count": state.count, "liked": state.liked})
    return redirect(f"{article.get_url(request)}#suka")


@require_GET
def author(request: HttpRequest, slug: str) -> TemplateResponse:
    agency = agency_for_request(request)
    if agency is None:
        raise Http404
    profile = get_object_or_404(
        StaffProfile.objects.select_related("user", "unit", "photo"), slug=slug, agency=agency
    )
    articles = selectors.articles_of_agency(agency).filter(author=profile)
    page = _page_of(request, articles, count=selectors.article_count_of(profile))
    if not page.object_list and page.number == 1:
        raise Http404  # staff who have not published are not shown to the public
    return TemplateResponse(
        request,
        "news/author.html",
        {"profile": profile, "articles": page, "news_index": selectors.news_index_for(agency)},
    )


@require_GET
def authors(request: HttpRequest) -> TemplateResponse:
    agency = agency_for_request(request)
    if agency is None:
        raise Http404
    return TemplateResponse(
        request,
        "news/authors.html",
        {"authors": selectors.authors_of(agency), "news_index": selectors.news_index_for(agency)},
    )


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /cari/",
        "Disallow: /berita/suka/",
        f"Sitemap: {absolute_url_for_request(request, '/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
