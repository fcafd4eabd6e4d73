"""Public: the read counter behind every article (no IP address, no cookie, no visitor id)."""

from __future__ import annotations

import base64

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from lontar.agencies.selectors import agency_for_request
from lontar.news import likes
from lontar.news.models import NewsArticlePage
from lontar.newsroom.models import ArticleViewDay

# A transparent 1×1 GIF: the article page shows it as an image, so each reader's browser asks
# once per reading, even when the page itself came from the one-second page cache.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def count_view(article_id: int, day) -> None:
    """Add one read to the article's count for the day (a row per article a day)."""
    updated = ArticleViewDay.objects.filter(article_id=article_id, day=day).update(
        views=F("views") + 1
    )
    if updated:
        return
    try:
        with transaction.atomic():
            ArticleViewDay.objects.create(article_id=article_id, day=day, views=1)
    except IntegrityError:  # another reader made the row first
        ArticleViewDay.objects.filter(article_id=article_id, day=day).update(views=F("views") + 1)


@require_GET
def read_pixel(request: HttpRequest, page_id: int) -> HttpResponse:
    agency = agency_for_request(request)
    site = agency.site if agency is not None else None
    if agency is not None and site is not None and not likes.is_crawler(request):
        exists = (
            NewsArticlePage.objects.live()
            .public()
            .filter(pk=page_id, path__startswith=site.root_page.path)
            .exists()
        )
        if exists:
            count_view(page_id, agency.today())
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store"
    return response
