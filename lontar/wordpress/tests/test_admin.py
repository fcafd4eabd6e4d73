"""The platform admin's import screen: upload, read the dry run, confirm; nobody else gets in."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lontar.news.models import NewsArticlePage
from lontar.wordpress.models import ImportRun
from lontar.wordpress.tests.builder import Entry, wxr

pytestmark = pytest.mark.django_db

SITE = wxr(
    [
        Entry(1, "Rapat koordinasi", "<p>Rapat <b>koordinasi</b> kepegawaian.</p>", slug="rapat"),
        Entry(2, "Promo", "<p>Daftar slot gacor hari ini.</p>", slug="promo"),
        Entry(3, "Formulir", '<p>[wpforms id="9"]</p>', slug="formulir"),
    ]
)


def upload(client, agency, data: bytes = SITE, name: str = "situs.xml"):
    return client.post(
        reverse("wordpress_imports"),
        {"agency": agency.pk, "file": SimpleUploadedFile(name, data, "text/xml")},
    )


def test_upload_dry_run_then_confirm(
    client, platform_admin, agency_b, django_capture_on_commit_callbacks
):
    client.force_login(platform_admin)
    assert client.get(reverse("wordpress_imports")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, agency_b)
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{run.pk}/")
    assert run.status == ImportRun.Status.CHECKED
    assert run.file.storage is not None and "/media/" not in run.file.path
    assert not NewsArticlePage.objects.exists()  # the dry run wrote nothing

    page = client.get(response["Location"]).content.decode()
    assert "Hasil uji coba" in page and "post #2 «Promo»: slot gacor" in page
    assert "[wpforms]" in page and "Jalankan impor" in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"])
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    live = dict(NewsArticlePage.objects.values_list("slug", "live"))
    assert live == {"rapat": True, "promo": False, "formulir": True}
    assert "Hasil impor" in client.get(response["Location"]).content.decode()
    # confirming twice does not run it twice
    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"])
    assert NewsArticlePage.objects.count() == 3


def test_a_file_that_is_not_an_export_is_refused_with_a_message(client, platform_admin, agency_b):
    client.force_login(platform_admin)
    response = upload(client, agency_b, b"<html>bukan</html>")
    assert response.status_code == 200
    assert "bukan ekspor WordPress" in response.content.decode()
    response = upload(client, agency_b, b"x", name="situs.exe")
    assert "Unggah berkas .xml" in response.content.decode()
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize("persona", ["editor", "agency_admin_a", "writer"])
def test_only_platform_admins_may_import(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("wordpress_imports"))
    assert response.status_code in (302, 403)
    assert b"Unggah dan uji coba" not in response.content
