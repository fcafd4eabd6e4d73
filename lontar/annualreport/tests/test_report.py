"""The annual report from live records: its numbers equal an independent count, the PDF opens
in a real PDF engine, the XLSX reads back, publishing freezes it and puts it in the DIP."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
import time_machine
from openpyxl import load_workbook

from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import staff_member
from lontar.annualreport.models import AnnualReport
from lontar.core.audit import Actor
from lontar.core.calendar import WorkingCalendar
from lontar.objections import services as objection_services
from lontar.objections.models import DisputeStep, Objection
from lontar.objections.tests.helpers import WITA, file_objection
from lontar.ppid.models import InformationRequest
from lontar.ppid.services import Answer, answer_request, withdraw_request
from lontar.ppid.tests.helpers import make_request

pytestmark = pytest.mark.django_db

CAL = WorkingCalendar()
AFTER_THE_YEAR = datetime(2027, 2, 10, 10, tzinfo=WITA)
NARRATIVE = {
    "facilities": "Ruang layanan PPID di lantai 1 dengan meja layanan dan komputer.",
    "staff": "Tiga petugas PPID, dua berpendidikan S1.",
    "budget": "Rp 25.000.000, terserap 92%.",
    "overview": "Layanan informasi berjalan melalui formulir daring, surat dan loket.",
    "service_note": "",
    "dispute_execution": "Tanggapan Atasan PPID dilaksanakan seluruhnya.",
    "obstacles_external": "Sebagian pemohon belum mengenal layanan daring.",
    "obstacles_internal": "Petugas merangkap tugas lain.",
    "recommendations": "Menambah petugas dan sosialisasi layanan daring pada 2027.",
}


def _world(agency, officer):
    """Six requests of 2026 answered at chosen moments (one withdrawn, one open), objections
    with a dispute that went to mediation and adjudication."""
    atasan = staff_member(agency, Role.PPID_SUPERIOR, username="atasan-ar")
    plan = [  # (received, answered after so many calendar days, decision, channel)
        (datetime(2026, 3, 2, 9, tzinfo=WITA), 3, "diberikan", "web"),
        (datetime(2026, 3, 9, 9, tzinfo=WITA), 20, "ditolak", "surat"),
        (datetime(2026, 6, 1, 9, tzinfo=WITA), 1, "sebagian", "web"),
        (datetime(2026, 8, 3, 9, tzinfo=WITA), 30, "ditolak", "langsung"),
        (datetime(2026, 10, 5, 9, tzinfo=WITA), None, "", "web"),
        (datetime(2026, 10, 6, 9, tzinfo=WITA), "withdraw", "", "web"),
    ]
    refused = None
    for received, after, decision, channel in plan:
        request, _code = make_request(agency, received_at=received)
        InformationRequest.objects.filter(pk=request.pk).update(channel=channel)
        request.channel = channel
        if after is None:
            continue
        if after == "withdraw":
            withdraw_request(request, note="Tidak jadi.", by=officer)
            continue
        with time_machine.travel(received + timedelta(days=after), tick=False):
            answer_request(
                request,
                answer=Answer(
                    decision=decision,
                    material_given="Salinan" if decision != "ditolak" else "",
                    refusal_ground="Pasal 17 huruf h" if decision != "diberikan" else "",
                    consequence_test="Membuka data merugikan orang yang bersangkutan lebih besar.",
                    redaction_note="Nama dihitamkan." if decision == "sebagian" else "",
                ),
                by=officer,
            )
        if decision == "ditolak":
            refused = request
    first, _ = file_objection(agency, refused, received_at=datetime(2026, 9, 1, 9, tzinfo=WITA))
    file_objection(agency, None, grounds=["b"], received_at=datetime(2026, 9, 2, 9, tzinfo=WITA))
    with time_machine.travel(datetime(2026, 9, 10, 10, tzinfo=WITA), tick=False):
        objection_services.answer_objection(
            first,
            objection_services.Answer("menguatkan", "Penolakan sudah tepat.", "Budi", "Sekda"),
            actor=Actor(user=atasan),
        )
    for stage, on, outcome in [
        ("diajukan", date(2026, 9, 20), ""),
        ("mediasi", date(2026, 10, 20), ""),
        ("ajudikasi", date(2026, 12, 1), "dikabulkan_sebagian"),
    ]:
        objection_services.record_dispute_step(
            first, objection_services.Step(stage, on, "", outcome), actor=Actor(user=officer)
        )


def _recount(agency) -> dict:
    """The report's numbers counted again straight from the rows, without the app's code."""
    rows = list(InformationRequest.objects.filter(agency=agency, year=2026))
    answered = [r for r in rows if r.answered_at]
    classes = {"10": 0, "17": 0, "lebih": 0}
    for r in answered:
        days = CAL.working_days_between(
            r.received_at.astimezone(WITA).date(), r.answered_at.astimezone(WITA).date()
        )
        classes["10" if days <= 10 else "17" if days <= 17 else "lebih"] += 1
    objections = list(Objection.objects.filter(agency=agency, year=2026))
    steps = list(DisputeStep.objects.filter(objection__agency=agency))
    return {
        "Jumlah permohonan": len(rows),
        "Telah dijawab (pemberitahuan tertulis)": len(answered),
        "Dipenuhi seluruhnya": sum(r.decision == "diberikan" for r in answered),
        "Dipenuhi sebagian": sum(r.decision == "sebagian" for r in answered),
        "Ditolak": sum(r.decision == "ditolak" for r in answered),
        "Dibatalkan pemohon": sum(r.status == "dibatalkan" for r in rows),
        "Paling lama 10 hari kerja": classes["10"],
        "11–17 hari kerja (dengan perpanjangan)": classes["17"],
        "Lebih dari 17 hari kerja": classes["lebih"],
        "Jumlah keberatan": len(objections),
        "Tanggapan Atasan PPID yang diberikan": sum(bool(o.answered_at) for o in objections),
        "Mediasi": sum(s.stage == "mediasi" for s in steps),
        "Ajudikasi nonlitigasi": sum(s.stage == "ajudikasi" for s in steps),
    }


def _sheet(content: bytes) -> dict:
    book = load_workbook(io.BytesIO(content), read_only=True)
    values = {}
    for row in book["Laporan"].iter_rows(values_only=True):
        if len(row) >= 2 and isinstance(row[0], str) and isinstance(row[1], int):
            values.setdefault(row[0], row[1])
    detail = list(book["Per permohonan"].iter_rows(values_only=True))
    return {"summary": values, "detail": detail}


def _publish(client, officer):
    with time_machine.travel(AFTER_THE_YEAR, tick=False):
        client.force_login(officer)  # the session must be young at the travelled-to time
        response = client.post("/admin/ppid/laporan-tahunan/2026/", NARRATIVE)
        assert response.status_code == 302, response.content.decode()[-2000:]
        response = client.post("/admin/ppid/laporan-tahunan/2026/terbitkan/", {"confirm": "ya"})
        assert response.status_code == 302


def test_published_report_numbers_equal_an_independent_count(
    client, agency_a, ppid_officer_a, tmp_path
):
    """One world for several checks: building it is the slow part."""
    _world(agency_a, ppid_officer_a)
    expected = _recount(agency_a)
    assert expected["Jumlah permohonan"] == 6 and expected["Lebih dari 17 hari kerja"] == 1
    _publish(client, ppid_officer_a)
    report = AnnualReport.objects.get(agency=agency_a, year=2026)
    assert report.is_published and report.published_on == date(2027, 2, 10)

    client.logout()
    page = client.get("/ppid/laporan-layanan/2026/").content.decode()
    for label, value in expected.items():
        assert f'<th scope="row">{label}</th><td>{value}</td>' in page, label
    assert NARRATIVE["recommendations"] in page and "<script" not in page
    assert "Maria" not in page  # no requester's name anywhere

    xlsx = client.get("/ppid/laporan-layanan/2026.xlsx")
    assert xlsx.status_code == 200
    sheet = _sheet(xlsx.content)
    for label, value in expected.items():
        assert sheet["summary"][label] == value, label
    numbers = {row[0] for row in sheet["detail"][1:]}
    assert numbers == set(
        InformationRequest.objects.filter(agency=agency_a, year=2026).values_list(
            "number", flat=True
        )
    )
    _pdf_opens(client, tmp_path)
    _frozen_and_in_the_dip(client, agency_a, ppid_officer_a)


def _pdf_opens(client, tmp_path):
    import pypdfium2 as pdfium

    response = client.get("/ppid/laporan-layanan/2026.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    document = pdfium.PdfDocument(response.content)
    assert len(document) >= 2  # the report and the per-request annex
    text = document[0].get_textpage().get_text_range()
    assert "Laporan Layanan Informasi Publik Tahun 2026" in text
    assert "Gambaran umum kebijakan" in text
    image = document[0].render(scale=1).to_pil()
    png = tmp_path / "page1.png"
    image.save(png)
    assert png.stat().st_size > 5000 and image.size[0] > 500
    assert image.convert("L").getextrema()[0] < 100  # not blank: there is dark text


def _frozen_and_in_the_dip(client, agency_a, ppid_officer_a):
    make_request(agency_a, received_at=datetime(2026, 11, 20, 9, tzinfo=WITA))  # counted later
    page = client.get("/ppid/laporan-layanan/2026/").content.decode()
    assert '<th scope="row">Jumlah permohonan</th><td>6</td>' in page
    listing = client.get("/ppid/laporan-layanan/").content.decode()
    assert "/ppid/laporan-layanan/2026/" in listing
    dip = client.get("/ppid/dip/").content.decode()
    assert "Laporan layanan informasi publik tahun 2026" in dip
    # Published: no more edits.
    with time_machine.travel(AFTER_THE_YEAR, tick=False):
        client.force_login(ppid_officer_a)
        response = client.post("/admin/ppid/laporan-tahunan/2026/", {"overview": "Ganti."})
    assert response.status_code == 400
    assert AnnualReport.objects.get(agency=agency_a, year=2026).overview == NARRATIVE["overview"]


def test_publication_needs_the_year_ended_items_b_and_f_and_the_confirmation(
    client, agency_a, ppid_officer_a
):
    with time_machine.travel(datetime(2026, 11, 10, 10, tzinfo=WITA), tick=False):
        client.force_login(ppid_officer_a)
        client.post("/admin/ppid/laporan-tahunan/2026/", NARRATIVE)
        client.post("/admin/ppid/laporan-tahunan/2026/terbitkan/", {"confirm": "ya"})
    assert not AnnualReport.objects.get(year=2026).is_published
    with time_machine.travel(AFTER_THE_YEAR, tick=False):
        client.force_login(ppid_officer_a)
        client.post("/admin/ppid/laporan-tahunan/2026/", {**NARRATIVE, "recommendations": ""})
        client.post("/admin/ppid/laporan-tahunan/2026/terbitkan/", {"confirm": "ya"})
        assert not AnnualReport.objects.get(year=2026).is_published
        client.post("/admin/ppid/laporan-tahunan/2026/", NARRATIVE)
        client.post("/admin/ppid/laporan-tahunan/2026/terbitkan/", {})
        assert not AnnualReport.objects.get(year=2026).is_published
        too_long = client.post("/admin/ppid/laporan-tahunan/2026/", {"overview": "x" * 7000})
        assert too_long.status_code == 400
    assert client.get("/ppid/laporan-layanan/2026/").status_code == 404


def test_the_draft_preview_and_junk_years(client, agency_a, ppid_officer_a, editor):
    with time_machine.travel(AFTER_THE_YEAR, tick=False):
        client.force_login(ppid_officer_a)
        preview = client.get("/admin/ppid/laporan-tahunan/2026/pratinjau.xlsx")
        assert preview.status_code == 200
        assert "DRAF" in str(_first_cell(preview.content))
        assert client.get("/admin/ppid/laporan-tahunan/2026/pratinjau.doc").status_code == 404
        assert client.get("/admin/ppid/laporan-tahunan/1999/").status_code == 404
        assert client.get("/admin/ppid/laporan-tahunan/2030/").status_code == 404
        assert not AnnualReport.objects.exists()  # looking never writes
    assert client.get("/ppid/laporan-layanan/99999999999/").status_code == 400
    assert client.get("/ppid/laporan-layanan/2025/").status_code == 404
    client.force_login(editor)
    assert client.get("/admin/ppid/laporan-tahunan/2026/").status_code in (302, 403)


def _first_cell(content: bytes) -> object:
    sheet = load_workbook(io.BytesIO(content), read_only=True)["Laporan"]
    return [row[0] for row in sheet.iter_rows(min_row=3, max_row=3, values_only=True)][0]


def test_an_officer_edits_only_the_report_of_their_own_agency(
    client, agency_a, agency_b, ppid_officer_b
):
    with time_machine.travel(AFTER_THE_YEAR, tick=False):
        client.force_login(ppid_officer_b)
        client.post("/admin/ppid/laporan-tahunan/2026/", NARRATIVE)
    assert list(AnnualReport.objects.values_list("agency_id", flat=True)) == [agency_b.pk]


def test_public_list_query_budget(client, agency_a, ppid_officer_a, django_assert_max_num_queries):
    _publish(client, ppid_officer_a)
    client.logout()
    client.get("/ppid/laporan-layanan/")  # warm the navigation cache
    with django_assert_max_num_queries(12):
        page = client.get("/ppid/laporan-layanan/")
    assert page.status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/ppid/laporan-layanan/2026/").status_code == 200
