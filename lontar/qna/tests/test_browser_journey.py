"""Issue 7's journey in a real browser: a visitor asks; staff answer, accept the detected
redaction of the phone number and publish; the visitor finds the entry in the FAQ and through
the site search, with the number masked; on an episode page a chapter link seeks the player."""

from __future__ import annotations

import re

import pytest

from lontar.accounts.tests.helpers import browser_sign_in
from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import UnitFactory, staff_member
from lontar.podcast.tests.helpers import make_episode, make_show
from lontar.qna.models import Question, Status
from lontar.qna.tests.helpers import grant_question_desk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-123"  # UserFactory's
PHONE = "0813-5555-0199"


def visitor_asks(page) -> Question:
    page.goto("/tanya-jawab/")
    page.get_by_role("link", name="Ajukan pertanyaan").click()
    page.get_by_label(re.compile("^Nama")).fill("Yakobus Uji")
    page.get_by_label(re.compile("^Surel")).fill("yakobus@example.id")
    page.get_by_label(re.compile("^Kategori")).select_option("gaji")
    page.get_by_label(re.compile("^Pertanyaan")).fill(
        f"Kapan tunjangan kinerja triwulan dibayarkan? Hubungi saya di {PHONE}."
    )
    page.wait_for_timeout(3100)  # a person takes longer than the anti-bot minimum
    page.get_by_role("button", name="Kirim pertanyaan").click()
    page.wait_for_url("**/tanya-jawab/lacak/**")
    assert "telah kami terima" in page.content()
    return Question.objects.get()


def staff_answer_and_publish(page, staff, question) -> None:
    # An agency admin enrols an authenticator at the first sign-in (lontar/accounts).
    browser_sign_in(page, staff.username, PASSWORD)
    page.goto("/admin/tanya-jawab/")
    page.get_by_role("link", name="Kapan tunjangan kinerja").click()
    page.get_by_label("Unit penjawab").first.select_option(label="Bidang Gaji")
    page.get_by_role("button", name="Disposisikan").click()
    page.get_by_label("Jawaban", exact=True).fill(
        "Tunjangan kinerja triwulan dibayarkan pada bulan berikutnya setelah penilaian."
    )
    page.get_by_role("button", name="Simpan jawaban").click()
    page.wait_for_url(f"**/admin/tanya-jawab/{question.pk}/terbitkan/")
    phone_hit = page.get_by_label(f"Nomor telepon: {PHONE}")
    assert phone_hit.is_checked()
    page.get_by_role("button", name="Samarkan yang dicentang dan terbitkan").click()
    page.wait_for_url(f"**/admin/tanya-jawab/{question.pk}/")


def test_question_to_faq_with_redaction_and_chapter_seek(
    browser_page, _chromium, live_server, agency_a
):
    UnitFactory(agency=agency_a, name="Bidang Gaji")
    staff = staff_member(agency_a, Role.AGENCY_ADMIN, username="staf-tanya")
    grant_question_desk(staff)
    visitor = browser_page

    question = visitor_asks(visitor)
    staff_context = _chromium.new_context(base_url=live_server.url)
    staff_answer_and_publish(staff_context.new_page(), staff, question)
    staff_context.close()
    question.refresh_from_db()
    assert question.status == Status.PUBLISHED

    visitor.goto("/tanya-jawab/?kategori=gaji")
    visitor.get_by_role("link", name="Kapan tunjangan kinerja").click()
    body = visitor.locator("main").inner_text()
    assert "[disamarkan]" in body and PHONE not in body
    assert "Bidang Gaji" in body
    visitor.get_by_role("button", name="Ya").click()
    assert "Terima kasih atas masukan" in visitor.locator("main").inner_text()

    visitor.goto("/cari/?q=tunjangan")
    visitor.get_by_role("link", name="Kapan tunjangan kinerja").first.click()
    visitor.wait_for_url(f"**{question.get_absolute_url()}")

    episode = make_episode(make_show(agency_a), question=question)
    visitor.goto(episode.get_absolute_url())
    # The page's CSP forbids eval, so conditions are polled with evaluate (which page scripts
    # cannot do) rather than wait_for_function (which evals its expression in the page).
    _wait_until(visitor, "document.getElementById('pemutar-audio').readyState >= 1")
    visitor.locator("a[data-seek='1']").first.click()
    _wait_until(visitor, "document.getElementById('pemutar-audio').currentTime >= 0.9")
    assert visitor.url.endswith(episode.get_absolute_url())  # stayed on the page


def _wait_until(page, expression: str, seconds: float = 15) -> None:
    for _ in range(int(seconds * 10)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"still false after {seconds} s: {expression}")
