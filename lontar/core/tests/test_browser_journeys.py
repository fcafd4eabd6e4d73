"""Citizens' journeys with JavaScript switched off, and with the keyboard alone (issue 17):
read, search, like, ask, request, survey and track on the demo site (by keyboard alone: like,
search, ask, request and survey); the home page's first phone screen shows the main services,
the latest news and the search box."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from lontar.core.tests.demo_snapshot import load_demo
from lontar.news.models import ArticleLike
from lontar.ppid.models import InformationRequest
from lontar.ppid.tests.helpers import NIK, PHONE
from lontar.qna.models import Question
from lontar.survey import ikm
from lontar.survey.models import SurveyPeriod

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SERVICES = [
    "Ajukan permohonan informasi",
    "Lacak permohonan",
    "Ajukan pertanyaan",
    "Isi survei kepuasan",
    "Regulasi",
    "Data terbuka",
]


def _first_screen_shows_what_citizens_came_for(page) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/")
    services = page.get_by_role("navigation", name="Layanan utama")
    for name in SERVICES:
        link = services.get_by_role("link", name=name, exact=True)
        assert link.is_visible() and link.bounding_box()["y"] + 20 < 740, name
    news = page.locator(".latest-list a").first
    assert news.is_visible() and news.bounding_box()["y"] + 20 < 740
    search = page.get_by_role("searchbox", name="Cari di situs ini")
    assert search.is_visible() and search.bounding_box()["y"] < 740


def _read_search_and_like(page) -> None:
    page.goto("/")
    page.locator(".latest-list a").first.click()
    title = page.get_by_role("heading", level=1).inner_text()
    before = ArticleLike.objects.count()
    page.get_by_role("button", name="Suka").click()
    page.wait_for_url(re.compile(r"#suka$"))
    assert page.locator(".like-button").get_attribute("aria-pressed") == "true"
    assert ArticleLike.objects.count() == before + 1
    page.get_by_role("searchbox", name="Cari di situs ini").fill(title.split()[0])
    page.get_by_role("searchbox", name="Cari di situs ini").press("Enter")
    page.wait_for_url(re.compile(r"/cari/\?q="))
    # The results page answers with its count for the query (the index's content is the
    # search app's business, tested there).
    assert title.split()[0] in page.locator("main [role=status]").inner_text()


def _ask(page) -> None:
    before = Question.objects.count()
    page.goto("/tanya-jawab/tanya/")
    page.locator("#id_asker_name").fill("Yohana Uji")
    page.locator("#id_email").fill("yohana@example.org")
    page.locator("#id_category").select_option(index=1)
    page.locator("#id_question_text").fill(
        "Berapa lama proses kenaikan pangkat reguler sejak berkas lengkap?"
    )
    page.wait_for_timeout(3100)  # a person takes longer than the anti-bot minimum
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert Question.objects.count() == before + 1


def _request_and_track(page) -> None:
    page.goto("/ppid/permohonan/baru/")
    page.get_by_label("Nama lengkap").fill("Maria Uji Pemohon")
    page.get_by_label("NIK (sesuai KTP)").fill(NIK)
    page.get_by_label("Alamat").fill("Jalan Flamboyan 3, Kota Uji")
    page.get_by_label("Nomor telepon/HP").fill(PHONE)
    page.get_by_label("Rincian informasi yang diminta").fill("Rekap formasi CPNS 2026")
    page.get_by_label("Tujuan penggunaan informasi").fill("Bahan liputan")
    page.get_by_label("Salinan elektronik (softcopy)").check()
    page.get_by_label("Surel", exact=True).last.check()
    page.get_by_label(re.compile("Saya menyetujui pemrosesan")).check()
    page.wait_for_timeout(3100)
    page.get_by_role("button", name="Kirim permohonan").click()
    page.wait_for_url("**/ppid/permohonan/terkirim/")
    stored = InformationRequest.objects.get(name="Maria Uji Pemohon")
    code = page.locator("#kode-lacak").inner_text()
    assert "7 hari kerja" in page.content()

    page.context.clear_cookies()  # later, or on another phone: the link leads to the form
    page.goto("/ppid/permohonan/terkirim/")
    page.wait_for_url("**/ppid/lacak/")
    page.get_by_label("Nomor pendaftaran").fill(stored.number)
    page.get_by_label("Kode lacak").fill(code)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/ppid/lacak/permohonan/")
    assert stored.number in page.content()


def _survey(page) -> None:
    period = SurveyPeriod.objects.get(unit__slug="ppid", published_at__isnull=True)
    before = period.responses.count()
    page.goto("/survei/ppid/")
    for element in ikm.ELEMENTS:
        page.get_by_role("group", name=element.name).get_by_label(
            element.options[2], exact=True
        ).check()
    page.get_by_role("group", name="Jenis kelamin").get_by_label("Perempuan").check()
    page.get_by_label("Usia").select_option("31-40")
    page.get_by_label("Pendidikan terakhir").select_option("s1")
    page.get_by_label("Pekerjaan utama").select_option("wirausaha")
    served = max(period.agency.today() - timedelta(days=1), period.starts_on)
    page.get_by_label("Tanggal menerima layanan").fill(served.isoformat())
    page.get_by_role("button", name="Kirim jawaban").click()
    page.wait_for_url("**/survei/ppid/terima-kasih/")
    assert period.responses.count() == before + 1


def test_journeys_work_without_javascript(_chromium, live_server):
    load_demo()
    context = _chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(20_000)
    foreign: list[str] = []
    page.on(
        "request",
        lambda r: foreign.append(r.url) if not r.url.startswith(live_server.url) else None,
    )
    try:
        _first_screen_shows_what_citizens_came_for(page)
        page.set_viewport_size({"width": 1366, "height": 900})
        _read_search_and_like(page)
        _ask(page)
        _survey(page)
        _request_and_track(page)
    except Exception:
        page.screenshot(path="/tmp/journeys-nojs.png", full_page=True)
        raise
    finally:
        context.close()
    assert not foreign, f"requests to other hosts: {foreign}"


def _tab_to(page, locator, limit: int = 80) -> None:
    """Press Tab until `locator` has the focus (a keyboard user's way there)."""
    handle = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("el => document.activeElement === el", handle):
            return
    raise AssertionError(f"Tab never reached {locator}")


def test_keyboard_alone_skips_to_content_likes_searches_and_asks(_chromium, live_server):
    load_demo()
    context = _chromium.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto("/")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Langsung ke isi"
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"

        _tab_to(page, page.get_by_role("searchbox", name="Cari di situs ini"))
        page.keyboard.type("pangkat")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/cari/\?q=pangkat"))

        page.goto("/")
        _tab_to(page, page.locator(".latest-list a").first)
        page.keyboard.press("Enter")
        page.wait_for_load_state()
        before = ArticleLike.objects.count()
        _tab_to(page, page.get_by_role("button", name="Suka"))
        page.keyboard.press("Enter")
        page.locator('.like-button[aria-pressed="true"]').wait_for()
        assert ArticleLike.objects.count() == before + 1

        page.goto("/tanya-jawab/tanya/")
        before = Question.objects.count()
        _tab_to(page, page.locator("#id_asker_name"))
        page.keyboard.type("Yohana Uji")
        _tab_to(page, page.locator("#id_email"))
        page.keyboard.type("yohana@example.org")
        _tab_to(page, page.locator("#id_category"))
        page.keyboard.press("ArrowDown")
        _tab_to(page, page.locator("#id_question_text"))
        page.keyboard.type("Kapan berkas kenaikan pangkat periode Oktober dibuka?")
        page.wait_for_timeout(3100)
        _tab_to(page, page.locator("main form button[type=submit]"))
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert Question.objects.count() == before + 1
    except Exception:
        page.screenshot(path="/tmp/journeys-keyboard.png", full_page=True)
        raise
    finally:
        context.close()


def _radio_by_keyboard(page, group, index: int) -> None:
    """Tab into a radio group (one stop), then choose with the arrow keys, as a keyboard user."""
    radios = group.get_by_role("radio")
    handles = [radios.nth(i).element_handle() for i in range(radios.count())]
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("els => els.includes(document.activeElement)", handles):
            break
    else:
        raise AssertionError(f"Tab never reached the group {group}")
    if not any(radio.is_checked() for radio in radios.all()):
        page.keyboard.press("Space")
    for _ in range(len(handles)):
        if radios.nth(index).is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys never chose option {index} of {group}")


def _select_by_keyboard(page, select, value: str) -> None:
    _tab_to(page, select)
    for _ in range(30):
        if select.input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys never reached {value!r}")


def _type_into(page, field, text: str) -> None:
    _tab_to(page, field)
    page.keyboard.type(text)


def test_keyboard_alone_files_a_request_and_completes_the_survey(_chromium, live_server):
    load_demo()
    context = _chromium.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto("/ppid/permohonan/baru/")
        _type_into(page, page.get_by_label("Nama lengkap"), "Maria Papan Ketik")
        _type_into(page, page.get_by_label("NIK (sesuai KTP)"), NIK)
        _type_into(page, page.get_by_label("Alamat"), "Jalan Flamboyan 3, Kota Uji")
        _type_into(page, page.get_by_label("Nomor telepon/HP"), PHONE)
        _type_into(page, page.get_by_label("Rincian informasi yang diminta"), "Rekap formasi")
        _type_into(page, page.get_by_label("Tujuan penggunaan informasi"), "Bahan liputan")
        _radio_by_keyboard(page, page.get_by_role("group", name="Cara memperoleh informasi"), 1)
        delivery = page.get_by_role("group", name="Cara mendapatkan salinan")
        _radio_by_keyboard(page, delivery, 2)
        consent = page.get_by_label(re.compile("Saya menyetujui pemrosesan"))
        _tab_to(page, consent)
        page.keyboard.press("Space")
        page.wait_for_timeout(3100)
        _tab_to(page, page.get_by_role("button", name="Kirim permohonan"))
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_url("**/ppid/permohonan/terkirim/")
        assert InformationRequest.objects.filter(name="Maria Papan Ketik").exists()

        period = SurveyPeriod.objects.get(unit__slug="ppid", published_at__isnull=True)
        before = period.responses.count()
        page.goto("/survei/ppid/")
        for element in ikm.ELEMENTS:
            _radio_by_keyboard(page, page.get_by_role("group", name=element.name), 2)
        _radio_by_keyboard(page, page.get_by_role("group", name="Jenis kelamin"), 1)
        _select_by_keyboard(page, page.get_by_label("Usia"), "31-40")
        _select_by_keyboard(page, page.get_by_label("Pendidikan terakhir"), "s1")
        _select_by_keyboard(page, page.get_by_label("Pekerjaan utama"), "wirausaha")
        served = max(period.agency.today() - timedelta(days=1), period.starts_on)
        date_field = page.get_by_label("Tanggal menerima layanan")
        _type_into(page, date_field, served.strftime("%m%d%Y"))
        assert date_field.input_value() == served.isoformat()
        _tab_to(page, page.get_by_role("button", name="Kirim jawaban"))
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_url("**/survei/ppid/terima-kasih/")
        assert period.responses.count() == before + 1
    except Exception:
        page.screenshot(path="/tmp/journeys-keyboard-forms.png", full_page=True)
        raise
    finally:
        context.close()
