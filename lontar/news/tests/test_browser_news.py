"""The news journey in a real browser: write, submit, approve, find, like, follow."""

import re

import pytest
from playwright.sync_api import expect

from lontar.news.models import ArticleLike, NewsArticlePage
from lontar.news.tests.helpers import article, category, news_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-123"
TITLE = "Berkas usul kenaikan pangkat kini daring"


def _login(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")


def _write_and_submit(page, index):
    page.goto(f"/admin/pages/add/news/newsarticlepage/{index.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_lead", "Usul kenaikan pangkat dapat diunggah tanpa datang ke kantor.")
    page.locator("#id_category").select_option(label="Umum")
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Paragraf").click()
    editor = page.locator("[data-contentpath=body] .public-DraftEditor-content").first
    editor.click()
    page.keyboard.type("Mulai bulan ini pelayanan usul kenaikan pangkat dilakukan secara daring.")
    # expect() runs no eval, which the admin's CSP forbids (wait_for_function would need it).
    expect(page.locator('input[name="body-0-value"]')).to_have_value(re.compile("daring"))
    tag_input = page.locator("#id_tags").locator("xpath=..").locator("input:visible").first
    tag_input.fill("kenaikan-pangkat")
    tag_input.press("Enter")
    page.locator("footer .w-dropdown__toggle.button").click()
    page.locator("button[name=action-submit]").click()
    page.wait_for_url("**/admin/pages/*/")


def _approve(page, article_page):
    page.goto(f"/admin/pages/{article_page.pk}/edit/")
    page.locator("footer .w-dropdown__toggle.button").click()
    page.locator("button[data-workflow-action-name=approve]").first.click()
    page.wait_for_load_state("networkidle")


def test_writer_submits_editor_approves_visitor_finds_likes_and_follows(
    _chromium, live_server, agency_a, writer, editor
):
    index = news_index(agency_a)
    umum = category(agency_a, "Umum")
    older = article(
        index,
        "Jadwal layanan kenaikan pangkat",
        tags=("kenaikan-pangkat",),
        category=umum,
        text="Layanan kenaikan pangkat dibuka setiap hari kerja.",
    )

    def session(**kwargs):
        context = _chromium.new_context(base_url=live_server.url, locale="id-ID", **kwargs)
        context.set_default_timeout(15_000)
        return context, context.new_page()

    context, page = session()
    try:
        _login(page, writer.username)
        _write_and_submit(page, index)
    except Exception:
        page.screenshot(path="/tmp/news-writer.png", full_page=True)
        raise
    finally:
        context.close()
    submitted = NewsArticlePage.objects.get(title=TITLE)
    assert not submitted.live
    assert submitted.author == writer.staff_profile

    context, page = session()
    try:
        _login(page, editor.username)
        _approve(page, submitted)
    except Exception:
        page.screenshot(path="/tmp/news-editor.png", full_page=True)
        raise
    finally:
        context.close()
    submitted.refresh_from_db()
    assert submitted.live

    context, page = session()
    try:
        # Through search ...
        page.goto("/cari/?q=daring")
        page.get_by_role("link", name=TITLE).click()
        page.wait_for_url(f"**{submitted.url}")
        # ... and through a tag.
        page.goto(index.url)
        page.goto(f"{index.url}tag/kenaikan-pangkat/")
        page.get_by_role("link", name=TITLE).click()
        page.wait_for_url(f"**{submitted.url}")

        count = page.locator("[data-like-count]")
        assert count.inner_text() == "0"
        page.get_by_role("button", name="Suka").click()
        expect(count).to_have_text("1")
        assert page.locator(".like-button").get_attribute("aria-pressed") == "true"
        page.reload()
        assert page.locator("[data-like-count]").inner_text() == "1"  # once, and it stuck
        assert ArticleLike.objects.filter(article=submitted).count() == 1

        page.locator(".related").get_by_role("link", name=older.title).click()
        page.wait_for_url(f"**{older.url}")
        assert page.get_by_role("heading", level=1).inner_text() == older.title
    except Exception:
        page.screenshot(path="/tmp/news-visitor.png", full_page=True)
        raise
    finally:
        context.close()
