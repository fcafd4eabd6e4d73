"""The demo BKD's library: 40+ documents with chains, PDFs with text, a menu item."""

import pytest
from django.core.management import call_command

from lontar.regulations.models import DocumentRelation, LegalDocument

# Each loads the whole demo (a minute on two cores): `make test-extended` runs them; the
# browser tests of `make test` load the same demo and walk its pages.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_library_loads_once_with_chains_and_pdfs(client):
    call_command("load_demo")
    counts = (LegalDocument.objects.count(), DocumentRelation.objects.count())
    call_command("load_demo")
    assert (LegalDocument.objects.count(), DocumentRelation.objects.count()) == counts
    assert counts[0] >= 40

    statuses = dict(LegalDocument.objects.values_list("title", "status").filter(year=2012))
    assert statuses == {"Pedoman Penegakan Disiplin Pegawai Negeri Sipil": "tidak_berlaku"}
    amendment = LegalDocument.objects.get(kind="Peraturan Gubernur", number="7", year=2016)
    assert amendment.status == "tidak_berlaku"  # revoked together with what it amended
    assert LegalDocument.objects.get(number="9", year=2019).status == "diubah"
    assert set(LegalDocument.objects.values_list("document_type", flat=True)) == {
        "peraturan",
        "monografi",
        "artikel",
        "putusan",
    }
    assert not LegalDocument.objects.filter(extracted_text="").exists()

    assert '<a href="/regulasi/">Regulasi</a>' in client.get("/").content.decode()
    listing = client.get("/regulasi/", {"q": "presensi"})
    assert listing.context["page_obj"].paginator.count >= 2
