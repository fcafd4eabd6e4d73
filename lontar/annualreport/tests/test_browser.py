"""The public report pages at 320 px without horizontal scrolling, axe-clean, without JS."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from lontar.annualreport import services
from lontar.annualreport.demo import NARRATIVE
from lontar.core.audit import Actor
from lontar.core.tests.test_browser_citizens import _axe, _overflow
from lontar.ppid.tests.helpers import make_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_report_pages_reflow_at_320_and_pass_axe(_chromium, live_server, agency_a):
    make_request(agency_a, received_at=datetime(2025, 5, 5, 9, tzinfo=ZoneInfo("Asia/Makassar")))
    report = services.draft_for(agency_a, 2025)
    services.save_narrative(report, NARRATIVE, actor=Actor())
    services.publish(report, actor=Actor())

    context = _chromium.new_context(
        base_url=live_server.url, bypass_csp=True, java_script_enabled=True
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems = []
    for path in ("/ppid/laporan-layanan/", "/ppid/laporan-layanan/2025/"):
        page.set_viewport_size({"width": 320, "height": 740})
        page.goto(path)
        if overflow := _overflow(page):
            problems.append(f"320 {path} {overflow}")
        problems += [f"320 {path} {v}" for v in _axe(page)]
    assert page.get_by_role("heading", name="a. Gambaran umum kebijakan").count() == 1
    context.close()
    # Without JavaScript the same content is there (nothing is drawn by scripts).
    context = _chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/ppid/laporan-layanan/")
    page.get_by_role("link", name="Laporan tahun 2025").click()
    assert page.get_by_role("heading", name="f. Rekomendasi dan rencana tindak lanjut").count()
    context.close()
    assert not problems, "\n".join(problems)
