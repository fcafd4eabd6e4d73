"""Values maintained when news changes (issue 22): live, public articles per author and per
news index (in all and per category).

Saving, publishing, unpublishing, moving or deleting an article, or restricting a page, recounts
the agency's tallies with a few grouped queries — a write-time cost, paid once per change. The
authors page, the author pages and the news index's pagination read the tallies instead of
counting the articles on every request.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from lontar.agencies.models import Agency, StaffProfile
from lontar.core import bookmarks
from lontar.news.models import AuthorTally, IndexTally, NewsArticlePage, NewsIndexPage


def recount(agency: Agency) -> None:
    """Rewrite the tallies of the agency's staff and news indexes from its live articles."""
    from lontar.news.selectors import articles_of_agency, live_articles

    if agency.site_id is None:
        return
    counts = dict(
        articles_of_agency(agency)
        .exclude(author=None)
        .order_by()
        .values_list("author")
        .annotate(n=Count("pk"))
    )
    staff = StaffProfile.objects.filter(agency=agency).values_list("pk", flat=True)
    indexes = list(NewsIndexPage.objects.descendant_of(agency.site.root_page))
    tallies = []
    counted = {}
    for index in indexes:
        per_category = dict(
            live_articles(index).order_by().values_list("category").annotate(n=Count("pk"))
        )
        counted[index.pk] = per_category
        tallies.append(IndexTally(index=index, articles=sum(per_category.values())))
        tallies += [
            IndexTally(index=index, category_id=category, articles=n)
            for category, n in per_category.items()
            if category is not None
        ]
    with transaction.atomic():
        AuthorTally.objects.filter(profile__agency=agency).delete()
        AuthorTally.objects.bulk_create(
            [AuthorTally(profile_id=pk, articles=counts[pk]) for pk in staff if counts.get(pk)]
        )
        IndexTally.objects.filter(index__in=indexes).delete()
        IndexTally.objects.bulk_create(tallies)
    for index in indexes:
        rebuild_bookmarks(index, counted[index.pk])


ORDER = ("-date", "-first_published_at", "-pk")  # selectors.live_articles's order


def list_key(index: NewsIndexPage, category_id: int | None = None) -> str:
    """The name of the index's list (of one category) in core/bookmarks.py."""
    return f"news:{index.pk}" if category_id is None else f"news:{index.pk}:{category_id}"


def rebuild_bookmarks(index: NewsIndexPage, per_category: dict[int | None, int]) -> None:
    """The deep pages' bookmarks of the index and of each of its categories (`per_category`:
    the index's counts by category), rewritten with the tallies: two numbered reads of the
    index's articles, one for the whole index and one partitioned by category."""
    from lontar.core.models import ListBookmark, ListCount
    from lontar.news.selectors import live_articles

    articles = live_articles(index).select_related(None).prefetch_related(None)
    prefix = f"{list_key(index)}:"
    ListBookmark.objects.filter(list_key__startswith=prefix).delete()
    ListCount.objects.filter(list_key__startswith=prefix).delete()
    bookmarks.rebuild(list_key(index), articles, ORDER, count=sum(per_category.values()))
    categories = {pk: list_key(index, pk) for pk in per_category if pk is not None}
    if categories:
        bookmarks.rebuild_partitions(
            categories,
            articles.exclude(category=None),
            ORDER,
            counts=per_category,
            partition="category",
        )


def recount_all(**kwargs) -> None:
    for agency in Agency.objects.exclude(site=None).select_related("site__root_page"):
        recount(agency)


def index_count(index: NewsIndexPage, category_id: int | None = None) -> int | None:
    """The maintained count of the index's articles (of one category), None when unknown."""
    found = IndexTally.objects.filter(index=index, category_id=category_id)
    return found.values_list("articles", flat=True).first()


def agency_count(agency: Agency) -> int | None:
    """The maintained count of the agency's live, public articles (the sum of its news
    indexes' tallies; every article sits in a news index), None when an index has none."""
    site = agency.site
    if site is None:
        return 0
    indexes = NewsIndexPage.objects.descendant_of(site.root_page).values("pk")
    counts = list(
        IndexTally.objects.filter(index__in=indexes, category=None).values_list("index", "articles")
    )
    if len(counts) != indexes.count():
        return None
    return sum(articles for _index, articles in counts)


def _agencies_of(page: Page) -> list[Agency]:
    """The agencies whose site holds the page (by the path of their root page)."""
    return [
        agency
        for agency in Agency.objects.exclude(site=None).select_related("site__root_page")
        if page.path and page.path.startswith(agency.site.root_page.path)
    ]


def _changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw") or not issubclass(instance.specific_class or Page, NewsArticlePage):
        return
    for agency in _agencies_of(instance):
        recount(agency)


def _moved(sender, instance, **kwargs) -> None:
    if issubclass(instance.specific_class or Page, NewsArticlePage):
        recount_all()  # it may have left one agency's site for another


def connect() -> None:
    for signal in (page_published, page_unpublished, post_save, post_delete):
        signal.connect(_changed, sender=NewsArticlePage, dispatch_uid=f"news-tally-{signal}")
    post_page_move.connect(_moved, dispatch_uid="news-tally-move")
    bookmarks.register_rebuilder("news", recount_all)
    for signal in (post_save, post_delete):
        signal.connect(
            recount_all, sender=PageViewRestriction, dispatch_uid=f"news-tally-private-{signal}"
        )
