"""The provincial view: every agency under a PPID Utama side by side, recounted from records."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from lontar.agencies.models import Agency
from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import agency_with_site, staff_member
from lontar.objections.tests.helpers import refused_request
from lontar.ppid.tests.helpers import make_request

pytestmark = pytest.mark.django_db
WITA = ZoneInfo("Asia/Makassar")
URL = "/admin/ppid/statistik-provinsi/"


@pytest.fixture
def province(agency_a, agency_b):
    root = agency_with_site(hostname="prov.localhost", short_name="PROV")
    Agency.objects.filter(pk=root.pk).update(ppid_role=Agency.PPIDRole.MAIN, kind="provinsi")
    Agency.objects.filter(pk__in=[agency_a.pk, agency_b.pk]).update(parent=root)
    root.refresh_from_db()
    return root


def test_the_ppid_utama_sees_every_agency_with_its_on_time_rate(
    client, province, agency_a, agency_b, ppid_officer_a
):
    year = 2026
    with time_machine.travel(datetime(2026, 3, 2, 10, tzinfo=WITA)):
        refused_request(agency_a, ppid_officer_a, received_at=datetime(2026, 3, 2, 9, tzinfo=WITA))
    make_request(agency_a, received_at=datetime(2026, 4, 6, 9, tzinfo=WITA))
    make_request(agency_b, received_at=datetime(2026, 5, 4, 9, tzinfo=WITA))
    utama = staff_member(province, Role.PPID_OFFICER, username="ppid-prov")
    client.force_login(utama)
    page = client.get(f"{URL}?tahun={year}")
    assert page.status_code == 200
    html = page.content.decode()
    for agency in (province, agency_a, agency_b):
        assert f'<th scope="row">{agency.name}</th>' in html
    assert "Tepat waktu (%)" in html

    rows = list(
        csv.reader(io.StringIO(client.get(f"{URL[:-1]}.csv?tahun={year}").content.decode()))
    )
    by_name = {row[0]: row for row in rows[1:]}
    header = rows[0]
    a = dict(zip(header, by_name[agency_a.name], strict=True))
    b = dict(zip(header, by_name[agency_b.name], strict=True))
    assert (a["Jumlah permohonan"], a["Telah dijawab"], a["Ditolak"]) == ("2", "1", "1")
    assert a["Tepat waktu (%)"] == "100.0"  # answered on the day it came in
    assert (b["Jumlah permohonan"], b["Telah dijawab"], b["Tepat waktu (%)"]) == ("1", "0", "")


def test_a_ppid_pelaksana_and_other_roles_may_not_open_it(
    client, province, agency_a, ppid_officer_a, editor, platform_admin
):
    client.force_login(ppid_officer_a)  # agency A is a PPID Pelaksana
    assert client.get(URL).status_code in (302, 403)  # Wagtail turns 403 into a redirect
    client.force_login(editor)
    assert client.get(URL).status_code in (302, 403)
    client.force_login(platform_admin)
    assert client.get(URL).status_code == 200
    assert client.get(f"{URL}?instansi=abc").status_code == 400
    assert client.get(f"{URL}?instansi={agency_a.pk}").status_code == 404  # not a PPID Utama
