"""The integrity scan catches each planted problem, and a clean site gives no finding."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import override_settings
from fpdf import FPDF
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from lontar.integrity import manifest
from lontar.integrity.models import Finding
from lontar.integrity.services import CODE, CONTENT, RENDERED, run_scan
from lontar.integrity.tests.middleware import CLOAKED_PATH, DRAFT_PATH
from lontar.pages.models import StandardPage

pytestmark = pytest.mark.django_db
Kind = Finding.Kind


@pytest.fixture(autouse=True)
def _media_and_manifest(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.LONTAR_INTEGRITY_MANIFEST = str(tmp_path / "manifest.json")


def pdf_bytes(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def add_page(agency, *, live: bool = True, **fields) -> StandardPage:
    home = agency.site.root_page
    page = StandardPage(**fields)
    home.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
    return page


def open_findings(kind: str | None = None):
    findings = Finding.objects.filter(resolved_at__isnull=True)
    return findings.filter(kind=kind) if kind else findings


def paragraph(html: str) -> list[dict]:
    return [{"type": "paragraph", "value": html}]


def clean_site(agency) -> None:
    """What a BKD publishes: ordinary words that brush against the list must not be caught."""
    add_page(
        agency,
        title="Layanan Konsultasi",
        slug="layanan-konsultasi",
        search_description="Slot waktu layanan konsultasi kepegawaian.",
        body=paragraph(
            "<p>Pilih slot waktu layanan. Kantor Regional di Bandar Lampung. "
            '<a href="https://www.bkn.go.id/">BKN</a></p>'
        ),
    )
    Document = get_document_model()
    Document.objects.create(
        title="Laporan Kinerja 2025",
        file=ContentFile(pdf_bytes("Laporan kinerja: slot waktu ujian dan seleksi."), "lkj.pdf"),
        collection=agency.collection,
    )


def test_a_clean_site_gives_no_finding(agency_a, agency_b):
    clean_site(agency_a)
    manifest.write_manifest()

    result = run_scan()

    assert list(open_findings().values_list("kind", "location", "snippet")) == []
    assert result.opened == []


def test_a_gambling_page_is_caught_in_its_text_and_rendering(agency_a):
    page = add_page(agency_a, title="Slot Gacor Maxwin Hari Ini", slug="info-terbaru")

    run_scan([CONTENT, RENDERED], notify=False)

    findings = open_findings(Kind.KEYWORD).filter(object_id=str(page.pk))
    assert {finding.agency for finding in findings} == {agency_a}
    assert any("slot gacor" in finding.snippet for finding in findings)
    assert any("maxwin" in finding.snippet for finding in findings)
    assert {finding.object_type for finding in findings} == {"wagtailcore.page"}


def test_a_hidden_link_in_rich_text_is_caught(agency_a):
    page = add_page(
        agency_a,
        title="Pengumuman",
        slug="pengumuman",
        body=paragraph(
            '<p>Pengumuman seleksi.<span style="display:none">'
            '<a href="https://pusat-hoki.example/daftar">daftar</a></span></p>'
        ),
    )

    run_scan([CONTENT], notify=False)

    finding = open_findings(Kind.HIDDEN_LINK).get()
    assert finding.object_id == str(page.pk) and "pusat-hoki.example" in finding.snippet
    assert "[body]" in finding.location


def test_a_redirect_to_a_slot_site_is_caught(agency_a):
    Redirect.objects.create(
        site=agency_a.site, old_path="/promo", redirect_link="https://slotgacor88.example/"
    )
    Redirect.objects.create(site=agency_a.site, old_path="/lama", redirect_link="/profil/")

    run_scan([CONTENT], notify=False)

    assert open_findings(Kind.REDIRECT).get().object_repr == "/promo"
    assert open_findings(Kind.EXTERNAL_REDIRECT).get().snippet == "https://slotgacor88.example/"
    assert open_findings().count() == 2


def test_a_pdf_document_saying_slot_gacor_is_caught(agency_a):
    Document = get_document_model()
    document = Document.objects.create(
        title="Laporan Tahunan",
        file=ContentFile(pdf_bytes("Rekap tahunan. Daftar slot gacor terpercaya."), "lap.pdf"),
        collection=agency_a.collection,
    )

    run_scan([CONTENT], notify=False)

    finding = open_findings(Kind.KEYWORD).get()
    assert finding.object_id == str(document.pk) and finding.agency == agency_a
    assert "[PDF]" in finding.location


def test_file_names_and_image_alt_text_are_read(agency_a):
    Image = get_image_model()
    from wagtail.images.tests.utils import get_test_image_file

    Image.objects.create(
        title="Kegiatan",
        description="rtp live malam ini",
        file=get_test_image_file(),
        collection=agency_a.collection,
    )
    get_document_model().objects.create(
        title="Data",
        file=ContentFile(b"a,b\n", "togel-hk.csv"),
        collection=agency_a.collection,
    )

    run_scan([CONTENT], notify=False)

    found = set(open_findings(Kind.KEYWORD).values_list("object_type", "snippet"))
    assert {kind for kind, _ in found} == {"wagtailimages.image", "wagtaildocs.document"}


def test_an_extra_template_and_a_changed_file_are_caught(tmp_path, settings):
    planted = tmp_path / "templates"
    planted.mkdir()
    (planted / "ok.html").write_text("<p>ok</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], planted]}
    ]
    manifest.write_manifest()

    run_scan([CODE], notify=False)
    assert not open_findings().exists()

    (planted / "gacor.html").write_text("<a href='https://slot.example/'>x</a>")
    (planted / "ok.html").write_text("<p>changed</p>")
    run_scan([CODE], notify=False)

    extra = open_findings(Kind.CODE_EXTRA).get()
    assert extra.object_repr.endswith("/gacor.html") and extra.agency is None
    assert open_findings(Kind.CODE_CHANGED).get().object_repr.endswith("/ok.html")


def test_an_extra_python_module_in_the_package_is_caught(tmp_path, monkeypatch):
    package = tmp_path / "lontar"
    package.mkdir()
    (package / "views.py").write_text("x = 1\n")
    monkeypatch.setattr(manifest, "roots", lambda: {"lontar": package})
    manifest.write_manifest()
    (package / "shell.py").write_text("import os\n")

    run_scan([CODE], notify=False)

    assert open_findings(Kind.CODE_EXTRA).get().object_repr == "lontar/shell.py"


def test_a_missing_or_tampered_manifest_is_a_finding(tmp_path):
    run_scan([CODE], notify=False)
    assert open_findings(Kind.MANIFEST).get().snippet == "missing"

    path, _count = manifest.write_manifest()
    path.write_text(path.read_text().replace('"signature": "', '"signature": "0'))
    run_scan([CODE], notify=False)
    assert open_findings(Kind.MANIFEST).filter(snippet="bad signature").exists()


@override_settings(
    MIDDLEWARE=[*settings.MIDDLEWARE, "lontar.integrity.tests.middleware.GooglebotCloak"]
)
def test_a_page_that_answers_googlebot_differently_is_caught(agency_a):
    run_scan([RENDERED], notify=False)

    cloaked = open_findings(Kind.CLOAKING).get()
    assert cloaked.location.endswith(CLOAKED_PATH)
    assert cloaked.snippet.startswith("Googlebot") and "gacor-spam.example" in cloaked.snippet
    assert open_findings(Kind.KEYWORD).filter(object_id=cloaked.object_id).exists()


@override_settings(
    MIDDLEWARE=[*settings.MIDDLEWARE, "lontar.integrity.tests.middleware.ServeDraft"]
)
def test_an_unpublished_page_that_answers_is_caught(agency_a):
    add_page(agency_a, live=False, title="Draf", slug=DRAFT_PATH.strip("/"))
    add_page(agency_a, live=False, title="Draf biasa", slug="draf-biasa")

    run_scan([RENDERED], notify=False)

    assert open_findings(Kind.UNPUBLISHED_REACHABLE).get().location.endswith(DRAFT_PATH)


def test_findings_close_when_fixed_and_mail_goes_out_once(
    agency_a, platform_admin, mailoutbox, django_capture_on_commit_callbacks
):
    platform_admin.email = "platform@example.go.id"
    platform_admin.save()
    manifest.write_manifest()
    page = add_page(agency_a, title="Togel Hari Ini", slug="togel")

    with django_capture_on_commit_callbacks(execute=True):
        first = run_scan()
    with django_capture_on_commit_callbacks(execute=True):
        second = run_scan()

    assert len(first.opened) >= 1 and second.opened == []
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["platform@example.go.id"]
    assert (
        "togel" in mailoutbox[0].body.lower() and "/admin/laporan/integritas/" in mailoutbox[0].body
    )

    page.title = "Informasi Seleksi"
    page.slug = "informasi-seleksi"
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        third = run_scan()
    assert third.resolved >= 1 and not open_findings().exists()
    assert len(mailoutbox) == 1


def test_a_gambling_text_in_a_regulation_outside_the_page_tree_is_caught(agency_a):
    from lontar.regulations.tests.helpers import make_document

    clean = make_document(agency_a, title="Slot Waktu Pelayanan Kepegawaian")
    spam = make_document(
        agency_a,
        title="Perubahan Jam Kerja",
        abstract="Info situs slot gacor maxwin hari ini, deposit pulsa tanpa potongan.",
    )

    run_scan([RENDERED], notify=False)

    findings = open_findings(Kind.KEYWORD).filter(object_type="regulations.legaldocument")
    assert {finding.object_id for finding in findings} == {str(spam.pk)}
    assert {finding.agency for finding in findings} == {agency_a}
    assert any(spam.get_absolute_url() in finding.location for finding in findings)
    assert not open_findings().filter(object_id=str(clean.pk), object_type__startswith="reg")
