"""The regulations library as a source of the site search (/cari/)."""

from datetime import date

import pytest

from lontar.regulations.models import LegalDocument
from lontar.regulations.tests.helpers import make_document
from lontar.search.registry import SOURCES

pytestmark = pytest.mark.django_db


def test_registered_source_finds_published_documents_by_their_pdf_text(agency_a, agency_b):
    source = SOURCES["regulasi"]
    assert source.model is LegalDocument
    found = make_document(
        agency_a,
        title="Formasi",
        pdf_text="Kebutuhan analis kepegawaian.",
        promulgated_on=date(2024, 2, 3),
        enacted_on=date(2024, 2, 1),
    )
    make_document(agency_a, title="Draf", pdf_text="analis", is_published=False)
    make_document(agency_b, title="Lain", pdf_text="analis")

    results = list(source.queryset_for_agency(agency_a).search("analis"))

    assert results == [found]
    assert source.url_of(found, None) == f"/regulasi/{found.pk}/"
    assert source.date_of(found) == date(2024, 2, 3)
    assert source.text_of(found).startswith("Peraturan Gubernur Nomor")
    assert str(source.label) == "Regulasi"
