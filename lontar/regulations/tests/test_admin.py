"""The scoped admin: documents, relations and the import stay inside the user's agency."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lontar.regulations.models import DocumentRelation, LegalDocument
from lontar.regulations.tests.helpers import make_document, make_pdf

pytestmark = pytest.mark.django_db

DOCS = "wagtailsnippets_regulations_legaldocument"
RELATIONS = "wagtailsnippets_regulations_documentrelation"
IMPORT = "regulations_import"


def grant_library(user):
    """What roles.py should give Admin Agency (see the report): every regulations permission."""
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="regulations"))
    return user


@pytest.fixture
def admin_a(agency_admin_a):
    return grant_library(agency_admin_a)


@pytest.fixture
def admin_b(agency_admin_b):
    return grant_library(agency_admin_b)


def test_listing_shows_own_agency_only(client, agency_a, agency_b, admin_b):
    make_document(agency_a, title="Milik BKD A")
    make_document(agency_b, title="Milik Dinas B")
    client.force_login(admin_b)
    body = client.get(reverse(f"{DOCS}:list")).content.decode()
    assert "Milik Dinas B" in body and "Milik BKD A" not in body


def test_another_agencys_document_cannot_be_opened(client, agency_a, admin_b):
    theirs = make_document(agency_a)
    client.force_login(admin_b)
    assert client.get(reverse(f"{DOCS}:edit", args=[theirs.pk])).status_code == 404
    assert client.get(reverse(f"{DOCS}:delete", args=[theirs.pk])).status_code == 404


def test_creating_a_document_extracts_its_pdf_text(client, agency_a, admin_a):
    client.force_login(admin_a)
    response = client.post(
        reverse(f"{DOCS}:add"),
        {
            "agency": agency_a.pk,
            "document_type": "peraturan",
            "is_published": "on",
            "kind": "Peraturan Gubernur",
            "kind_abbreviation": "Pergub",
            "number": "11",
            "year": "2025",
            "title": "Jam Kerja ASN",
            "language": "Indonesia",
            "file": SimpleUploadedFile(
                "jam-kerja.pdf",
                make_pdf("Jam kerja dimulai pukul tujuh tiga puluh."),
                content_type="application/pdf",
            ),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    document = LegalDocument.objects.get(number="11")
    assert "tujuh tiga puluh" in document.extracted_text
    assert client.get("/regulasi/", {"q": "tujuh"}).context["page_obj"].object_list[0] == document


def test_the_edit_form_of_a_document_with_a_pdf_opens(client, agency_a, admin_a):
    document = make_document(agency_a, pdf_text="Isi.")
    client.force_login(admin_a)
    assert client.get(reverse(f"{DOCS}:edit", args=[document.pk])).status_code == 200


def test_a_relation_recorded_in_the_admin_updates_the_status(client, agency_a, admin_a):
    old, new = make_document(agency_a, year=2010), make_document(agency_a, year=2020)
    client.force_login(admin_a)
    response = client.post(
        reverse(f"{RELATIONS}:add"), {"source": new.pk, "kind": "mencabut", "target": old.pk}
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.status == "tidak_berlaku"

    relation = DocumentRelation.objects.get()
    client.post(reverse(f"{RELATIONS}:delete", args=[relation.pk]))
    old.refresh_from_db()
    assert old.status == "berlaku"


def test_relation_form_offers_own_documents_only(client, agency_a, agency_b, admin_b):
    ours = make_document(agency_b)
    theirs = make_document(agency_a)
    client.force_login(admin_b)
    form = client.get(reverse(f"{RELATIONS}:add")).context["form"]
    assert list(form.fields["source"].queryset) == [ours]
    response = client.post(
        reverse(f"{RELATIONS}:add"), {"source": ours.pk, "kind": "mencabut", "target": theirs.pk}
    )
    assert response.status_code == 200
    assert not DocumentRelation.objects.exists()


def _upload(client, text: str, *, dry_run: bool, agency):
    data = {"file": SimpleUploadedFile("data.csv", text.encode()), "agency": agency.pk}
    if dry_run:
        data["dry_run"] = "on"
    return client.post(reverse(IMPORT), data)


def test_import_dry_run_then_import(client, agency_a, admin_a):
    client.force_login(admin_a)
    csv = (
        "jenis,nomor,tahun,judul\n"
        "Peraturan Gubernur,1,2020,Cuti\n"
        "Keputusan Gubernur,2,2021,Formasi\n"
    )
    response = _upload(client, csv, dry_run=True, agency=agency_a)
    assert "2 baris siap diimpor" in response.content.decode()
    assert not LegalDocument.objects.exists()
    response = _upload(client, csv, dry_run=False, agency=agency_a)
    assert "2 dokumen berhasil diimpor" in response.content.decode()
    assert LegalDocument.objects.filter(agency=agency_a).count() == 2


def test_import_reports_bad_rows_and_imports_nothing(client, agency_a, admin_a):
    client.force_login(admin_a)
    csv = "jenis,nomor,tahun,judul\nPeraturan Gubernur,1,2020,Cuti\n,2,20x1,\n"
    body = _upload(client, csv, dry_run=False, agency=agency_a).content.decode()
    assert "Tidak ada dokumen yang diimpor" in body
    assert "Tahun harus berupa angka" in body and "Wajib diisi." in body
    assert not LegalDocument.objects.exists()


def test_import_into_another_agency_is_refused(client, agency_a, agency_b, admin_b):
    client.force_login(admin_b)
    response = _upload(client, "jenis,tahun,judul\nPergub,2020,X\n", dry_run=False, agency=agency_a)
    assert response.status_code == 200
    assert "agency" in response.context["form"].errors
    assert not LegalDocument.objects.exists()


def test_import_needs_the_permission(client, editor):
    client.force_login(editor)
    assert client.get(reverse(IMPORT)).status_code in (302, 403)
