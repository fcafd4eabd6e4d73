"""A retired agency's site is read-only: forms and staff sign-in close, a banner points onward."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from lontar.news.models import ArticleLike
from lontar.ppid.models import InformationRequest
from lontar.qna.models import Question
from lontar.survey.models import PageFeedback, SurveyResponse

pytestmark = pytest.mark.django_db

SUCCESSOR = "https://baru.example.go.id/"

# Every public form a citizen can send something through, with a body that would be stored.
FORMS = [
    ("/ppid/permohonan/baru/", {"name": "Budi", "information_requested": "Data"}),
    ("/tanya-jawab/tanya/", {"name": "Budi", "question_text": "Kapan buka?"}),
    ("/tanya-jawab/1/umpan-balik/", {"helpful": "yes"}),
    ("/survei/pelayanan/", {"u1": "4"}),
    ("/survei/umpan-balik/1/", {"helpful": "yes"}),
    ("/berita/suka/1/", {}),
]
GET_FORMS = ["/ppid/permohonan/baru/", "/tanya-jawab/tanya/", "/survei/pelayanan/"]


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def retired(agency_a):
    agency_a.retired_at = timezone.now() - timedelta(days=1)
    agency_a.successor_url = SUCCESSOR
    agency_a.retirement_note = "Layanan dialihkan ke Dinas Baru."
    agency_a.save()
    return agency_a


def _stored() -> int:
    return sum(
        model.objects.count()
        for model in (InformationRequest, Question, SurveyResponse, PageFeedback, ArticleLike)
    )


@pytest.mark.parametrize(("url", "data"), FORMS)
def test_post_to_a_closed_form_is_gone_and_stores_nothing(retired, url, data):
    response = Client().post(url, data)
    assert response.status_code == 410
    assert _stored() == 0
    assert SUCCESSOR in response.content.decode()


@pytest.mark.parametrize("url", GET_FORMS)
def test_a_closed_form_says_where_to_go_instead(retired, url):
    response = Client().get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "Layanan di situs ini sudah ditutup" in html
    assert f'href="{SUCCESSOR}"' in html
    assert "Layanan dialihkan ke Dinas Baru." in html


def test_forms_stay_open_while_the_agency_is_not_retired(agency_a):
    assert Client().get("/ppid/permohonan/baru/").status_code == 200
    assert Client().get("/tanya-jawab/tanya/").status_code == 200


def test_a_retirement_set_for_later_has_not_closed_anything_yet(agency_a):
    agency_a.retired_at = timezone.now() + timedelta(days=7)
    agency_a.save()
    assert Client().get("/ppid/permohonan/baru/").status_code == 200


def test_clearing_the_date_reopens_the_site(retired):
    retired.retired_at = None
    retired.save()
    assert Client().get("/ppid/permohonan/baru/").status_code == 200


def test_another_agency_on_the_same_platform_stays_open(retired, agency_b):
    response = Client(HTTP_HOST="dinas-b.localhost").get("/ppid/permohonan/baru/")
    assert response.status_code == 200
    assert "retired-banner" not in response.content.decode()


def test_every_readable_page_carries_the_banner(retired):
    response = Client().get("/ppid/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "retired-banner" in html
    assert "hanya dapat dibaca" in html
    assert f'href="{SUCCESSOR}"' in html


def test_no_banner_on_a_maintained_site(agency_a):
    assert "retired-banner" not in Client().get("/ppid/").content.decode()


def test_staff_sign_in_on_the_retired_host_is_closed(retired, agency_admin_a):
    client = Client()
    assert client.get("/admin/login/").status_code == 410
    response = client.post("/admin/login/", {"username": "admin-a", "password": "x"})
    assert response.status_code == 410
    assert "_auth_user_id" not in client.session
    # A session that was open before the retirement does not keep the admin either.
    client.force_login(agency_admin_a)
    assert client.get("/admin/").status_code == 410


def test_sign_in_on_another_host_stays_open(retired, agency_b):
    assert Client(HTTP_HOST="dinas-b.localhost").get("/admin/login/").status_code == 200


def test_a_platform_admin_can_still_reopen_it(retired, platform_admin):
    client = Client()
    client.force_login(platform_admin)
    response = client.get(f"/admin/snippets/agencies/agency/edit/{retired.pk}/")
    assert response.status_code == 200
