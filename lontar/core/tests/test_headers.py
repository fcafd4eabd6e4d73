"""Security headers on every kind of page (reliability plan T-HDR-1)."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from lontar.core.headers import frame_ancestors_self
from lontar.news.tests.helpers import article, news_index
from lontar.podcast.tests.helpers import make_episode, make_show
from lontar.ppid.tests.helpers import form_data, make_request

pytestmark = pytest.mark.django_db


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.fixture
def public_paths(agency_a) -> list[str]:
    index = news_index(agency_a)
    story = article(index, "Layanan kenaikan pangkat daring")
    episode = make_episode(make_show(agency_a))
    return [
        "/",
        index.url,
        story.url,
        "/penulis/",
        "/cari/?q=pangkat",
        "/podcast/",
        f"/podcast/{episode.show.slug}/",
        f"/podcast/{episode.show.slug}/{episode.slug}/",
        "/ppid/",
        "/ppid/permohonan/baru/",
        "/ppid/lacak/",
        "/ppid/register/",
        "/tanya-jawab/",
        "/regulasi/",
        "/program/",
        "/agenda/",
        "/data/",
        "/survei/",
        "/halaman-yang-tidak-ada/",  # the 404 page
    ]


def test_every_public_page_type_sends_the_security_headers(client, public_paths):
    for path in public_paths:
        response = client.get(path)
        assert response.status_code in {200, 404}, path
        csp = csp_directives(response)

        assert csp["default-src"] == ["'self'"], path
        assert csp["script-src"] == ["'self'"], path  # no inline script, no eval
        assert csp["style-src"] == ["'self'"], path
        assert csp["img-src"] == ["'self'", "data:"], path
        assert csp["media-src"] == ["'self'"], path
        assert csp["frame-ancestors"] == ["'none'"], path
        assert csp["form-action"] == ["'self'"], path
        assert csp["base-uri"] == ["'self'"], path
        assert csp["object-src"] == ["'none'"], path
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["Referrer-Policy"] == "same-origin", path
        assert response["X-Frame-Options"] == "DENY", path
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", path


def test_public_pages_carry_no_inline_script_or_style(client, public_paths):
    for path in public_paths:
        html = client.get(path).content.decode()
        scripts = html.split("<script")[1:]
        for script in scripts:
            opening = script.split(">", 1)[0]
            # A data block (JSON-LD) never runs; anything else must come from a file.
            assert " src=" in opening or 'type="application/ld+json"' in opening, (path, opening)
        assert " style=" not in html and "<style" not in html, path


def test_hsts_is_sent_over_https_with_the_production_values(client, agency_a):
    with override_settings(
        SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SECURE_HSTS_PRELOAD=True
    ):
        response = client.get("/", secure=True)

    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")


def test_cookies_are_httponly_and_samesite_lax(client, agency_a):
    information_request, code = make_request(agency_a)
    form = client.get("/ppid/lacak/")
    tracked = client.post("/ppid/lacak/", {"number": information_request.number, "code": code})
    language = client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    csrf = form.cookies["csrftoken"]
    session = tracked.cookies["sessionid"]
    chosen = language.cookies["lontar_bahasa"]
    for cookie in (csrf, session, chosen):
        assert cookie["httponly"] is True, cookie.key
        assert cookie["samesite"] == "Lax", cookie.key


@override_settings(SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True, LANGUAGE_COOKIE_SECURE=True)
def test_cookies_are_secure_when_served_over_https(client, agency_a):
    form = client.get("/ppid/permohonan/baru/", secure=True)
    language = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, secure=True)

    assert form.cookies["csrftoken"]["secure"] is True
    assert language.cookies["lontar_bahasa"]["secure"] is True


def _no_store(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


def test_request_receipt_and_tracking_pages_are_never_stored(
    client, agency_a, django_capture_on_commit_callbacks
):
    assert _no_store(client.get("/ppid/permohonan/baru/"))
    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post("/ppid/permohonan/baru/", form_data(), follow=True)
    assert submitted.redirect_chain[-1][0] == "/ppid/permohonan/terkirim/"
    assert _no_store(submitted)
    receipt_pdf = client.get("/ppid/permohonan/terkirim/tanda-terima.pdf")
    assert receipt_pdf.status_code == 200 and _no_store(receipt_pdf)

    information_request, code = make_request(agency_a)
    visitor = Client()
    assert _no_store(visitor.get("/ppid/lacak/"))
    found = visitor.post(
        "/ppid/lacak/", {"number": information_request.number, "code": code}, follow=True
    )
    assert information_request.number in found.content.decode()
    assert _no_store(found)


def test_admin_pages_are_never_stored(client, agency_a, editor, ppid_officer_a):
    assert _no_store(client.get("/admin/login/"))
    client.force_login(editor)
    for path in ("/admin/", f"/admin/pages/{agency_a.site.root_page_id}/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert _no_store(response), path
    client.force_login(ppid_officer_a)
    queue = client.get("/admin/ppid/permohonan/")
    assert queue.status_code == 200 and _no_store(queue)


def test_public_pages_stay_cacheable(client, public_paths):
    for path in ("/", public_paths[2], "/ppid/", "/ppid/register/"):
        assert "no-store" not in client.get(path).get("Cache-Control", ""), path


def test_only_the_framing_directive_changes_for_same_origin_framing():
    policy = "default-src 'self'; frame-ancestors 'none'; object-src 'none'"

    assert frame_ancestors_self(policy) == (
        "default-src 'self'; object-src 'none'; frame-ancestors 'self'"
    )


def test_admin_gets_its_own_policy_and_cannot_be_framed(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    csp = csp_directives(response)

    assert "'unsafe-inline'" in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_page_preview_renders_framed_by_the_admin_only(client, agency_a, editor):
    index = news_index(agency_a)
    story = article(index, "Pratinjau berita kepegawaian")
    client.force_login(editor)
    preview_url = f"/admin/pages/{story.pk}/edit/preview/"
    edit = client.get(f"/admin/pages/{story.pk}/edit/")
    assert edit.status_code == 200

    form = {
        "title": "Pratinjau berita kepegawaian (disunting)",
        "slug": story.slug,
        "lead": story.lead,
        "date": "2026-03-02",
        "body-count": "0",
        "tags": "",
        "hero_image_alt": "",
        "source": "",
    }
    stored = client.post(preview_url, form)
    assert stored.json()["is_valid"] is True, stored.content
    response = client.get(preview_url)

    assert response.status_code == 200
    assert "Pratinjau berita kepegawaian (disunting)" in response.content.decode()
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    csp = csp_directives(response)
    assert csp["frame-ancestors"] == ["'self'"]
    # The previewed page keeps the public policy it will be served with.
    assert csp["script-src"] == ["'self'"] and csp["object-src"] == ["'none'"]
    assert _no_store(response)
