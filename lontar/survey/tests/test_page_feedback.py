"""Page feedback ("Apakah informasi ini membantu?") at the foot of pages, and its report."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from lontar.pages.models import StandardPage
from lontar.survey import ratelimit
from lontar.survey.models import PageFeedback

pytestmark = pytest.mark.django_db

REPORT = reverse("survey_page_feedback_report")


def profile_page(agency) -> Page:
    return StandardPage.objects.get(slug="profil", path__startswith=agency.site.root_page.path)


def feedback_url(page) -> str:
    return f"/survei/umpan-balik/{page.pk}/"


def test_content_page_asks_whether_it_helped_with_a_plain_form(client, agency_a):
    page = profile_page(agency_a)

    body = client.get("/profil/").content.decode()

    assert "Apakah informasi ini membantu?" in body
    form = body[body.index('<section class="page-feedback"') :]
    assert f'action="{feedback_url(page)}"' in form
    # No token: the page is the same for every visitor, so nginx can keep it (decision 0021).
    assert 'name="csrfmiddlewaretoken"' not in form
    assert 'name="helpful" value="ya"' in form and 'name="helpful" value="tidak"' in form
    # Inside the article, after its body.
    assert body.index('<section class="page-feedback"') < body.index("</article>")


def test_yes_with_a_comment_is_stored_without_personal_data_and_thanked(client, agency_a):
    page = profile_page(agency_a)

    response = client.post(
        feedback_url(page),
        {"helpful": "tidak", "comment": "Alamat kurang jelas. Telp saya 081234567890, ani@mail.id"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/profil/?umpan_balik=terima-kasih#umpan-balik"
    stored = PageFeedback.objects.get()
    assert stored.page_id == page.pk and stored.helpful is False
    assert stored.comment == "Alamat kurang jelas. Telp saya [TELEPON], [SUREL]"
    thanked = client.get(response["Location"]).content.decode()
    assert "Terima kasih atas umpan balik Anda" in thanked
    assert 'name="helpful"' not in thanked


def test_the_form_is_refused_when_another_site_sends_it(agency_a):
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(
        feedback_url(profile_page(agency_a)),
        {"helpful": "ya"},
        headers={"origin": "https://jahat.example"},
    )

    assert response.status_code == 403
    assert not PageFeedback.objects.exists()


def test_no_answer_is_refused_and_the_comment_kept(client, agency_a):
    response = client.post(feedback_url(profile_page(agency_a)), {"comment": "Tetap di sini"})

    body = response.content.decode()
    assert response.status_code == 400
    assert "Pilih Ya atau Tidak." in body
    assert "Tetap di sini</textarea>" in body
    assert not PageFeedback.objects.exists()


def test_only_live_pages_of_this_site_take_feedback(client, agency_a, agency_b):
    draft = profile_page(agency_a)
    draft.live = False
    draft.save()
    other = profile_page(agency_b)

    assert client.post(feedback_url(draft), {"helpful": "ya"}).status_code == 404
    assert client.post(feedback_url(other), {"helpful": "ya"}).status_code == 404
    assert client.get(feedback_url(other)).status_code == 405
    assert (
        client.post(feedback_url(other), {"helpful": "ya"}, HTTP_HOST="dinas-b.localhost")
    ).status_code == 302
    assert PageFeedback.objects.get().page_id == other.pk


def test_feedback_is_rate_limited_per_visitor(client, agency_a, monkeypatch):
    monkeypatch.setattr(ratelimit, "FEEDBACK_PER_WINDOW", 2)
    url = feedback_url(profile_page(agency_a))
    for _ in range(2):
        assert client.post(url, {"helpful": "ya"}).status_code == 302

    limited = client.post(url, {"helpful": "ya"})
    other_visitor = client.post(url, {"helpful": "ya"}, REMOTE_ADDR="10.0.0.9")

    assert limited.status_code == 429
    assert "Terlalu banyak umpan balik" in limited.content.decode()
    assert other_visitor.status_code == 302
    assert PageFeedback.objects.count() == 3


def _feedback(page, helpful: bool, comment: str = "") -> None:
    PageFeedback.objects.create(page=page, helpful=helpful, comment=comment)


def test_report_shows_own_agency_pages_with_counts_share_and_latest_comments(
    client, agency_a, agency_b, agency_admin_a
):
    page_a = profile_page(agency_a)
    home_a = agency_a.site.root_page
    page_b = profile_page(agency_b)
    _feedback(page_a, True)
    _feedback(page_a, False, "Jam layanan tidak ada.")
    _feedback(page_a, False, "Nomor kontak salah.")
    _feedback(home_a, True)
    _feedback(page_b, False, "Komentar rahasia dinas B")
    client.force_login(agency_admin_a)

    response = client.get(REPORT)

    body = response.content.decode()
    assert response.status_code == 200
    assert page_a.title in body and home_a.title in body
    assert page_b.title not in body and "Komentar rahasia dinas B" not in body
    row = body[body.index(page_a.title) : body.index("</tr>", body.index(page_a.title))]
    assert "<td>1</td>" in row and "<td>2</td>" in row
    assert "<td>33,33</td>" in row
    assert "Jam layanan tidak ada." in row and "Nomor kontak salah." in row
    # The least helpful page comes first.
    assert body.index(page_a.title) < body.index(home_a.title)


def test_report_of_agency_b_editor_sees_only_agency_b(client, agency_a, agency_b, editor_b):
    _feedback(profile_page(agency_a), False, "Punya A")
    _feedback(profile_page(agency_b), False, "Punya B")
    client.force_login(editor_b)

    body = client.get(REPORT).content.decode()

    assert "Punya B" in body and "Punya A" not in body


def test_report_is_for_staff_who_edit_pages(client, agency_a, writer, ppid_officer_a):
    for user in (writer, ppid_officer_a):
        client.force_login(user)
        assert client.get(REPORT).status_code in (302, 403)


def test_report_is_in_the_reports_menu_of_editors(client, agency_a, editor):
    client.force_login(editor)

    body = client.get(reverse("wagtailadmin_home")).content.decode()

    assert REPORT in body
