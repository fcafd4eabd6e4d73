"""An FAQ answer many readers found helpful asks to be told as a story."""

import pytest

from lontar.news.models import NewsArticlePage
from lontar.news.tests.helpers import news_index
from lontar.newsroom import services
from lontar.newsroom.models import Prompt
from lontar.qna.models import Status
from lontar.qna.tests.helpers import make_question

pytestmark = pytest.mark.django_db


def _published(agency, text: str, yes: int, no: int, **extra):
    return make_question(
        agency,
        text=text,
        status=Status.PUBLISHED,
        answer_text=f"Jawaban untuk: {text}",
        helpful_yes=yes,
        helpful_no=no,
        **extra,
    )


def _faq_keys(agency) -> list[str]:
    return sorted(p.key for p in services.refresh_prompts(agency) if p.kind == "faq")


def test_ten_helpful_votes_and_twice_the_no_votes_prompt_once(agency_a):
    ten = _published(agency_a, "Bagaimana cara mengajukan cuti besar?", 10, 5)
    nine = _published(agency_a, "Kapan kenaikan pangkat reguler?", 9, 0)
    split = _published(agency_a, "Apakah tunjangan dibayar saat cuti?", 12, 7)  # 12 < 2 × 7
    unpublished = make_question(
        agency_a, text="Pertanyaan baru", status=Status.NEW, helpful_yes=30, helpful_no=0
    )
    assert _faq_keys(agency_a) == [f"faq:{ten.pk}"]
    assert _faq_keys(agency_a) == []  # once
    assert Prompt.objects.filter(key=f"faq:{ten.pk}").count() == 1
    others = [f"faq:{q.pk}" for q in (nine, split, unpublished)]
    assert not Prompt.objects.filter(key__in=others).exists()


def test_another_agencys_helpful_answer_does_not_prompt(agency_a, agency_b):
    _published(agency_b, "Pertanyaan instansi lain?", 40, 0)
    assert _faq_keys(agency_a) == []


def test_one_action_makes_a_draft_with_the_question_answer_and_a_link_back(
    client, agency_a, writer
):
    news_index(agency_a)
    question = make_question(
        agency_a,
        text="Berapa lama cuti besar bagi guru?",
        status=Status.PUBLISHED,
        answer_text="Cuti besar paling lama tiga bulan dan diberikan setelah lima tahun bekerja.",
        helpful_yes=14,
        helpful_no=2,
    )
    services.refresh_prompts(agency_a)
    prompt = Prompt.objects.get(key=f"faq:{question.pk}")
    assert "14" in prompt.prompt and "cuti besar bagi guru" in prompt.prompt
    client.force_login(writer)
    assert question.public_question in client.get("/admin/redaksi/ajakan/").content.decode()
    response = client.post(f"/admin/redaksi/ajakan/{prompt.pk}/tulis/")
    prompt.refresh_from_db()
    draft = NewsArticlePage.objects.get(pk=prompt.article_id)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{draft.pk}/edit/"
    assert not draft.live
    assert draft.title == "Berapa lama cuti besar bagi guru?"
    text = str(draft.body)
    assert "Berapa lama cuti besar bagi guru?" in text
    assert "paling lama tiga bulan dan diberikan setelah lima tahun bekerja" in text
    assert question.get_absolute_url() in text
    client.post(f"/admin/redaksi/ajakan/{prompt.pk}/tulis/")
    assert NewsArticlePage.objects.filter(title=draft.title).count() == 1
