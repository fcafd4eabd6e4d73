"""A regulation newly added to the library asks for a story: what changes for ASN."""

from datetime import timedelta

import pytest
from django.utils import timezone

from lontar.news.models import NewsArticlePage
from lontar.news.tests.helpers import news_index
from lontar.newsroom import services
from lontar.newsroom.models import Prompt
from lontar.regulations.models import LegalDocument
from lontar.regulations.tests.helpers import make_document

pytestmark = pytest.mark.django_db


def _added_days_ago(document: LegalDocument, days: int) -> None:
    LegalDocument.objects.filter(pk=document.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )


def _regulation_keys(agency) -> list[str]:
    return [p.key for p in services.refresh_prompts(agency) if p.kind == "regulasi"]


def test_a_regulation_added_29_days_ago_prompts_once_and_31_days_ago_does_not(agency_a):
    fresh = make_document(agency_a, number="7", title="Manajemen Talenta")
    old = make_document(agency_a, number="8", title="Cuti Pegawai")
    hidden = make_document(agency_a, number="9", title="Draf Internal", is_published=False)
    _added_days_ago(fresh, 29)
    _added_days_ago(old, 31)
    assert _regulation_keys(agency_a) == [f"regulasi:{fresh.pk}"]
    assert _regulation_keys(agency_a) == []  # once
    assert Prompt.objects.filter(key=f"regulasi:{fresh.pk}").count() == 1
    assert not Prompt.objects.filter(key__in=[f"regulasi:{old.pk}", f"regulasi:{hidden.pk}"])


def test_another_agencys_regulation_does_not_prompt(agency_a, agency_b):
    make_document(agency_b, number="3", title="Aturan Lain")
    assert _regulation_keys(agency_a) == []


def test_one_action_makes_a_draft_with_the_regulation_and_a_link_back(client, agency_a, writer):
    news_index(agency_a)
    document = make_document(
        agency_a,
        number="12",
        year=2026,
        title="Manajemen Talenta Aparatur Sipil Negara",
        abstract="Mengatur kelompok rencana suksesi bagi jabatan pimpinan tinggi.",
    )
    services.refresh_prompts(agency_a)
    prompt = Prompt.objects.get(key=f"regulasi:{document.pk}")
    assert "Nomor 12 Tahun 2026" in prompt.prompt
    client.force_login(writer)
    assert prompt.title in client.get("/admin/redaksi/ajakan/").content.decode()
    response = client.post(f"/admin/redaksi/ajakan/{prompt.pk}/tulis/")
    prompt.refresh_from_db()
    draft = NewsArticlePage.objects.get(pk=prompt.article_id)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{draft.pk}/edit/"
    assert not draft.live
    assert "Nomor 12 Tahun 2026" in draft.title
    assert "Manajemen Talenta Aparatur Sipil Negara" in draft.lead
    text = str(draft.body)
    assert "Nomor 12 Tahun 2026" in text and "Manajemen Talenta Aparatur Sipil Negara" in text
    assert "rencana suksesi" in text
    assert document.get_absolute_url() in text
    assert draft.category.name == "Regulasi"
    client.post(f"/admin/redaksi/ajakan/{prompt.pk}/tulis/")
    assert NewsArticlePage.objects.filter(title=draft.title).count() == 1
