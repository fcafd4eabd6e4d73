"""What a visitor of an agency site sees: its own home page, menu, footer and language."""

from __future__ import annotations

import gzip

import pytest
from django.contrib.staticfiles import finders
from django.test import override_settings

from lontar.demo.loader import add_menu_item

pytestmark = pytest.mark.django_db


def test_each_agency_answers_on_its_own_host_name(client, agency_a, agency_b):
    default = client.get("/")
    other = client.get("/", HTTP_HOST="dinas-b.localhost:8000")

    assert agency_a.name in default.content.decode()
    assert agency_b.name in other.content.decode()
    assert agency_a.name not in other.content.decode()


def test_home_page_shows_agency_contacts_and_office_hours(client, agency_a):
    body = client.get("/").content.decode()

    assert "Jalan Contoh 1, Kota Uji" in body
    assert "Senin–Jumat: 08.00–16.00" in body
    assert 'lang="id"' in body


def test_menu_item_added_by_an_admin_appears_after_publishing(client, agency_a):
    assert "Layanan Informasi" not in client.get("/").content.decode()

    add_menu_item(agency_a, label="Layanan Informasi", url="/ppid/")

    assert '<a href="/ppid/">Layanan Informasi</a>' in client.get("/").content.decode()


def test_menu_follows_a_renamed_page_without_republishing_the_home_page(client, agency_a):
    home = agency_a.site.root_page.specific
    profile = home.get_children().get(slug="profil").specific
    home.main_menu = [
        {
            "type": "item",
            "value": {"label": "Profil", "page": profile.pk, "url": "", "children": []},
        }
    ]
    home.save_revision().publish()
    assert 'href="/profil/"' in client.get("/").content.decode()

    profile.slug = "tentang-kami"
    profile.save_revision().publish()

    assert 'href="/tentang-kami/"' in client.get("/").content.decode()


def test_visitor_switches_to_english_and_back(client, agency_a):
    to_english = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    english = to_english.content.decode()
    to_indonesian = client.post("/i18n/setlang/", {"language": "id", "next": "/"}, follow=True)

    assert 'lang="en"' in english and "Skip to content" in english
    assert 'lang="id"' in to_indonesian.content.decode()
    assert "Langsung ke isi" in to_indonesian.content.decode()


def test_browser_language_alone_does_not_switch_the_portal_to_english(client, agency_a):
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()

    assert 'lang="id"' in body


@override_settings(DEBUG=False)
def test_unknown_address_gets_the_site_styled_404(client, agency_a):
    response = client.get("/tidak-ada/")

    body = response.content.decode()
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in body
    assert agency_a.name in body  # header and footer of the agency's own site


def test_server_error_page_needs_no_database():
    from django.test import RequestFactory

    from lontar.core.views import server_error

    response = server_error(RequestFactory().get("/rusak/"))

    assert response.status_code == 500
    assert "Terjadi gangguan" in response.content.decode()


def test_home_page_runs_a_constant_number_of_queries(
    client, agency_a, django_assert_max_num_queries
):
    client.get("/")  # warm the navigation cache, as in production
    with django_assert_max_num_queries(8):
        response = client.get("/")
    assert response.status_code == 200


def test_home_page_html_and_css_stay_within_60_kb_compressed(client, agency_a):
    html = client.get("/").content
    with open(finders.find("css/lontar.css"), "rb") as css:
        total = len(gzip.compress(html)) + len(gzip.compress(css.read()))

    assert total <= 60 * 1024


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "vbscript:x"])
def test_menu_links_refuse_script_addresses(url):
    from django.core.exceptions import ValidationError

    from lontar.pages.blocks import LinkBlock

    block = LinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"label": "Jebakan", "page": None, "url": url}))
