"""The issue-20 journey in a real browser: an event ends, its unit's writer sees the prompt,
one click opens a draft holding the event's data, the writer submits, the editor publishes,
and the event page links the report."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lontar.agencies.models import Unit
from lontar.news.models import NewsArticlePage
from lontar.news.tests.helpers import news_index
from lontar.newsroom import services
from lontar.programs.tests.helpers import event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-123"


def _login(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")


def test_event_ends_writer_drafts_in_one_click_editor_publishes_event_links_report(
    _chromium, live_server, agency_a, writer, editor
):
    news_index(agency_a)
    unit = Unit.objects.create(agency=agency_a, name="Bidang Mutasi", slug="mutasi")
    writer.staff_profile.unit = unit
    writer.staff_profile.save()
    now = timezone.now()
    ended = event(
        agency_a,
        title="Sosialisasi Manajemen Talenta",
        when=now - timedelta(hours=4),
        ends_at=now - timedelta(hours=1),
        unit=unit,
        description="Pejabat kepegawaian membahas pola karier.",
    )
    services.refresh_and_notify(agency_a)  # what the hourly job does

    def session():
        context = _chromium.new_context(base_url=live_server.url, locale="id-ID")
        context.set_default_timeout(20_000)
        return context, context.new_page()

    context, page = session()
    try:
        _login(page, writer.username)
        prompt = page.locator("[data-prompt]").filter(has_text=ended.title)
        expect(prompt).to_be_visible()
        prompt.get_by_role("button").click()
        page.wait_for_url("**/admin/pages/*/edit/")
        expect(page.locator("#id_title")).to_have_value(ended.title)
        expect(page.locator("#id_lead")).to_have_value(
            "Bidang Mutasi menyelenggarakan Sosialisasi Manajemen Talenta di Aula Rumah "
            f"Jabatan Gubernur pada {ended.starts_at.astimezone(agency_a.zone):%d-%m-%Y}."
        )
        expect(page.locator("#id_source")).to_have_value("Bidang Mutasi")
        expect(page.locator(".newsroom-checklist")).to_be_visible()
        page.locator("footer .w-dropdown__toggle.button").click()
        page.locator("button[name=action-submit]").click()
        page.wait_for_url("**/admin/pages/*/")
    except Exception:
        page.screenshot(path="/tmp/writers20-writer.png", full_page=True)
        raise
    finally:
        context.close()
    draft = NewsArticlePage.objects.get(title=ended.title)
    assert not draft.live

    context, page = session()
    try:
        _login(page, editor.username)
        page.goto(f"/admin/pages/{draft.pk}/edit/")
        page.locator("footer .w-dropdown__toggle.button").click()
        page.locator("button[data-workflow-action-name=approve]").first.click()
        page.wait_for_load_state("networkidle")
    except Exception:
        page.screenshot(path="/tmp/writers20-editor.png", full_page=True)
        raise
    finally:
        context.close()
    draft.refresh_from_db()
    assert draft.live

    context, page = session()
    try:
        page.goto(f"/agenda/{ended.pk}/")
        page.get_by_role("link", name="Baca laporan kegiatan").click()
        page.wait_for_url(f"**{draft.url}")
        assert page.get_by_role("heading", level=1).inner_text() == ended.title
    except Exception:
        page.screenshot(path="/tmp/writers20-visitor.png", full_page=True)
        raise
    finally:
        context.close()
