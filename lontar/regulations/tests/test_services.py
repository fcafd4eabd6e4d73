"""Recording relations updates stored statuses; PDF text is extracted on upload."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from lontar.regulations import services
from lontar.regulations.models import DocumentRelation, LegalDocument
from lontar.regulations.tests.helpers import make_document, make_pdf

pytestmark = pytest.mark.django_db


def _status(document):
    return LegalDocument.objects.get(pk=document.pk).status


def test_recording_a_revocation_makes_the_old_document_not_in_force(agency_a):
    old, new = make_document(agency_a, year=2018), make_document(agency_a, year=2023)
    services.record_relation(source=new, kind="mencabut", target=old)
    assert _status(old) == "tidak_berlaku"
    assert _status(new) == "berlaku"


def test_status_propagates_through_an_amendment_chain_and_back(agency_a):
    original = make_document(agency_a, year=2015)
    first = make_document(agency_a, year=2017)
    second = make_document(agency_a, year=2019)
    services.record_relation(source=first, kind="mengubah", target=original)
    services.record_relation(source=second, kind="mengubah", target=first)
    assert [_status(d) for d in (original, first, second)] == ["diubah", "diubah", "berlaku"]

    revoker = make_document(agency_a, year=2024)
    relation = services.record_relation(source=revoker, kind="mencabut", target=original)
    assert [_status(d) for d in (original, first, second)] == ["tidak_berlaku"] * 3

    services.remove_relation(relation)
    assert [_status(d) for d in (original, first, second)] == ["diubah", "diubah", "berlaku"]


def test_relations_stay_inside_one_agency(agency_a, agency_b):
    ours, theirs = make_document(agency_a), make_document(agency_b)
    with pytest.raises(ValidationError):
        services.record_relation(source=theirs, kind="mencabut", target=ours)
    assert not DocumentRelation.objects.exists()
    assert _status(ours) == "berlaku"


def test_a_document_cannot_relate_to_itself(agency_a):
    document = make_document(agency_a)
    with pytest.raises(ValidationError):
        services.record_relation(source=document, kind="mengubah", target=document)


def test_pdf_text_is_extracted_when_uploaded_and_replaced(agency_a):
    document = make_document(agency_a, pdf_text="Pegawai wajib menaati jam kerja kedinasan.")
    assert "jam kerja kedinasan" in document.extracted_text

    document.file.save("baru.pdf", ContentFile(make_pdf("Ketentuan cuti tahunan.")), save=True)
    assert services.update_extracted_text(document) is True
    assert "cuti tahunan" in document.extracted_text
    assert "jam kerja" not in document.extracted_text
    assert services.update_extracted_text(document) is False  # same file: nothing to do


def test_a_broken_pdf_gives_no_text_instead_of_failing(agency_a):
    assert services.extract_pdf_text(b"%PDF-1.4 this is not really a pdf") == ""


def test_downloads_are_counted(agency_a):
    document = make_document(agency_a)
    services.count_download(document)
    services.count_download(document)
    assert LegalDocument.objects.get(pk=document.pk).download_count == 2
