"""Issue 22: a deep page of a long list starts from a stored bookmark, and the stored counts and
bookmarks follow every change — so page n shows exactly the rows the plain offset shows."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from lontar.core import bookmarks
from lontar.core.models import ListBookmark, ListCount
from lontar.news import selectors as news_selectors
from lontar.news import tallies
from lontar.news.tests.helpers import article, category, news_index
from lontar.ppid import lists as register_lists
from lontar.ppid.models import InformationRequest
from lontar.ppid.tests.helpers import make_request
from lontar.qna import lists as qna_lists
from lontar.qna.models import Question, Status
from lontar.qna.tests.helpers import make_question
from lontar.regulations import lists as regulation_lists
from lontar.regulations.models import LegalDocument
from lontar.regulations.tests.helpers import make_document

pytestmark = pytest.mark.django_db
WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture(autouse=True)
def close_bookmarks(monkeypatch):
    """A bookmark every 3 entries: a list of a few dozen rows has many (production: 100)."""
    monkeypatch.setattr(bookmarks, "SPACING", 3)


def _pages(paginator_of, plain: list, per_page: int) -> None:
    """Every page (and one past the end) equals the plain slice of the whole list."""
    last = max((len(plain) - 1) // per_page + 1, 1)
    for number in range(1, last + 2):
        page = paginator_of().get_page(number)
        start = (min(number, last) - 1) * per_page
        assert list(page.object_list) == plain[start : start + per_page], number
    assert paginator_of().count == len(plain)


def _news_pages(client, index, expected: list) -> None:
    for number in range(1, (len(expected) - 1) // 10 + 2):
        shown = client.get(f"/berita/?halaman={number}").context["articles"]
        assert [a.pk for a in shown.object_list] == expected[(number - 1) * 10 : number * 10]


def _news_order(index) -> list[int]:
    return list(news_selectors.listing(index).values_list("pk", flat=True))


def test_a_deep_news_page_shows_the_rows_of_the_plain_offset(client, agency_a):
    index = news_index(agency_a)
    umum = category(agency_a)
    pages = [
        # Three articles a day: the date alone does not order them.
        article(index, f"Berita {n}", on=date(2026, 1, 1) + timedelta(days=n // 3), category=umum)
        for n in range(25)
    ]
    expected = _news_order(index)
    assert ListCount.objects.get(list_key=tallies.list_key(index)).entries == 25
    assert ListBookmark.objects.filter(list_key=tallies.list_key(index)).count() == 8
    assert ListBookmark.objects.filter(list_key=tallies.list_key(index, umum.pk)).exists()
    _news_pages(client, index, expected)
    # Page 3 starts from the bookmark at entry 18, not from the top.
    assert bookmarks._bookmark_before(tallies.list_key(index), 20)[0] == 18

    # Unpublish one in the middle, delete another, publish a backdated one and a new one.
    pages[10].unpublish()
    pages[4].delete()
    article(index, "Susulan", on=date(2026, 1, 2), category=umum)
    article(index, "Terbaru", on=date(2026, 2, 1))
    expected = _news_order(index)
    assert len(expected) == 25
    _news_pages(client, index, expected)
    shown = client.get("/berita/kategori/umum/?halaman=3").context["articles"]
    in_category = list(
        news_selectors.listing(index).filter(category=umum).values_list("pk", flat=True)
    )
    assert [a.pk for a in shown.object_list] == in_category[20:30]


def test_the_register_pages_from_its_stored_count_and_bookmarks(client, agency_a):
    start = datetime(2026, 3, 2, 9, 0, tzinfo=WITA)
    made = [
        make_request(agency_a, received_at=start + timedelta(hours=n // 2))[0] for n in range(60)
    ]
    key = register_lists.list_key(agency_a.pk)
    assert ListCount.objects.get(list_key=key).entries == 60

    def plain() -> list[int]:
        rows = InformationRequest.objects.filter(agency=agency_a).order_by(*register_lists.ORDER)
        return list(rows.values_list("pk", flat=True))

    def paginator():
        rows = InformationRequest.objects.filter(agency=agency_a).order_by(*register_lists.ORDER)
        return bookmarks.BookmarkedPaginator(
            rows.values_list("pk", flat=True), 25, list_key=key, order=register_lists.ORDER
        )

    _pages(paginator, plain(), 25)
    made[30].delete()
    made[3].delete()
    make_request(agency_a, received_at=start + timedelta(hours=5, minutes=30))  # in the middle
    assert ListCount.objects.get(list_key=key).entries == 59
    _pages(paginator, plain(), 25)
    numbers = [InformationRequest.objects.get(pk=pk).number for pk in plain()[50:59]]
    html = client.get("/ppid/register/?halaman=3").content.decode()
    assert all(number in html for number in numbers)


def test_a_gap_grown_by_new_entries_gets_a_bookmark(agency_a):
    start = datetime(2026, 3, 2, 9, 0, tzinfo=WITA)
    for n in range(10):
        make_request(agency_a, received_at=start + timedelta(hours=n))
    key = register_lists.list_key(agency_a.pk)
    before = ListBookmark.objects.filter(list_key=key).count()
    for n in range(12):  # all newer than the rest: the top gap grows
        make_request(agency_a, received_at=start + timedelta(days=1, hours=n))
    positions = sorted(ListBookmark.objects.filter(list_key=key).values_list("position", flat=True))
    assert len(positions) > before
    gaps = [b - a for a, b in zip([0, *positions], [*positions, 22], strict=True)]
    assert max(gaps) < 2 * bookmarks.SPACING


def test_published_questions_follow_publish_unpublish_and_delete(client, agency_a, monkeypatch):
    from lontar.qna import views

    monkeypatch.setattr(views, "PER_PAGE", 5)
    questions = [make_question(agency_a, status=Status.PUBLISHED) for _ in range(16)]
    key = qna_lists.list_key(agency_a.pk)

    def plain() -> list[int]:
        rows = Question.objects.published().filter(agency=agency_a).order_by(*qna_lists.ORDER)
        return list(rows.values_list("pk", flat=True))

    def paginator():
        rows = Question.objects.published().filter(agency=agency_a).order_by(*qna_lists.ORDER)
        return bookmarks.BookmarkedPaginator(
            rows.values_list("pk", flat=True), 5, list_key=key, order=qna_lists.ORDER
        )

    _pages(paginator, plain(), 5)
    unpublished = Question.objects.get(pk=questions[7].pk)  # loaded as a view would
    unpublished.status = Status.ANSWERED
    unpublished.save()
    questions[2].delete()
    again = Question.objects.get(pk=questions[12].pk)
    again.published_at = timezone.now() - timedelta(days=30)  # moved to the end
    again.save()
    assert ListCount.objects.get(list_key=key).entries == 14
    _pages(paginator, plain(), 5)
    shown = client.get("/tanya-jawab/?halaman=3").context["page_obj"]
    assert [q.pk for q in shown.object_list] == plain()[10:14]


def test_the_regulations_list_and_jdihn_total_follow_edits(client, agency_a):
    documents = [make_document(agency_a, year=2010 + n % 5, promulgated_on=None) for n in range(23)]
    for n, document in enumerate(documents[::3]):
        document.promulgated_on = date(2015, 1, 1) + timedelta(days=n)
        document.save()
    key = regulation_lists.list_key(agency_a.pk)

    def plain() -> list[int]:
        rows = LegalDocument.objects.filter(agency=agency_a, is_published=True)
        return list(rows.order_by(*regulation_lists.ORDER).values_list("pk", flat=True))

    def paginator():
        rows = LegalDocument.objects.filter(agency=agency_a, is_published=True)
        return bookmarks.BookmarkedPaginator(
            rows.order_by(*regulation_lists.ORDER),
            4,
            list_key=key,
            order=regulation_lists.ORDER,
        )

    _pages(lambda: _pks(paginator()), plain(), 4)
    documents[5].is_published = False
    documents[5].save()
    documents[9].year = 2030
    documents[9].save()
    documents[11].delete()
    assert ListCount.objects.get(list_key=key).entries == 21
    _pages(lambda: _pks(paginator()), plain(), 4)
    response = client.get("/api/jdihn/?limit=5&page=2")
    assert response["X-Total-Count"] == "21"
    assert [row["idData"] for row in response.json()] == [str(pk) for pk in plain()[5:10]]
    listed = client.get("/regulasi/?halaman=2").context["page_obj"]
    assert [d.pk for d in listed.object_list] == plain()[20:40]


class _pks:
    """A paginator whose pages hold primary keys (for comparing with the plain order)."""

    def __init__(self, paginator) -> None:
        self.paginator = paginator
        self.count = paginator.count

    def get_page(self, number):
        page = self.paginator.get_page(number)
        page.object_list = [row.pk for row in page.object_list]
        return page


def test_a_list_never_stored_is_counted_and_read_by_offset(agency_a):
    for _ in range(5):
        make_question(agency_a, status=Status.PUBLISHED)
    key = qna_lists.list_key(agency_a.pk)
    bookmarks.forget(key)
    rows = Question.objects.published().filter(agency=agency_a).order_by(*qna_lists.ORDER)
    paginator = bookmarks.BookmarkedPaginator(
        rows.values_list("pk", flat=True), 2, list_key=key, order=qna_lists.ORDER
    )
    assert paginator.count == 5
    assert list(paginator.get_page(3).object_list) == list(rows.values_list("pk", flat=True))[4:]
    make_question(agency_a, status=Status.PUBLISHED)  # the next change stores it again
    assert ListCount.objects.get(list_key=key).entries == 6


@pytest.mark.parametrize("value", ["abc", "-1", "0", "²", "9" * 30])
def test_junk_page_numbers_still_answer_400(client, agency_a, value):
    make_request(agency_a)
    for path in ("/ppid/register/", "/tanya-jawab/", "/regulasi/", "/ppid/keberatan/register/"):
        assert client.get(path, {"halaman": value}).status_code == 400, path
