"""Every public page type, as citizens meet it (issue 17): axe-core finds no WCAG 2.1 A/AA
violation in Indonesian and English at 360 and 1366 px (and no contrast failure in the dark
colour scheme), nothing scrolls sideways at 320 px
(WCAG 1.4.10) with the longest demo content and with form errors shown, and a public URL
pattern without a page here fails the test.

The page types are found by crawling the demo site with Django's test client (the longest page
of each URL pattern or Wagtail page model wins), so new demo content is covered by itself. One
browser, one context per language, one tab reused: the whole module stays around two minutes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lontar.core.tests.demo_snapshot import load_demo
from lontar.core.tests.page_types import (
    AFTER_A_STEP,
    FORMS,
    NOT_PAGES,
    crawl,
    page_models,
    public_patterns,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# axe-core 4.14.1 (MPL-2.0), the npm package's single built file; see docs/decisions/0002.
AXE = Path(__file__).parent / "data" / "axe" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe(page, rules: list[str] | None = None) -> list[str]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    result = page.evaluate("only => axe.run(document, {runOnly: only})", only)
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary'][:160]}"
        for v in result["violations"]
        for node in v["nodes"][:3]
    ]


def _overflow(page) -> str | None:
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width <= inner:
        return None
    culprit = page.evaluate(
        """() => { const w = innerWidth; for (const e of document.querySelectorAll('body *')) {
             const r = e.getBoundingClientRect();
             if (r.right > w + 1 && r.width > 0) return e.outerHTML.slice(0, 120); } }"""
    )
    return f"scrollWidth {width} > {inner}: {culprit}"


def _unlinked_errors(page) -> list[str]:
    """Controls whose aria-describedby names a missing element, and invalid controls whose
    error message is not among their descriptions (a screen reader would not announce it)."""
    return page.evaluate(
        """() => {
          const out = [];
          for (const el of document.querySelectorAll('[aria-describedby]')) {
            for (const id of el.getAttribute('aria-describedby').split(/\\s+/).filter(Boolean)) {
              if (!document.getElementById(id)) out.push(`${el.id || el.tagName}: no #${id}`);
            }
          }
          for (const el of document.querySelectorAll('[aria-invalid=true]')) {
            const holder = el.closest('fieldset[aria-describedby]') || el;
            const ids = (holder.getAttribute('aria-describedby') || '').split(/\\s+/);
            const said = ids.map(id => document.getElementById(id)?.textContent || '').join(' ');
            if (!said.trim()) out.push(`${el.id || el.name}: its error is not announced`);
          }
          return out;
        }"""
    )


@pytest.fixture
def demo_pages():
    load_demo()
    return crawl()


def test_every_public_page_type_passes_axe_and_reflows(_chromium, live_server, demo_pages):
    expected = (public_patterns() - set(NOT_PAGES) - set(AFTER_A_STEP)) | page_models()
    missing = sorted(expected - set(demo_pages))
    assert not missing, (
        f"public page types without coverage: {missing}; give them demo content this crawl "
        "reaches, or list them in NOT_PAGES with the reason"
    )

    problems: list[str] = []
    foreign: list[str] = []
    for language in ("id", "en"):
        context = _chromium.new_context(base_url=live_server.url, bypass_csp=True)
        context.add_cookies([{"name": "lontar_bahasa", "value": language, "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(20_000)
        # Zero requests to any other host (budget of issue 17): it fails offline and leaks.
        page.on(
            "request",
            lambda r: foreign.append(r.url) if not r.url.startswith(live_server.url) else None,
        )
        for kind, path in sorted(demo_pages.items()):
            page.set_viewport_size({"width": 360, "height": 740})
            page.goto(path)
            assert page.locator("html").get_attribute("lang") == language, path
            problems += [f"{language} 360 {path} [{kind}] {v}" for v in _axe(page)]
            if language == "id":
                page.set_viewport_size({"width": 320, "height": 740})
                if overflow := _overflow(page):
                    problems.append(f"320 {path} [{kind}] {overflow}")
            page.set_viewport_size({"width": 1366, "height": 900})
            problems += [f"{language} 1366 {path} [{kind}] {v}" for v in _axe(page)]
        if language == "id":
            page.set_viewport_size({"width": 320, "height": 740})
            for path in FORMS:
                page.goto(path)
                page.locator("main form button[type=submit]").last.click()
                page.wait_for_load_state()
                assert page.locator(".error-message, .field-error, .errorlist").count(), path
                if overflow := _overflow(page):
                    problems.append(f"320 with errors {path} {overflow}")
                problems += [f"320 with errors {path} {v}" for v in _axe(page)]
                problems += [f"with errors {path} {v}" for v in _unlinked_errors(page)]
        context.close()
    # The dark scheme (prefers-color-scheme) changes colours only: contrast is what can break.
    context = _chromium.new_context(base_url=live_server.url, bypass_csp=True, color_scheme="dark")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.set_viewport_size({"width": 360, "height": 740})
    for kind, path in sorted(demo_pages.items()):
        page.goto(path)
        problems += [f"dark 360 {path} [{kind}] {v}" for v in _axe(page, ["color-contrast"])]
    context.close()
    assert not foreign, f"requests to other hosts: {foreign}"
    assert not problems, "\n".join(problems)
