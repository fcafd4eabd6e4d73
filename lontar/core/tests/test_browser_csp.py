"""Public pages under the real Content-Security-Policy in a browser: nothing is refused and the
enhancements that moved out of inline scripts (like button, podcast chapters) still work."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from lontar.news.models import ArticleLike
from lontar.news.tests.helpers import article, news_index
from lontar.podcast.tests.helpers import make_episode, make_show

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Installed before any page script runs; the events stay on window until the next navigation.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


def _console_error(message, problems: list[str]) -> None:
    # The browser asks for /favicon.ico on its own; the portal has none (a 404, not a refusal).
    if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
        problems.append(f"console: {message.text} ({message.location.get('url')})")


def _wait_until(page, expression: str, seconds: float = 15) -> None:
    for _ in range(int(seconds * 10)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"still false after {seconds} s: {expression}")


def _visit(page, path: str, problems: list[str]) -> None:
    response = page.goto(path)
    assert response.status == 200, path
    directives = {
        part.strip().split(" ", 1)[0]: part.strip()
        for part in response.headers["content-security-policy"].split(";")
    }
    assert directives["script-src"] == "script-src 'self'", path
    page.wait_for_load_state("networkidle")
    problems.extend(f"{path}: {v}" for v in page.evaluate("window.__cspViolations"))


def test_public_pages_run_under_the_policy_without_violations(browser_page, agency_a):
    story = article(news_index(agency_a), "Layanan kenaikan pangkat daring")
    episode = make_episode(make_show(agency_a))
    page = browser_page
    problems: list[str] = []
    page.add_init_script(COLLECT_VIOLATIONS)
    page.on("console", lambda message: _console_error(message, problems))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))

    _visit(page, "/", problems)
    _visit(page, "/ppid/permohonan/baru/", problems)

    # The article carries a JSON-LD block: data, never executed, so never refused.
    _visit(page, story.url, problems)
    assert page.locator('script[type="application/ld+json"]').count() == 1
    page.get_by_role("button", name="Suka").click()
    # expect() and evaluate() run no eval in the page: the CSP forbids it, so
    # wait_for_function (which evals its expression) cannot be used here.
    expect(page.locator("[data-like-count]")).to_have_text("1")
    assert page.url.endswith(story.url)  # answered by fetch, not by a reload
    assert page.locator(".like-button").get_attribute("aria-pressed") == "true"
    assert page.locator("[data-like-label]").inner_text() == "Batal suka"
    assert ArticleLike.objects.filter(article=story).count() == 1
    problems.extend(f"{story.url}: {v}" for v in page.evaluate("window.__cspViolations"))

    episode_path = f"/podcast/{episode.show.slug}/{episode.slug}/"
    _visit(page, episode_path, problems)
    page.locator(".podcast-chapters [data-seek='1']").click()
    _wait_until(page, "document.getElementById('pemutar-audio').currentTime >= 1")
    assert page.url.endswith(episode_path)  # the player seeks instead of opening the file
    problems.extend(f"{episode_path}: {v}" for v in page.evaluate("window.__cspViolations"))

    assert problems == []
