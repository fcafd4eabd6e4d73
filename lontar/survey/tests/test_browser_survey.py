"""The SKM end to end in a real browser, on the demo BKD site."""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from django.conf import settings

from lontar.accounts.tests.helpers import browser_sign_in
from lontar.core.tests.demo_snapshot import load_demo
from lontar.survey import ikm
from lontar.survey.models import SurveyPeriod
from lontar.survey.selectors import today_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The visitor's choice per element, as the option's position 1..4 (display order).
VISITOR_SCORES = dict(zip(ikm.ELEMENT_KEYS, (4, 3, 2, 4, 3, 4, 4, 1, 3), strict=True))


def recomputed_index(answers: list[dict[str, int]]) -> Decimal:
    """The Permen's index written again, apart from lontar.survey.ikm: mean NRR x 25, half-up."""
    keys = sorted({key for answer in answers for key in answer})
    nrrs = [
        Fraction(sum(a[key] for a in answers if key in a), sum(1 for a in answers if key in a))
        for key in keys
    ]
    exact = sum(nrrs) / len(nrrs) * 25
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def test_visitor_answers_admin_publishes_and_results_show_the_recomputed_index(browser_page):
    load_demo()
    period = SurveyPeriod.objects.get(unit__slug="ppid", published_at__isnull=True)
    before = period.responses.count()
    page = browser_page

    # A visitor finds the survey from the list of open surveys and answers it.
    page.goto("/survei/")
    page.get_by_role("link", name="Layanan Informasi Publik (PPID)").first.click()
    page.wait_for_url("**/survei/ppid/")
    for element in ikm.ELEMENTS:
        option = element.options[VISITOR_SCORES[element.key] - 1]
        group = page.get_by_role("group", name=element.name)
        group.get_by_label(option, exact=True).check()
    page.get_by_role("group", name="Jenis kelamin").get_by_label("Perempuan").check()
    page.get_by_label("Usia").select_option("31-40")
    page.get_by_label("Pendidikan terakhir").select_option("s1")
    page.get_by_label("Pekerjaan utama").select_option("wirausaha")
    yesterday = today_for(period.agency) - timedelta(days=1)
    page.get_by_label("Tanggal menerima layanan").fill(max(yesterday, period.starts_on).isoformat())
    page.get_by_label("Saran dan masukan (tidak wajib)").fill("Antrean pagi masih panjang.")
    page.get_by_role("button", name="Kirim jawaban").click()
    page.wait_for_url("**/survei/ppid/terima-kasih/")
    assert page.get_by_role("heading", level=1).inner_text() == "Terima kasih atas penilaian Anda"
    assert period.responses.count() == before + 1
    assert period.responses.order_by("-pk").first().answers == VISITOR_SCORES

    # The BKD's agency admin signs in and publishes the period from the admin.
    # As an agency admin they enrol an authenticator at the first sign-in (lontar/accounts).
    browser_sign_in(page, "bkd.admin", settings.LONTAR_DEMO_PASSWORD)
    page.goto("/admin/snippets/survey/surveyperiod/")
    page.locator(f'button.w-dropdown__toggle[aria-label*="{period}"]').click()
    page.get_by_role("link", name="Terbitkan hasil").click()
    page.wait_for_url(f"**/admin/survei/periode/{period.pk}/terbitkan/")
    page.get_by_role("button", name="Terbitkan hasil").click()
    page.wait_for_url("**/admin/snippets/survey/surveyperiod/")
    period.refresh_from_db()
    assert period.is_published and period.published_by.username == "bkd.admin"

    # The results page shows the index, which we recompute from the stored answers.
    stored = list(period.responses.values_list("answers", flat=True))
    expected = recomputed_index(stored)
    assert len(stored) == period.respondents == before + 1
    page.goto("/survei/hasil/")
    result = page.locator(f'article[aria-labelledby="period-{period.pk}"]')
    shown = result.locator(".ikm-index").inner_text()
    assert shown == f"{expected:.2f}".replace(".", ",")
    assert result.get_by_role("link", name="(PDF)").count() == 1
