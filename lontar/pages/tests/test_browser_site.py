"""A visitor's journey through the demo BKD site in a real browser."""

import pytest

from lontar.core.tests.demo_snapshot import load_demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_visitor_switches_language_and_reaches_a_profile_page_through_the_menu(browser_page):
    load_demo()
    page = browser_page

    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.get_by_role("link", name="Langsung ke isi").count() == 1

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("navigation", name="Main menu").is_visible()

    page.get_by_role("button", name="Indonesia").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "id"

    menu = page.get_by_role("navigation", name="Menu utama")
    menu.get_by_role("link", name="Profil", exact=True).first.hover()
    menu.get_by_role("link", name="Tugas Pokok dan Fungsi").click()
    page.wait_for_url("**/profil/tugas-pokok-fungsi/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tugas Pokok dan Fungsi"
    assert page.get_by_role("heading", name="Bidang Mutasi dan Promosi").is_visible()


def test_menu_works_on_a_phone_screen_without_javascript(_chromium, live_server):
    load_demo()
    context = _chromium.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 360, "height": 740}
    )
    page = context.new_page()

    page.goto("/")
    page.get_by_role("link", name="Kontak", exact=True).first.click()
    page.wait_for_url("**/kontak/")

    assert page.get_by_role("heading", level=1).inner_text() == "Kontak"
    assert page.get_by_text("Jam layanan").first.is_visible()
    context.close()
