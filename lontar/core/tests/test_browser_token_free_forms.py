"""Forms on cached public pages in a real browser (decision 0021): the like button, the
language switcher and "did this help?" work for two visitors of the same cached page, and a
form another site makes the browser send is refused."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from lontar.news.models import ArticleLike
from lontar.news.tests.helpers import article, news_index
from lontar.survey.models import PageFeedback

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36"
LAPTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


@pytest.fixture
def page_cache_on(settings):
    settings.LONTAR_PAGE_CACHE_SECONDS = 1


def _visitor(browser, live_server, agent):
    context = browser.new_context(base_url=live_server.url, user_agent=agent)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def test_two_visitors_of_a_cached_article_like_it_switch_language_and_give_feedback(
    _chromium, live_server, agency_a, page_cache_on
):
    news = article(news_index(agency_a), "Seleksi PPPK tahap dua dibuka")
    first_context, first = _visitor(_chromium, live_server, PHONE)
    second_context, second = _visitor(_chromium, live_server, LAPTOP)
    try:
        first.goto(news.url)
        second.goto(news.url)  # the same cached page: the same form, no token in it
        assert "csrfmiddlewaretoken" not in second.content()

        first.locator(".like-button").click()
        expect(first.locator("[data-like-count]")).to_have_text("1")
        second.locator(".like-button").click()
        expect(second.locator("[data-like-count]")).to_have_text("2")
        assert ArticleLike.objects.filter(article=news).count() == 2

        second.get_by_role("button", name="English").click()
        expect(second.locator("html")).to_have_attribute("lang", "en")

        first.goto("/profil/")
        first.fill("#umpan-balik-komentar", "Mohon tambahkan jam layanan.")
        first.get_by_role("button", name="Ya, membantu").click()
        expect(first.get_by_text("Terima kasih atas umpan balik Anda")).to_be_visible()
        assert PageFeedback.objects.get().comment == "Mohon tambahkan jam layanan."
    finally:
        first_context.close()
        second_context.close()


def test_a_like_another_site_makes_the_browser_send_is_refused(_chromium, live_server, agency_a):
    news = article(news_index(agency_a), "Seleksi PPPK tahap dua dibuka")
    forged = f"""<!doctype html><html><body onload="document.forms[0].submit()">
      <form method="post" action="{live_server.url}/berita/suka/{news.pk}/">
        <input type="hidden" name="suka" value="1">
      </form></body></html>"""
    context, page = _visitor(_chromium, live_server, PHONE)
    try:
        # Another site, served by the browser's own interception: no request leaves it.
        page.route(
            "http://jahat.example/**",
            lambda route: route.fulfill(status=200, content_type="text/html", body=forged),
        )
        page.goto("http://jahat.example/hadiah")
        expect(page.get_by_text("Formulir ini tidak dikirim dari situs kami")).to_be_visible()
        assert not ArticleLike.objects.exists()
    finally:
        context.close()
