"""An agency's colours reach a real browser under the real CSP, with nothing refused."""

from __future__ import annotations

import pytest

from lontar.core.tests.test_browser_csp import COLLECT_VIOLATIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_themed_header_is_painted_in_the_agencys_colour_without_a_csp_refusal(
    browser_page, agency_a
):
    agency_a.brand_colour = "#1a5e20"
    agency_a.save(update_fields=["brand_colour"])
    page = browser_page
    page.add_init_script(COLLECT_VIOLATIONS)

    response = page.goto("/")

    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__cspViolations") == []
    header = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    menu = page.evaluate("getComputedStyle(document.querySelector('.main-nav')).backgroundColor")
    assert header == "rgb(26, 94, 32)"
    assert menu == "rgb(19, 68, 23)"  # the derived dark shade
