"""Article rules: reading time, default author, related articles, neighbours, form scoping."""

from datetime import date

import pytest

from lontar.news import article as article_page
from lontar.news.forms import NewsArticleForm
from lontar.news.models import NewsArticlePage, count_words, reading_minutes
from lontar.news.tests.helpers import article, category, news_index

pytestmark = pytest.mark.django_db


def test_reading_time_is_tuned_to_indonesian_two_hundred_words_a_minute():
    assert reading_minutes(0) == 1
    assert reading_minutes(200) == 1
    assert reading_minutes(201) == 2
    assert reading_minutes(1000) == 5
    assert count_words("<p>Pelayanan <b>kepegawaian</b> prima.</p>") == 3


def test_word_count_covers_lead_and_every_text_block(agency_a):
    page = article(news_index(agency_a), "Panjang", text=" ".join(["kata"] * 450))
    assert page.word_count == 450 + len("Ringkasan: Panjang.".split())
    assert page.reading_minutes == 3


def test_author_defaults_to_the_creating_users_profile(agency_a, writer):
    index = news_index(agency_a)
    page = NewsArticlePage(title="Tulisan saya", lead="Ringkas.", owner=writer, body=[])
    index.add_child(instance=page)
    assert page.author == writer.staff_profile


def test_related_by_shared_tags_then_category_newest_first_never_itself(agency_a):
    index = news_index(agency_a)
    umum, mutasi = category(agency_a, "Umum"), category(agency_a, "Mutasi")
    main = article(index, "Utama", tags=("pangkat", "asn"), category=umum, on=date(2026, 3, 1))
    two_tags = article(
        index, "Dua tag", tags=("pangkat", "asn"), category=mutasi, on=date(2026, 1, 1)
    )
    one_tag_same_cat = article(
        index, "Satu tag sama", tags=("asn",), category=umum, on=date(2026, 1, 2)
    )
    one_tag_new = article(
        index, "Satu tag baru", tags=("pangkat",), category=mutasi, on=date(2026, 2, 5)
    )
    one_tag_old = article(
        index, "Satu tag lama", tags=("asn",), category=mutasi, on=date(2026, 1, 3)
    )
    same_cat = article(index, "Kategori sama", category=umum, on=date(2026, 2, 1))
    article(index, "Tak berkaitan", tags=("cuaca",), category=mutasi, on=date(2026, 3, 5))
    article(index, "Draf", tags=("pangkat", "asn"), category=umum, publish=False)

    related = article_page.related_articles(main, limit=10)

    assert related == [two_tags, one_tag_same_cat, one_tag_new, one_tag_old, same_cat]
    assert main not in related


def test_related_articles_stay_in_the_agency(agency_a, agency_b):
    mine = article(news_index(agency_a), "Milik A", tags=("asn",))
    article(news_index(agency_b), "Milik B", tags=("asn",))
    assert article_page.related_articles(mine) == []


def test_previous_and_next_follow_the_date(agency_a):
    index = news_index(agency_a)
    first = article(index, "Pertama", on=date(2026, 1, 1))
    middle = article(index, "Tengah", on=date(2026, 2, 1))
    last = article(index, "Terakhir", on=date(2026, 3, 1))
    assert article_page.neighbours(middle) == (first, last)
    assert article_page.neighbours(first) == (None, middle)
    assert article_page.neighbours(last) == (middle, None)


def test_article_form_offers_only_the_agencys_authors_and_categories(
    agency_a, agency_b, writer, editor_b
):
    index = news_index(agency_a)
    category(agency_a, "Umum")
    category(agency_b, "Lain")
    form_class = NewsArticlePage.get_edit_handler().get_form_class()
    assert issubclass(form_class, NewsArticleForm)
    form = form_class(instance=NewsArticlePage(), parent_page=index, for_user=writer)
    assert list(form.fields["author"].queryset) == [writer.staff_profile]
    assert [c.name for c in form.fields["category"].queryset] == ["Umum"]


def test_body_text_keeps_what_readers_see_and_drops_settings(agency_a):
    page = article(news_index(agency_a), "Berjudul")
    page.body = [
        ("heading", {"text": "Jadwal", "level": "h2"}),
        ("quote", {"quote": "Melayani sepenuh hati.", "attribution": "Kepala"}),
    ]
    text = page.body_text()
    assert "Jadwal" in text and "Melayani sepenuh hati." in text and "Kepala" in text
    assert "h2" not in text
