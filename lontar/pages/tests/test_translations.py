"""English versions of pages (Wagtail locales): served at the Indonesian page's URL to visitors
who chose English; without one, the Indonesian page under a notice, marked lang="id"."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from wagtail.models import Locale, Page

from lontar.agencies.onboarding import NewAgency, create_agency
from lontar.news.tests.helpers import article, news_index
from lontar.pages.models import StandardPage
from lontar.pages.translations import english_home, publish_translation

pytestmark = pytest.mark.django_db

NOTICE_EN = "This page is not yet available in English; shown in Indonesian."
NOTICE_ID = "Halaman ini belum tersedia dalam bahasa Inggris"


def _english_client() -> Client:
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def _profile(agency) -> StandardPage:
    return StandardPage.objects.child_of(agency.site.root_page).get(slug="profil")


def _translate_profile(agency) -> StandardPage:
    english_home(agency.site.root_page)
    return publish_translation(
        _profile(agency), title="Profile in English", lead="Who we are, in English."
    )


def _article_html(body: str) -> str:
    return body.split("<article", 1)[1].split("</article>", 1)[0]


def test_english_visitor_reads_the_english_translation_at_the_same_url(agency_a):
    _translate_profile(agency_a)

    response = _english_client().get("/profil/")

    body = response.content.decode()
    assert response.status_code == 200
    assert "Profile in English" in body and "Who we are, in English." in body
    assert "Ringkasan" not in body and "Profil." not in _article_html(body)
    assert NOTICE_EN not in body
    assert '<article class="prose" lang="en">' in body


def test_indonesian_visitor_gets_the_indonesian_page_and_never_the_notice(client, agency_a):
    _translate_profile(agency_a)

    body = client.get("/profil/").content.decode()

    assert "Profil BKD-A" in body and "Profile in English" not in body
    assert NOTICE_ID not in body and NOTICE_EN not in body
    assert '<article class="prose" lang="id">' in body
    assert NOTICE_ID not in client.get("/").content.decode()


def test_untranslated_page_is_indonesian_under_a_notice_marked_lang_id(agency_a):
    response = _english_client().get("/profil/")

    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in body  # the interface around the page is English
    assert NOTICE_EN in body
    assert '<article class="prose" lang="id">' in body
    assert "Profil BKD-A" in _article_html(body)


@pytest.mark.parametrize("state", ["draft", "alias"])
def test_a_draft_or_an_alias_is_not_an_english_version(agency_a, state):
    locale = Locale.objects.get(language_code="en")
    english_home(agency_a.site.root_page)
    profile = _profile(agency_a)
    if state == "draft":
        draft = profile.copy_for_translation(locale)
        draft.title = "Unpublished English profile"
        draft.save_revision()
    else:
        profile.copy_for_translation(locale, alias=True)

    body = _english_client().get("/profil/").content.decode()

    assert NOTICE_EN in body and "Profil BKD-A" in body
    assert "Unpublished English profile" not in body


def test_english_visitor_of_an_untranslated_page_under_a_translated_one_gets_it(agency_a):
    """The Indonesian tree decides which URLs exist: a subpage not yet translated still
    answers (in Indonesian), and the translated parent lists it."""
    _translate_profile(agency_a)
    child = StandardPage(title="Sejarah", slug="sejarah", lead="Sejarah kami.")
    _profile(agency_a).add_child(instance=child)
    child.save_revision().publish()
    client = _english_client()

    child_page = client.get("/profil/sejarah/")
    parent_page = client.get("/profil/").content.decode()

    assert child_page.status_code == 200 and NOTICE_EN in child_page.content.decode()
    assert 'href="/profil/sejarah/">Sejarah</a>' in parent_page


def test_subpage_list_names_translated_subpages_in_english(agency_a):
    _translate_profile(agency_a)
    child = StandardPage(title="Sejarah", slug="sejarah", lead="Sejarah kami.")
    _profile(agency_a).add_child(instance=child)
    child.save_revision().publish()
    publish_translation(child, title="History")

    english = _english_client().get("/profil/").content.decode()
    indonesian = Client().get("/profil/").content.decode()

    assert 'href="/profil/sejarah/">History</a>' in english
    assert 'href="/profil/sejarah/">Sejarah</a>' in indonesian


def test_private_indonesian_page_is_not_bypassed_through_its_translation(agency_a):
    from wagtail.models import PageViewRestriction

    _translate_profile(agency_a)
    PageViewRestriction.objects.create(
        page=_profile(agency_a), restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )

    body = _english_client().get("/profil/").content.decode()

    assert "Profile in English" not in body and "Who we are, in English." not in body


def test_translated_news_article_is_served_in_english_and_listed_once(agency_a):
    index = news_index(agency_a)
    story = article(index, "Kenaikan pangkat April", text="Usul kenaikan pangkat diterima.")
    english_home(agency_a.site.root_page)
    publish_translation(
        story,
        title="April promotions",
        lead="Promotion proposals are open.",
        body=[("paragraph", "<p>Promotion proposals are accepted until March.</p>")],
    )
    english = _english_client()
    indonesian = Client()
    path = story.url

    english_article = english.get(path).content.decode()
    assert "April promotions" in english_article
    # Read and liked as the Indonesian article: one count whichever language is read.
    assert f'action="/berita/suka/{story.pk}/"' in english_article
    assert f"/berita/dibaca/{story.pk}.gif" in english_article
    assert "Kenaikan pangkat April" in indonesian.get(path).content.decode()
    assert path == "/berita/kenaikan-pangkat-april/"
    for client in (english, indonesian):
        listing = client.get("/berita/").content.decode()
        assert listing.count(f'href="{path}"') == 1, listing
        feed = client.get("/berita/feed/rss/").content.decode()
        assert feed.count(f"<link>http://localhost{path}</link>") == 1
        found = client.get("/cari/", {"q": "pangkat"})
        assert [hit.obj.pk for hit in found.context["page_obj"]] == [story.pk]


def test_sitemap_lists_each_translated_page_once_at_its_indonesian_url(client, agency_a):
    _translate_profile(agency_a)
    story = article(news_index(agency_a), "Kabar uji")
    publish_translation(story, title="Test news")

    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>http://localhost(/[^<]*)</loc>", index)
    urls = []
    for section in sections:
        urls += re.findall(r"<loc>([^<]*)</loc>", client.get(section).content.decode())

    assert urls.count("http://localhost/profil/") == 1
    assert urls.count(f"http://localhost{story.url}") == 1
    assert not [url for url in urls if "-en/" in url]


def test_english_page_costs_at_most_three_queries_more(agency_a, django_assert_max_num_queries):
    _translate_profile(agency_a)
    english, indonesian = _english_client(), Client()
    english.get("/profil/")  # warm the navigation cache, as in production
    indonesian.get("/profil/")

    with django_assert_max_num_queries(10) as indonesian_queries:
        assert indonesian.get("/profil/").status_code == 200
    # The translation, the Indonesian page's restrictions, and (the English home being an alias
    # here) the aliased home page Wagtail reads for the translation's own restrictions.
    budget = len(indonesian_queries.captured_queries) + 3
    with django_assert_max_num_queries(budget):
        assert english.get("/profil/").status_code == 200


def test_editor_translates_and_edits_in_their_own_agency_only(client, agency_a, agency_b, editor):
    from lontar.agencies.services import provision_agency

    english = Locale.objects.get(language_code="en")
    for agency in (agency_a, agency_b):
        english_home(agency.site.root_page)
        provision_agency(agency=agency)  # as onboarding does once the English tree exists
    own_profile, other_profile = _profile(agency_a), _profile(agency_b)
    client.force_login(editor)

    assert client.get(f"/admin/translation/submit/page/{own_profile.pk}/").status_code == 200
    client.post(f"/admin/translation/submit/page/{own_profile.pk}/", {"locales": [english.pk]})
    own_translation = own_profile.get_translation(english)
    assert not own_translation.live  # a draft until an editor publishes it
    assert client.get(f"/admin/pages/{own_translation.pk}/edit/").status_code == 200

    other_home = agency_b.site.root_page.get_translation(english)
    assert client.get(f"/admin/pages/{other_home.pk}/edit/").status_code == 404
    translate_other = f"/admin/translation/submit/page/{other_profile.pk}/"
    assert client.get(translate_other).status_code == 404
    client.post(translate_other, {"locales": [english.pk]})
    assert other_profile.get_translation_or_none(english) is None


def test_onboarding_gives_every_default_page_an_english_version(client):
    onboarded = create_agency(
        NewAgency(
            name="Dinas Uji Bahasa",
            short_name="DUB",
            slug="dub",
            public_base_url="http://localhost",
            site_hostname="localhost",
            site_port=80,
            is_default_site=True,
            intro="Dinas untuk menguji terjemahan.",
        )
    )
    home = onboarded.agency.site.root_page
    english = Locale.objects.get(language_code="en")
    translated = {
        page.slug: page.title
        for page in Page.objects.filter(locale=english, live=True, alias_of__isnull=True)
    }

    assert translated == {
        "profil": "Profile",
        "visi-misi": "Vision and mission",
        "struktur-organisasi": "Organisation",
        "tugas-pokok-fungsi": "Duties and functions",
        "kontak": "Contact",
        "maklumat-pelayanan": "Service pledge",
    }
    assert home.get_translation(english).alias_of_id == home.pk  # no English intro given
    contact = _english_client().get("/kontak/").content.decode()
    assert "<h1>Contact</h1>" in contact and NOTICE_EN not in contact
    assert NOTICE_EN in _english_client().get("/").content.decode()

    create_agency(  # a re-run changes nothing
        NewAgency(
            name="Dinas Uji Bahasa",
            short_name="DUB",
            slug="dub",
            public_base_url="http://localhost",
            site_hostname="localhost",
            site_port=80,
            is_default_site=True,
        )
    )
    assert Page.objects.filter(locale=english).count() == 7


def test_site_root_paths_cost_two_queries_and_match_wagtails_list(
    agency_a, agency_b, django_assert_num_queries
):
    from django.core.cache import cache
    from wagtail.models import Site
    from wagtail.models.sites import SiteRootPath

    english_home(agency_a.site.root_page)
    english_home(agency_b.site.root_page)
    expected = [  # what Wagtail's own Site.get_site_root_paths builds, site by site
        SiteRootPath(site.id, root.url_path, site.root_url, root.locale.language_code)
        for site in Site.objects.order_by("-root_page__url_path", "-is_default_site", "hostname")
        for root in site.root_page.get_translations(inclusive=True).order_by("path")
    ]
    cache.clear()

    with django_assert_num_queries(2):
        paths = Site.get_site_root_paths()

    assert paths == expected
    assert {path.language_code for path in paths} == {"id", "en"}
    assert len(paths) == 2 * Site.objects.count()
