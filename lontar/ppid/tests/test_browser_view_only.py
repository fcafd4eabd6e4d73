"""In a real browser without JavaScript: the delivery question disappears when the requester
only wants to see the information, comes back for a copy, and a view-only request is filed
without answering it (issue 21 §4)."""

from __future__ import annotations

import pytest

from lontar.ppid.models import InformationRequest
from lontar.ppid.tests.helpers import NIK

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_viewer_is_not_asked_how_copies_are_delivered(agency_a, _chromium, live_server):
    context = _chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/ppid/permohonan/baru/")
    question = page.locator("[data-copies-only]")

    page.get_by_label("Salinan cetak (hardcopy)").check()
    assert question.is_visible()
    page.get_by_label("Melihat/membaca/mendengarkan/mencatat").check()
    assert question.is_hidden()

    page.get_by_label("Nama lengkap").fill("Rina Hanya Melihat")
    page.get_by_label("NIK (sesuai KTP)").fill(NIK)
    page.get_by_label("Alamat").fill("Jalan Melati 1, Kota Uji")
    page.get_by_label("Nomor telepon/HP").fill("081234567890")
    page.get_by_label("Rincian informasi yang diminta").fill("Peta jalan rusak 2026")
    page.get_by_label("Tujuan penggunaan informasi").fill("Laporan warga")
    page.get_by_label("Saya menyetujui pemrosesan data pribadi").check()
    page.wait_for_timeout(3100)  # a person takes longer than the anti-bot minimum
    page.get_by_role("button", name="Kirim permohonan").click()
    page.wait_for_url("**/terkirim/")
    stored = InformationRequest.objects.get(name="Rina Hanya Melihat")
    assert (stored.obtain_method, stored.delivery_method) == ("melihat", "")
    context.close()
