"""The PPID officer's dashboard shows what is overdue, what falls due and what waits on a unit."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from lontar.ppid.tests.helpers import make_request

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")


def test_officer_sees_overdue_and_due_soon_requests(client, agency_a, ppid_officer_a, time_machine):
    time_machine.move_to(datetime(2026, 11, 30, 10, 0, tzinfo=WITA))
    old, _code = make_request(agency_a, received_at=datetime(2026, 11, 2, 9, 0, tzinfo=WITA))
    new, _code = make_request(agency_a, received_at=datetime(2026, 11, 27, 9, 0, tzinfo=WITA))
    client.force_login(ppid_officer_a)
    html = client.get("/admin/").content.decode()
    assert "Lewat batas waktu (1)" in html
    overdue_part = html.split("Lewat batas waktu")[1].split("Jatuh tempo")[0]
    assert old.number in overdue_part and new.number not in overdue_part
    assert "Menunggu unit kerja (0)" in html
    assert f"/admin/ppid/permohonan/{old.pk}/" in html


def test_writers_see_no_request_panel(client, agency_a, writer):
    make_request(agency_a)
    client.force_login(writer)
    assert "Lewat batas waktu" not in client.get("/admin/").content.decode()
