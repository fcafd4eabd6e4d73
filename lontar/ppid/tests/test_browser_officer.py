"""An officer opens a request in the admin, assigns it, extends it and answers it in part."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page

from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import UnitFactory, staff_member
from lontar.ppid.models import InformationRequest
from lontar.ppid.states import Decision, Status
from lontar.ppid.tests.helpers import NIK, make_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-123"  # UserFactory's


@pytest.fixture
def wagtail_roots(transactional_db):
    """A transactional test run before this one flushes the roots Wagtail's migrations made."""
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root")


def test_officer_assigns_extends_and_answers_with_a_partial_grant_and_a_document(
    wagtail_roots, browser_page, agency_a, tmp_path
):
    officer = staff_member(agency_a, Role.PPID_OFFICER, username="petugas-ppid")
    unit = UnitFactory(agency=agency_a, name="Bidang Pengadaan Pegawai")
    request, _ = make_request(agency_a, received_at=timezone.now() - timedelta(hours=1))
    document = tmp_path / "rekap-formasi.pdf"
    document.write_bytes(b"%PDF-1.4\n% rekap formasi\n")
    page = browser_page

    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(officer.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")

    page.goto("/admin/ppid/permohonan/")
    page.get_by_role("link", name=request.number).click()
    page.wait_for_url(f"**/admin/ppid/permohonan/{request.pk}/")
    assert NIK not in page.content()

    assign = page.locator("form[data-action=assign]")
    assign.get_by_label("Unit pengolah (PPID Pelaksana)").select_option(str(unit.pk))
    assign.get_by_label("Catatan disposisi").fill("Mohon siapkan rekap formasi per jabatan.")
    assign.get_by_role("button", name="Teruskan ke unit").click()
    page.get_by_text("Permohonan diteruskan ke unit pengolah.").first.wait_for()

    extend = page.locator("form[data-action=extend]")
    extend.get_by_label("Alasan perpanjangan").fill(
        "Data formasi tersebar di tiga bidang dan perlu dihimpun terlebih dahulu."
    )
    extend.get_by_role("button", name="Perpanjang").click()
    page.get_by_text("Jangka waktu permohonan diperpanjang.").first.wait_for()

    answer = page.locator("form[data-action=answer]")
    answer.get_by_label("Diberikan sebagian").check()
    answer.get_by_label("Materi informasi yang diberikan").fill("Rekap formasi CPNS 2026.")
    answer.get_by_label("Dasar pengecualian (Pasal 17)").select_option("Pasal 17 huruf h")
    answer.get_by_label("Uji konsekuensi").fill(
        "Nama peserta adalah data pribadi; membukanya merugikan peserta lebih dari manfaatnya."
    )
    answer.get_by_label("Bagian yang dihitamkan dan alasannya").fill("Nama peserta dihitamkan.")
    answer.get_by_label("Dokumen yang diberikan").set_input_files(str(document))
    answer.get_by_role("button", name="Simpan jawaban dan kirim pemberitahuan").click()
    page.get_by_text("Pemberitahuan tertulis dibuat").first.wait_for()

    request = InformationRequest.objects.get(pk=request.pk)
    assert request.status == Status.ANSWERED and request.decision == Decision.PARTLY
    assert request.assigned_unit == unit and request.extended_at is not None
    assert list(request.events.values_list("kind", flat=True)) == [
        "registered",
        "assigned",
        "extended",
        "answered",
    ]
    assert all(event.actor == officer for event in request.events.exclude(kind="registered"))
    assert request.documents.get().title == "rekap-formasi.pdf"

    with page.expect_download() as info:
        page.get_by_role("link", name="Pemberitahuan tertulis (PDF)").click()
    with open(info.value.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"
