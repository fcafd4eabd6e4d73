"""A visitor switches to English in a real browser and reads a page's English version at the
same address; an untranslated page stays Indonesian under a notice."""

import pytest

from lontar.pages.models import StandardPage
from lontar.pages.translations import english_home, publish_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def translated_site(agency_a):
    """The shape of the demo BKD's profile section: a translated profile, one subpage not yet."""
    home = agency_a.site.root_page
    profile = StandardPage.objects.child_of(home).get(slug="profil")
    english_home(home)
    publish_translation(
        profile,
        title="About the agency",
        lead="Who we are and what we do.",
        body=[{"type": "paragraph", "value": "<p>We manage the civil service.</p>"}],
    )
    history = StandardPage(title="Sejarah", slug="sejarah", lead="Sejarah singkat kami.")
    profile.add_child(instance=history)
    history.save_revision().publish()
    return agency_a


def test_visitor_switches_to_english_and_reads_the_english_page_at_the_same_address(
    browser_page, translated_site
):
    page = browser_page
    page.goto("/profil/")
    assert page.get_by_role("heading", level=1).inner_text() == "Profil BKD-A"
    assert page.locator(".content-language").count() == 0

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()

    assert page.url.endswith("/profil/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "About the agency"
    assert page.get_by_text("We manage the civil service.").is_visible()
    assert page.locator("article").get_attribute("lang") == "en"
    assert page.locator(".content-language").count() == 0

    page.get_by_role("link", name="Sejarah").click()
    page.wait_for_url("**/profil/sejarah/")
    notice = page.get_by_role("note")
    assert notice.inner_text() == "This page is not yet available in English; shown in Indonesian."
    assert page.locator("article").get_attribute("lang") == "id"
    assert page.get_by_role("heading", level=1).inner_text() == "Sejarah"

    page.get_by_role("button", name="Indonesia").click()
    page.wait_for_load_state()
    assert page.locator(".content-language").count() == 0
    page.goto("/profil/")
    assert page.get_by_role("heading", level=1).inner_text() == "Profil BKD-A"
