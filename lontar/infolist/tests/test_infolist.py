"""The DIP and DIK pages, their exports, the automatic sources, the stale flag, the banner."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from lontar.core.audit import Actor, events_for
from lontar.core.models import OutboxMessage
from lontar.infolist import jobs, services
from lontar.infolist.categories import is_stale, months_before
from lontar.infolist.models import ExemptInfo, InfoItem, SourceConfirmation, UrgentNotice
from lontar.infolist.selectors import dik_entries_for

pytestmark = pytest.mark.django_db


def item(agency, **overrides) -> InfoItem:
    values = {
        "agency": agency,
        "summary": "Laporan realisasi anggaran 2025",
        "holder": "Subbagian Keuangan",
        "responsible": "Sekretaris",
        "made_when_where": "Januari 2026, Kupang",
        "retention": "10 tahun",
        "category": "berkala",
        "link": "https://contoh.go.id/lra-2025.pdf",
        "last_updated": date(2026, 1, 15),
        **overrides,
    }
    return InfoItem.objects.create(**values)


def test_six_months_without_update_makes_periodic_information_stale():
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert is_stale("berkala", date(2026, 5, 30), date(2026, 11, 30))
    assert not is_stale("berkala", date(2026, 6, 1), date(2026, 11, 30))
    assert not is_stale("setiap_saat", date(2020, 1, 1), date(2026, 11, 30))


def test_the_dip_lists_the_seven_columns_and_filters_and_searches(client, agency_a):
    item(agency_a)
    item(agency_a, summary="Prosedur evakuasi gedung", category="setiap_saat")
    page = client.get("/ppid/dip/").content.decode()
    for heading in (
        "Ringkasan isi informasi",
        "Pejabat/unit yang menguasai informasi",
        "Penanggung jawab pembuatan/penerbitan",
        "Waktu dan tempat pembuatan",
        "Bentuk informasi",
        "Jangka waktu penyimpanan",
    ):
        assert heading in page
    assert "Laporan realisasi anggaran" in page and "Prosedur evakuasi" in page
    only = client.get("/ppid/dip/?kategori=setiap_saat").content.decode()
    assert "Prosedur evakuasi" in only and "Laporan realisasi" not in only
    found = client.get("/ppid/dip/?q=evakuasi").content.decode()
    assert "Prosedur evakuasi" in found and "Laporan realisasi" not in found
    assert client.get("/ppid/dip/?kategori=rahasia").status_code == 400
    assert client.get("/ppid/dip/?q=" + "x" * 101).status_code == 400
    for junk in ("\x00", "a\x00b"):  # a NUL would reach SQL, and PostgreSQL refuses it
        response = client.get("/ppid/dip/", {"q": junk})
        assert response.status_code == 400 and "tidak diizinkan" in response.content.decode()
        assert client.get("/ppid/dip.xlsx", {"q": junk}).status_code == 400


def test_what_the_portal_publishes_appears_with_a_category_confirmed_once(
    client, agency_a, ppid_officer_a
):
    from lontar.regulations.models import LegalDocument

    LegalDocument.objects.create(
        agency=agency_a,
        kind="Peraturan Gubernur",
        year=2025,
        title="Tata kelola arsip",
        is_published=True,
    )
    page = client.get("/ppid/dip/").content.decode()
    assert "Tata kelola arsip" in page and "Register keberatan" in page
    services.confirm_source(agency_a, "regulasi", "berkala", actor=Actor(user=ppid_officer_a))
    assert SourceConfirmation.objects.get().category == "berkala"
    assert "Tata kelola arsip" in client.get("/ppid/dip/?kategori=berkala").content.decode()
    with pytest.raises(Exception, match="sudah dikonfirmasi"):
        services.confirm_source(
            agency_a, "regulasi", "setiap_saat", actor=Actor(user=ppid_officer_a)
        )


def test_the_dip_exports_as_xlsx_safe_from_formulas_and_as_pdf(client, agency_a):
    item(agency_a, summary='=HYPERLINK("http://jahat.example","klik")')
    xlsx = client.get("/ppid/dip.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][1] == "Ringkasan isi informasi"
    cells = [row[1] for row in rows[2:]]
    assert '\'=HYPERLINK("http://jahat.example","klik")' in cells
    pdf = client.get("/ppid/dip.pdf")
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Daftar Informasi Publik" in text and "HYPERLINK" in text


def test_the_dik_shows_the_consequence_test_and_the_selector_serves_ppid(
    client, agency_a, agency_b
):
    ExemptInfo.objects.create(
        agency=agency_a,
        description="Berkas pemeriksaan disiplin pegawai",
        ground="h",
        consequence_analysis="Membuka berkas merugikan pegawai yang diperiksa.",
        duration_note="Selama pegawai masih hidup",
        decided_by="Sekretaris Daerah selaku Atasan PPID",
        decision_number="800/12/DIK/2026",
        decided_on=date(2026, 2, 1),
    )
    page = client.get("/ppid/dik/").content.decode()
    assert "Pasal 17 huruf h" in page and "800/12/DIK/2026" in page
    assert "Membuka berkas merugikan" in page
    assert dik_entries_for(agency_a).count() == 1 and dik_entries_for(agency_b).count() == 0


def test_stale_periodic_items_are_flagged_to_the_ppid_once_a_month(agency_a, ppid_officer_a):
    stale = item(agency_a, last_updated=date(2026, 3, 1))
    item(agency_a, summary="Segar", last_updated=date(2026, 11, 1))
    assert jobs.flag_stale_for(agency_a, date(2026, 11, 30)) == 1
    assert jobs.flag_stale_for(agency_a, date(2026, 12, 1)) == 0  # not again the next day
    stale.refresh_from_db()
    assert stale.stale_flagged_on == date(2026, 11, 30)
    queued = OutboxMessage.objects.filter(key__startswith="infolist.stale")
    assert queued.count() == 1


def test_a_serta_merta_notice_shows_on_every_page_with_proof_of_publication(
    client, agency_a, ppid_officer_a
):
    notice = UrgentNotice.objects.create(
        agency=agency_a, title="Banjir di Kelurahan Oesapa", body="Hindari Jalan Timor Raya."
    )
    assert "Banjir di Kelurahan Oesapa" not in client.get("/ppid/dip/").content.decode()
    services.publish_notice(notice, actor=Actor(user=ppid_officer_a))
    notice.refresh_from_db()
    assert notice.published_at is not None and len(notice.proof_digest) == 64
    assert notice.proof_digest == services.proof_digest(notice)
    for path in ("/", "/ppid/dip/", "/ppid/keberatan/baru/"):
        assert "Banjir di Kelurahan Oesapa" in client.get(path).content.decode(), path
    assert notice.proof_digest in client.get("/ppid/serta-merta/").content.decode()
    services.withdraw_notice(notice, actor=Actor(user=ppid_officer_a))
    assert "Banjir di Kelurahan Oesapa" not in client.get("/ppid/dip/").content.decode()
    assert [e.action for e in events_for(notice)] == [
        "infolist.publish_notice",
        "infolist.withdraw_notice",
    ]


def test_the_dip_is_a_live_open_data_table(agency_a):
    from lontar.opendata.generators import GENERATORS

    item(agency_a)
    columns, rows = GENERATORS["dip"].generate(agency_a)
    assert columns[0] == "ringkasan" and "kategori" in columns
    assert any(row[0] == "Laporan realisasi anggaran 2025" and row[6] == "berkala" for row in rows)


def test_the_sitemap_lists_the_dip_and_dik_once_they_have_entries(client, agency_a, agency_b):
    from defusedxml import ElementTree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = client.get("/sitemap.xml").content
    assert b"sitemap-dip-1.xml" not in index  # no list yet, no section

    item(agency_a, last_updated=date(2026, 3, 2))
    ExemptInfo.objects.create(
        agency=agency_a,
        description="Berkas pemeriksaan disiplin pegawai",
        ground="h",
        consequence_analysis="Membuka berkas merugikan pegawai yang diperiksa.",
        duration_note="Selama pegawai masih hidup",
        decided_by="Sekretaris Daerah selaku Atasan PPID",
        decision_number="800/12/DIK/2026",
        decided_on=date(2026, 2, 1),
    )
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    locs = [node.findtext("s:loc", namespaces=ns) for node in root.findall("s:sitemap", ns)]
    [dip_part] = [loc for loc in locs if loc.endswith("/sitemap-dip-1.xml")]
    part = ElementTree.fromstring(client.get("/sitemap-dip-1.xml").content)
    urls = {
        node.findtext("s:loc", namespaces=ns): node.findtext("s:lastmod", namespaces=ns)
        for node in part.findall("s:url", ns)
    }
    base = agency_a.base_url
    assert dip_part.startswith(base)
    assert urls == {f"{base}/ppid/dip/": "2026-03-02", f"{base}/ppid/dik/": "2026-02-01"}
    other = client.get("/sitemap.xml", HTTP_HOST="dinas-b.localhost").content
    assert b"sitemap-dip-1.xml" not in other  # agency B keeps no list


def test_a_dip_page_reads_only_its_window_of_each_source():
    from lontar.infolist.selectors import DipRows, _Group

    read: list[slice] = []

    class Source(list):
        def __getitem__(self, window):
            read.append(window)
            return list.__getitem__(self, window)

    rows = DipRows.__new__(DipRows)  # the groups as three sources would give them
    rows.groups = [
        _Group(Source(range(3)), str),
        _Group(Source(range(10, 15)), str),
        _Group(Source(range(20, 30)), str),
    ]
    assert rows.count() == 18
    assert rows[2:5] == ["2", "10", "11"]
    assert read == [slice(2, 3), slice(0, 2)]  # the third source is never read
    assert rows[16:50] == ["28", "29"] and list(rows)[-1] == "29"
