"""An ended event asks its unit to write; one action makes the draft; publishing links it."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from lontar.agencies.models import Unit
from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import staff_member
from lontar.news.models import NewsArticlePage
from lontar.news.tests.helpers import news_index
from lontar.newsroom import services
from lontar.newsroom.models import Prompt
from lontar.programs.tests.helpers import event, indicator, program

WITA = ZoneInfo("Asia/Makassar")
pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(agency_a):
    return Unit.objects.create(agency=agency_a, name="Bidang Mutasi", slug="mutasi")


def test_an_ended_event_prompts_its_units_writers_once_and_a_future_one_does_not(
    agency_a, unit, django_capture_on_commit_callbacks
):
    news_index(agency_a)
    mine = staff_member(agency_a, Role.WRITER, username="penulis-mutasi")
    mine.staff_profile.unit = unit
    mine.staff_profile.save()
    other = staff_member(agency_a, Role.WRITER, username="penulis-lain")
    now = timezone.now()
    ended = event(
        agency_a, when=now - timedelta(hours=5), ends_at=now - timedelta(hours=3), unit=unit
    )
    event(agency_a, title="Rapat nanti", when=now + timedelta(days=2), unit=unit)
    with django_capture_on_commit_callbacks(execute=True):  # mail leaves after commit
        made = services.refresh_and_notify(agency_a)
    assert [p.key for p in made if p.kind == "acara"] == [f"acara:{ended.pk}"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [mine.email] and other.email not in mail.outbox[0].to
    assert ended.title in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        assert services.refresh_and_notify(agency_a) == []  # once
    assert len(mail.outbox) == 1


def test_one_action_makes_a_prefilled_draft_and_publishing_links_the_event(
    client, agency_a, unit, writer, editor
):
    news_index(agency_a)
    writer.staff_profile.unit = unit
    writer.staff_profile.save()
    starts = datetime(2026, 3, 10, 9, 0, tzinfo=WITA)
    ended = event(
        agency_a,
        when=starts,
        ends_at=starts + timedelta(hours=3),
        unit=unit,
        description="Sosialisasi aturan baru manajemen talenta.",
    )
    services.refresh_prompts(agency_a, now=starts + timedelta(days=1))
    prompt = Prompt.objects.get(key=f"acara:{ended.pk}")
    client.force_login(writer)
    home = client.get("/admin/")
    assert ended.title in home.content.decode()
    response = client.post(f"/admin/redaksi/ajakan/{prompt.pk}/tulis/")
    draft = NewsArticlePage.objects.get(title=ended.title)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{draft.pk}/edit/"
    assert not draft.live
    assert draft.date == starts.date()
    assert "Aula Rumah Jabatan Gubernur" in draft.lead and "Bidang Mutasi" in draft.lead
    assert draft.category.name == "Sosialisasi"
    assert draft.source == "Bidang Mutasi"
    assert draft.author == writer.staff_profile
    text = str(draft.body)
    assert f"/agenda/{ended.pk}/" in text and "manajemen talenta" in text
    # Twice opens the same draft.
    client.post(f"/admin/redaksi/ajakan/{prompt.pk}/tulis/")
    assert NewsArticlePage.objects.filter(title=ended.title).count() == 1

    assert "Baca laporan kegiatan" not in client.get(f"/agenda/{ended.pk}/").content.decode()
    draft.save_revision(user=editor).publish(user=editor)
    ended.refresh_from_db()
    prompt.refresh_from_db()
    assert ended.report_id == draft.pk and prompt.status == Prompt.Status.PUBLISHED
    page = client.get(f"/agenda/{ended.pk}/").content.decode()
    assert "Baca laporan kegiatan" in page and draft.url in page


def test_another_agencys_prompt_is_not_found(client, agency_a, agency_b, writer):
    news_index(agency_a)
    starts = timezone.now() - timedelta(days=1)
    other = event(agency_b, when=starts)
    services.refresh_prompts(agency_b)
    prompt = Prompt.objects.get(key=f"acara:{other.pk}")
    client.force_login(writer)
    assert client.post(f"/admin/redaksi/ajakan/{prompt.pk}/tulis/").status_code == 404


def test_a_quarters_realisation_becomes_a_prompt_with_plain_sentences(agency_a):
    now = datetime(2026, 7, 15, 10, tzinfo=WITA)
    prog = program(agency_a, year=2026)
    indicator(prog)
    made = services.refresh_prompts(agency_a, now=now)
    prompt = next(p for p in made if p.kind == "realisasi")
    assert prompt.key == f"realisasi:{prog.pk}:2026-2"
    paragraphs = prompt.suggestion["paragraphs"]
    assert paragraphs[0].startswith(
        "Indikator “ASN yang mengikuti pelatihan” terealisasi 110 orang"
    )
    assert "melampaui target" in paragraphs[0]
