import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from lontar.agencies.models import Agency

pytestmark = pytest.mark.django_db


def test_demo_loads_a_province_with_a_bkd_as_default_site_and_loads_nothing_twice(capsys):
    call_command("load_demo")
    first = capsys.readouterr().out
    counts = (Agency.objects.count(), Page.objects.count(), get_user_model().objects.count())

    call_command("load_demo")
    second = capsys.readouterr().out

    after = (Agency.objects.count(), Page.objects.count(), get_user_model().objects.count())
    assert after == counts
    assert "Demo dimuat" in first and "tidak ada yang dimuat ulang" in second
    bkd = Agency.objects.get(short_name="BKD")
    assert bkd.site.is_default_site
    assert Agency.objects.filter(kind="opd").count() >= 3
    assert bkd.units.count() >= 5 and bkd.staff.count() >= 5
    assert "bkd.penulis" in second and "http://ppid.localhost:8000/" in second
    assert "aplikasi autentikator (TOTP)" in first  # PPID and admin demo logins must enrol


def test_demo_sites_serve_profile_pages_through_their_menus(client):
    call_command("load_demo")

    home = client.get("/").content.decode()
    duties = client.get("/profil/tugas-pokok-fungsi/").content.decode()
    province = client.get("/", HTTP_HOST="ppid.localhost:8000").content.decode()

    assert 'href="/profil/tugas-pokok-fungsi/"' in home
    assert "Bidang Mutasi dan Promosi" in duties and "kenaikan pangkat" in duties
    assert "PPID Utama Provinsi Nusa Cendana" in province
    assert 'class="brand-logo"' in home  # the logo sits beside the agency's name, alt=""
    logo = home.split('class="brand-logo"')[0].rsplit("<img", 1)[1]
    assert ".webp" in logo and 'width="96" height="96"' in logo  # WebP on every page, no shift


@pytest.mark.slow
def test_demo_bkd_main_pages_read_in_english_at_their_own_addresses(client):
    call_command("load_demo")
    english = Client()
    english.post("/i18n/setlang/", {"language": "en", "next": "/"})
    notice = "This page is not yet available in English"

    home = english.get("/").content.decode()
    vision = english.get("/profil/visi-misi/").content.decode()
    contact = english.get("/kontak/").content.decode()
    news = english.get("/berita/").content.decode()

    assert "Welcome to BKD Nusa Cendana" in home and notice not in home
    assert "Professional civil servants of Nusa Cendana" in vision and notice not in vision
    assert "<h1>Contact</h1>" in contact and notice not in contact
    assert notice in news  # the news index and untranslated articles stay Indonesian
    indonesian = client.get("/profil/visi-misi/").content.decode()
    assert "<h1>Visi dan Misi</h1>" in indonesian and "Mission" not in indonesian
