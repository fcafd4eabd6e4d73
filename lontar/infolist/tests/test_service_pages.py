"""Maklumat and SOP pages with their audio; the DIP in the content API, feeds and admin home."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import feedparser
import pytest
from django.utils import timezone
from mutagen.mp3 import MP3

from lontar.core.audit import Actor
from lontar.infolist import jobs, services, speech
from lontar.infolist.models import InfoItem, ServiceStandard, UrgentNotice

pytestmark = pytest.mark.django_db

TEXTS = {
    "legal_basis": "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik.",
    "procedure": "Pemohon mengisi formulir, petugas mencatat, PPID menjawab secara tertulis.",
    "completion_time": "Paling lambat sepuluh hari kerja, dapat diperpanjang tujuh hari kerja.",
    "fees": "Tidak dipungut biaya; salinan dibayar sesuai standar biaya.",
    "guarantee": "Kami menjamin pelayanan yang cepat, tepat waktu, dan biaya ringan.",
    "evaluation": "Survei kepuasan masyarakat setiap semester dan laporan tahunan.",
}


def standard(agency, **overrides) -> ServiceStandard:
    values = {
        "agency": agency,
        "kind": "maklumat",
        "title": "Maklumat Pelayanan Informasi Publik",
        "statement": "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan.",
        "is_published": True,
        **TEXTS,
        **overrides,
    }
    return ServiceStandard.objects.create(**values)


def test_a_published_maklumat_is_read_aloud_into_a_real_mp3(client, agency_a):
    pledge = standard(agency_a)
    standard(agency_a, kind="sop", title="SOP Pelayanan Permohonan Informasi")
    standard(agency_a, title="Draf maklumat", is_published=False)
    assert jobs.read_service_standards_aloud() == 2
    assert jobs.read_service_standards_aloud() == 0  # the same text is not read again
    pledge.refresh_from_db()
    audio = pledge.audio.read()
    assert MP3(io.BytesIO(audio)).info.length > 1  # it decodes, and it speaks for a while
    assert pledge.audio_seconds > 1 and pledge.audio_error == ""

    page = client.get("/ppid/maklumat/").content.decode()
    assert f'src="{pledge.audio.url}"' in page and "<audio controls" in page
    assert "Unduh audio (MP3)" in page
    for heading in (
        "Dasar hukum",
        "Sistem, mekanisme, dan prosedur",
        "Jangka waktu penyelesaian",
        "Biaya/tarif",
        "Jaminan pelayanan",
        "Evaluasi kinerja",
    ):
        assert heading in page
    assert TEXTS["guarantee"] in page
    assert "Draf maklumat" not in page and "SOP Pelayanan" not in page
    assert "SOP Pelayanan Permohonan Informasi" in client.get("/ppid/sop/").content.decode()

    # A changed text is read again, and the old recording goes.
    old = pledge.audio.name
    pledge.guarantee = "Kami menjamin pelayanan yang ramah."
    pledge.save()
    assert jobs.record_audio(pledge) is True
    pledge.refresh_from_db()
    assert pledge.audio.name != old and not pledge.audio.storage.exists(old)


def test_without_the_speech_engine_the_page_works_and_tells_only_staff(
    client, agency_a, ppid_officer_a, monkeypatch
):
    def missing():
        raise speech.SpeechUnavailable("tidak terpasang")

    monkeypatch.setattr(speech, "_engine", missing)
    monkeypatch.setattr(speech._engine, "cache_clear", lambda: None, raising=False)
    pledge = standard(agency_a)
    assert jobs.record_audio(pledge) is False
    pledge.refresh_from_db()
    assert not pledge.audio and "tidak terpasang" in pledge.audio_error

    public = client.get("/ppid/maklumat/").content.decode()
    assert TEXTS["procedure"] in public
    assert "<audio" not in public and "Mesin suara" not in public and "mesin suara" not in public
    client.force_login(ppid_officer_a)
    staff = client.get("/ppid/maklumat/").content.decode()
    assert "data-speech-missing" in staff and "tidak terpasang" in staff


def test_the_maklumat_and_datasets_join_the_dip_by_themselves(client, agency_a):
    from lontar.opendata.models import Dataset

    standard(agency_a)
    Dataset.objects.create(
        agency=agency_a,
        title="Jumlah pegawai per golongan",
        slug="jumlah-pegawai",
        description="Rekap pegawai.",
        visibility=Dataset.Visibility.PUBLIC,
    )
    page = client.get("/ppid/dip/").content.decode()
    assert "Maklumat Pelayanan Informasi Publik" in page
    assert "Dataset: Jumlah pegawai per golongan" in page
    assert 'href="/data/jumlah-pegawai/"' in page


def test_the_dip_shows_owner_unit_and_next_review_and_joins_the_content_api(client, agency_a):
    from lontar.agencies.models import Unit

    unit = Unit.objects.create(agency=agency_a, name="Subbagian Keuangan")
    InfoItem.objects.create(
        agency=agency_a,
        summary="Laporan realisasi anggaran 2025",
        owner_unit=unit,
        holder="Subbagian Keuangan",
        responsible="Sekretaris",
        made_when_where="Januari 2026, Kupang",
        retention="10 tahun",
        category="berkala",
        link="https://contoh.go.id/lra-2025.pdf",
        last_updated=date(2026, 1, 15),
        next_review=date(2026, 7, 15),
    )
    page = client.get("/ppid/dip/").content.decode()
    assert "Unit pemilik" in page and "Tinjauan berikutnya" in page
    assert "15 Jul 2026" in page

    body = client.get("/api/v1/dip/?category=berkala").json()
    [row] = [r for r in body["results"] if r["summary"] == "Laporan realisasi anggaran 2025"]
    assert row["owner_unit"] == "Subbagian Keuangan" and row["next_review"] == "2026-07-15"
    assert row["url"] == "https://contoh.go.id/lra-2025.pdf"
    assert all(r["category"] == "berkala" for r in body["results"])
    assert client.get("/api/v1/dip/?q=" + "x" * 300).status_code == 400
    assert "/api/v1/dip/" in client.get("/api/v1/openapi.json").content.decode()


def test_a_serta_merta_notice_appears_in_the_agency_news_feed(client, agency_a, ppid_officer_a):
    from lontar.news.tests.helpers import article, news_index

    article(news_index(agency_a), "Berita biasa", on=timezone.localdate() - timedelta(days=3))
    notice = UrgentNotice.objects.create(
        agency=agency_a, title="Banjir di Kelurahan Oesapa", body="Hindari Jalan Timor Raya."
    )
    services.publish_notice(notice, actor=Actor(user=ppid_officer_a))
    for url in ("/berita/feed/rss/", "/berita/feed/atom/"):
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo, feed.bozo_exception
        titles = [entry.title for entry in feed.entries]
        assert titles[0] == "[Serta merta] Banjir di Kelurahan Oesapa", url
        assert "Berita biasa" in titles
        assert feed.entries[0].link.startswith(agency_a.base_url + "/ppid/serta-merta/")
    services.withdraw_notice(notice, actor=Actor(user=ppid_officer_a))
    feed = feedparser.parse(client.get("/berita/feed/rss/").content)
    assert [entry.title for entry in feed.entries] == ["Berita biasa"]


def test_stale_periodic_items_show_on_the_ppid_admin_home(client, agency_a, ppid_officer_a):
    InfoItem.objects.create(
        agency=agency_a,
        summary="Laporan keuangan semester I",
        holder="Keuangan",
        responsible="Sekretaris",
        made_when_where="2025",
        retention="10 tahun",
        category="berkala",
        last_updated=agency_a.today() - timedelta(days=400),
    )
    client.force_login(ppid_officer_a)
    home = client.get("/admin/").content.decode()
    panel = re.search(r"<section class=\"panel dip-stale\".*?</section>", home, re.S)
    assert panel and "Laporan keuangan semester I" in panel.group(0)


def test_the_maklumat_page_runs_a_bounded_number_of_queries(
    client, agency_a, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    standard(agency_a)
    client.get("/ppid/maklumat/")
    with CaptureQueriesContext(connection) as one:
        client.get("/ppid/maklumat/")
    for number in range(3):
        standard(agency_a, title=f"Maklumat {number}")
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get("/ppid/maklumat/")  # more maklumat, not more queries
