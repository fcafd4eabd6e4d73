"""T-IN-2 in a real browser: payloads submitted through the public forms never run, neither
for visitors nor for the staff who open them in the admin (no `dialog` event anywhere)."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client

from lontar.core.tests.xss import PAYLOADS
from lontar.ppid.models import InformationRequest
from lontar.ppid.tests.helpers import NIK, PHONE
from lontar.qna.models import Question
from lontar.qna.tests.helpers import grant_question_desk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCRIPTY = [p for p in PAYLOADS if "<" in p][:6]


def _staff_session(page, user, live_server) -> None:
    """Log the browser in as `user` without the login form (its flow is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_payloads_from_public_forms_never_run(
    browser_page, live_server, agency_a, agency_admin_a, ppid_officer_a
):
    page = browser_page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto("/tanya-jawab/tanya/")
    page.get_by_label(re.compile("^Nama")).fill(SCRIPTY[0])
    page.get_by_label(re.compile("^Surel")).fill("yakobus@example.id")
    page.get_by_label(re.compile("^Kategori")).select_option("gaji")
    page.get_by_label(re.compile("^Pertanyaan")).fill(" ".join(SCRIPTY[1:4]))
    page.wait_for_timeout(3100)  # longer than the anti-bot minimum
    page.get_by_role("button", name="Kirim pertanyaan").click()
    page.wait_for_url("**/tanya-jawab/lacak/**")
    question = Question.objects.get()

    page.goto("/ppid/permohonan/baru/")
    page.get_by_label("Nama lengkap").fill(SCRIPTY[4])
    page.get_by_label("NIK (sesuai KTP)").fill(NIK)
    page.get_by_label("Alamat").fill(SCRIPTY[5])
    page.get_by_label("Nomor telepon/HP").fill(PHONE)
    page.get_by_label("Rincian informasi yang diminta").fill(" ".join(SCRIPTY[:3]))
    page.get_by_label("Tujuan penggunaan informasi").fill(" ".join(SCRIPTY[3:]))
    page.get_by_label("Salinan elektronik (softcopy)").check()
    page.get_by_label("Surel", exact=True).last.check()
    page.get_by_label(re.compile("Saya menyetujui pemrosesan")).check()
    page.wait_for_timeout(3100)
    page.get_by_role("button", name="Kirim permohonan").click()
    page.wait_for_url("**/ppid/permohonan/terkirim/")
    request = InformationRequest.objects.get()
    request.public_summary = request.information_requested
    request.save()
    page.goto("/ppid/register/")
    assert "XSS" in page.content()

    grant_question_desk(agency_admin_a)
    _staff_session(page, agency_admin_a, live_server)
    for url in ("/admin/tanya-jawab/", f"/admin/tanya-jawab/{question.pk}/"):
        page.goto(url)
        assert "XSS" in page.content(), url
    page.context.clear_cookies()
    _staff_session(page, ppid_officer_a, live_server)
    page.goto("/admin/ppid/permohonan/")  # the queue shows numbers and dates only
    page.goto(f"/admin/ppid/permohonan/{request.pk}/")
    assert "XSS" in page.content()
    page.wait_for_timeout(500)  # let onload/onerror handlers fire if any were live

    assert dialogs == []
