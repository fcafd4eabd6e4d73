"""The citizen's side: file an objection linked to a request, track it, get the dossier."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest
import time_machine
from pypdf import PdfReader

from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import staff_member
from lontar.core.audit import Actor
from lontar.objections import services
from lontar.objections.models import Objection
from lontar.objections.tests.helpers import WITA, file_objection, form_data, refused_request

pytestmark = pytest.mark.django_db

NEW = "/ppid/keberatan/baru/"


def test_an_objection_linked_to_a_refused_request_gets_a_number_and_a_receipt(
    client, agency_a, ppid_officer_a
):
    request, code = refused_request(agency_a, ppid_officer_a)
    assert client.get(NEW).status_code == 200
    response = client.post(
        NEW, form_data(request_number=request.number, request_code=code.lower()), follow=True
    )
    objection = Objection.objects.get()
    assert objection.information_request == request
    assert objection.grounds == "a"
    page = response.content.decode()
    assert objection.number in page and "Batas tanggapan Atasan PPID" in page
    pdf = client.get("/ppid/keberatan/terkirim/tanda-terima.pdf")
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert objection.number in text and "30 hari kerja" in text


def test_a_wrong_code_for_the_request_is_refused_without_saying_which_is_wrong(
    client, agency_a, ppid_officer_a
):
    request, _code = refused_request(agency_a, ppid_officer_a)
    response = client.post(NEW, form_data(request_number=request.number, request_code="XXXX0000"))
    assert response.status_code == 400
    assert "tidak cocok" in response.content.decode()
    assert not Objection.objects.exists()


def test_grounds_other_than_b_need_a_request_and_b_alone_does_not(client, agency_a):
    refused = client.post(NEW, form_data(grounds=["c"]))
    assert refused.status_code == 400
    assert "memerlukan nomor pendaftaran" in refused.content.decode()
    accepted = client.post(NEW, form_data(grounds=["b"]))
    assert accepted.status_code == 302
    assert Objection.objects.get().information_request is None


def test_junk_in_the_form_is_a_400_with_a_message_not_a_500(client, agency_a):
    response = client.post(NEW, form_data(grounds=["z"], case_summary="x" * 5000))
    assert response.status_code == 400
    assert "ringkasan-kesalahan" in response.content.decode()


def test_an_open_request_within_its_deadline_cannot_be_objected_to_yet(
    client, agency_a, ppid_officer_a
):
    from lontar.ppid.tests.helpers import make_request

    request, code = make_request(agency_a, received_at=agency_a.now())
    response = client.post(NEW, form_data(request_number=request.number, request_code=code))
    assert response.status_code == 400
    assert "masih dalam batas waktu" in response.content.decode()


def _track(client, objection, code):
    return client.post(
        "/ppid/keberatan/lacak/", {"number": objection.number, "code": code}, follow=True
    )


def test_after_an_upheld_refusal_tracking_shows_how_and_by_when_and_the_dossier(
    client, agency_a, ppid_officer_a
):
    atasan = staff_member(agency_a, Role.PPID_SUPERIOR, username="atasan-a")
    request, _ = refused_request(agency_a, ppid_officer_a)
    objection, code = file_objection(agency_a, request)
    with time_machine.travel(datetime(2026, 10, 6, 10, 0, tzinfo=WITA), tick=False):
        before = _track(client, objection, code).content.decode()
        assert "panduan-sengketa" not in before  # still within the Atasan's 30 days
        assert client.get("/ppid/keberatan/lacak/berkas-sengketa.zip").status_code == 404
    with time_machine.travel(datetime(2026, 10, 12, 10, 0, tzinfo=WITA), tick=False):
        services.answer_objection(
            objection,
            services.Answer(
                "menguatkan", "Penolakan sudah tepat menurut Pasal 17.", "Budi", "Sekda"
            ),
            actor=Actor(user=atasan),
        )
        page = _track(client, objection, code).content.decode()
        assert "panduan-sengketa" in page and "30 Oktober 2026" in page
        dossier = client.get("/ppid/keberatan/lacak/berkas-sengketa.zip")
    assert dossier.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(dossier.content))
    assert set(archive.namelist()) == {"berkas-sengketa.pdf", "pemberitahuan-tertulis.pdf"}
    text = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(archive.read("berkas-sengketa.pdf"))).pages
    )
    for part in ("Permohonan informasi", "Pemberitahuan tertulis", "Keberatan", "Tanggapan Atasan"):
        assert part in text
    assert request.number in text and objection.number in text and "Kronologi" in text


def test_the_public_register_shows_no_personal_data(client, agency_a, ppid_officer_a):
    request, _ = refused_request(agency_a, ppid_officer_a)
    objection, _ = file_objection(agency_a, request)
    page = client.get("/ppid/keberatan/register/").content.decode()
    assert objection.number in page and request.number in page
    for personal in ("Maria", "Flamboyan", "081234567890", "tidak termasuk rahasia pribadi"):
        assert personal not in page


def test_the_public_register_pages_its_objections_newest_first(client, agency_a):
    numbers = []
    for day in range(26):
        objection, _ = file_objection(
            agency_a, grounds=("b",), received_at=datetime(2026, 9, 1 + day, 9, 0, tzinfo=WITA)
        )
        numbers.append(objection.number)
    first = client.get("/ppid/keberatan/register/").content.decode()
    assert "Halaman 1 dari 2" in first and 'href="?halaman=2"' in first
    assert numbers[-1] in first and numbers[0] not in first  # 25 a page, the newest first
    second = client.get("/ppid/keberatan/register/", {"halaman": 2}).content.decode()
    assert numbers[0] in second and numbers[-1] not in second and 'href="?halaman=1"' in second


def test_the_register_dates_are_local_and_a_slipped_in_phone_number_is_masked(
    client, agency_a, ppid_officer_a
):
    request, _ = refused_request(agency_a, ppid_officer_a)
    request.public_summary = "Rekap hukuman disiplin, hubungi 081234567890"
    request.save(update_fields=["public_summary"])
    # 00:30 WITA on 6 October is still 5 October in UTC: the register shows the agency's day.
    file_objection(agency_a, request, received_at=datetime(2026, 10, 6, 0, 30, tzinfo=WITA))
    page = client.get("/ppid/keberatan/register/").content.decode()
    assert "<td>6 Okt 2026</td>" in page
    assert "081234567890" not in page and "Rekap hukuman disiplin" in page
