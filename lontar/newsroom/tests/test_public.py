"""Public pieces: the read counter without personal data, and "Penulis bulan ini"."""

import pytest
from django.utils import timezone

from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import staff_member
from lontar.news.tests.helpers import article, news_index
from lontar.newsroom.models import ArticleTemplate, ArticleViewDay, WriterPreference
from lontar.newsroom.templates_seed import seed_templates

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


def test_each_reading_adds_one_to_the_days_count_and_nothing_about_the_reader(client, agency_a):
    page = article(news_index(agency_a), "Layanan daring")
    html = client.get(page.url).content.decode()
    assert f"/berita/dibaca/{page.pk}.gif" in html
    for _n in range(3):
        response = client.get(f"/berita/dibaca/{page.pk}.gif", HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200 and response["Content-Type"] == "image/gif"
        assert not response.cookies
    row = ArticleViewDay.objects.get(article=page)
    assert row.views == 3 and row.day == agency_a.today()
    assert client.get("/berita/dibaca/999999.gif", HTTP_USER_AGENT=BROWSER).status_code == 200
    assert ArticleViewDay.objects.count() == 1
    client.get(f"/berita/dibaca/{page.pk}.gif", HTTP_USER_AGENT="Googlebot/2.1")
    assert ArticleViewDay.objects.get(article=page).views == 3


def test_writers_of_the_month_leave_out_those_who_opted_out(
    client, agency_a, django_assert_max_num_queries
):
    index = news_index(agency_a)
    shown = staff_member(agency_a, Role.WRITER, username="rajin")
    shown.first_name, shown.last_name = "Maria", "Rajin"
    shown.save()
    hidden = staff_member(agency_a, Role.WRITER, username="pemalu")
    hidden.first_name, hidden.last_name = "Yosef", "Pemalu"
    hidden.save()
    today = timezone.localdate()
    for n in range(2):
        article(index, f"Tulisan Maria {n}", author=shown.staff_profile, on=today)
    for n in range(3):
        article(index, f"Tulisan Yosef {n}", author=hidden.staff_profile, on=today)
    WriterPreference.objects.create(staff=hidden.staff_profile, hide_from_public_ranking=True)
    client.get("/berita/")
    with django_assert_max_num_queries(13):
        html = client.get("/berita/").content.decode()
    assert "Penulis bulan ini" in html
    block = html.split('class="writers-of-month"')[1].split("</section>")[0]
    assert "Maria Rajin" in block and "Yosef Pemalu" not in block


def test_a_writer_can_opt_out(client, agency_a, writer):
    client.force_login(writer)
    assert client.get("/admin/redaksi/preferensi/").status_code == 200
    client.post("/admin/redaksi/preferensi/", {"sembunyikan": "1"})
    assert WriterPreference.objects.get(staff=writer.staff_profile).hide_from_public_ranking


def test_templates_are_seeded_once_and_a_writer_starts_from_one(client, agency_a, writer):
    news_index(agency_a)
    assert seed_templates(agency_a) == 4
    assert seed_templates(agency_a) == 0
    names = list(ArticleTemplate.objects.filter(agency=agency_a).values_list("name", flat=True))
    assert names == ["Liputan kegiatan", "Tanya jawab kepegawaian", "Profil layanan", "Tips ASN"]
    client.force_login(writer)
    home = client.get("/admin/").content.decode()
    assert "Tanya jawab kepegawaian" in home
    template = ArticleTemplate.objects.get(agency=agency_a, slug="tips-asn")
    response = client.post(f"/admin/redaksi/templat/{template.pk}/tulis/")
    assert response.status_code == 302
    edit = client.get(response["Location"])
    assert "Kiat pertama" in edit.content.decode()
    page_id = int(response["Location"].rstrip("/").split("/")[-2])
    checklist = client.get(f"/admin/redaksi/periksa/{page_id}/").content.decode()
    assert "Daftar periksa tulisan" in checklist and "Minimal satu tag" in checklist
    assert 'data-check="tags" data-ok="tidak"' in checklist


def test_onboarding_seeds_the_templates(db):
    from lontar.agencies.onboarding import NewAgency, create_agency

    done = create_agency(
        NewAgency(
            name="Dinas Uji Templat",
            short_name="DUT",
            slug="dinas-uji-templat",
            public_base_url="http://dut.localhost:8000",
        )
    )
    assert ArticleTemplate.objects.filter(agency=done.agency).count() == 4
