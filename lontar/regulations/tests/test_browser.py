"""A visitor finds a revoked regulation, follows it to the newer one and downloads the PDF."""

import pytest

from lontar.regulations import services
from lontar.regulations.models import LegalDocument
from lontar.regulations.tests.helpers import make_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def wagtail_roots(transactional_db):
    """An earlier transactional test's flush removes the tree roots Wagtail's migrations made."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root")


def test_visitor_filters_opens_a_revoked_regulation_follows_the_link_and_downloads(
    wagtail_roots, browser_page, agency_a
):
    old = make_document(agency_a, number="12", year=2012, title="Disiplin Pegawai Negeri Sipil")
    new = make_document(
        agency_a,
        number="18",
        year=2022,
        title="Disiplin Aparatur Sipil Negara",
        pdf_text="Setiap pegawai wajib menaati ketentuan disiplin.",
    )
    make_document(agency_a, number="3", year=2012, title="Cuti Pegawai", kind="Keputusan Gubernur")
    make_document(agency_a, year=2012, title="Himpunan Peraturan", document_type="monografi")
    services.record_relation(source=new, kind="mencabut", target=old)
    page = browser_page

    page.goto("/regulasi/")
    page.get_by_text("Saringan lainnya").click()  # the filters beyond the keyword are folded
    page.get_by_label("Tipe dokumen").select_option("peraturan")
    page.get_by_label("Tahun").select_option("2012")
    page.get_by_role("button", name="Terapkan").click()
    page.wait_for_url("**/regulasi/?*tahun=2012*")
    results = page.locator(".reg-item")
    assert results.count() == 2
    assert "Tidak berlaku" in results.filter(has_text="Disiplin Pegawai").inner_text()

    page.get_by_role("link", name="Pergub Nomor 12 Tahun 2012").click()
    page.wait_for_url(f"**/regulasi/{old.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Pergub Nomor 12 Tahun 2012"
    assert page.get_by_text("Tidak berlaku").first.is_visible()

    page.locator("main").get_by_role("link", name="Pergub Nomor 18 Tahun 2022").first.click()
    page.wait_for_url(f"**/regulasi/{new.pk}/")
    assert "Berlaku" in page.locator(".reg-status").first.inner_text()

    with page.expect_download() as info:
        page.get_by_role("link", name="Unduh PDF").click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"
    assert LegalDocument.objects.get(pk=new.pk).download_count == 1
