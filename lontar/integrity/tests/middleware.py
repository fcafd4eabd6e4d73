"""Test-only middleware that behaves like a compromised site (never in settings outside tests)."""

from __future__ import annotations

from django.http import HttpResponse

CLOAKED_PATH = "/profil/"
DRAFT_PATH = "/draf-tersembunyi/"


class GooglebotCloak:
    """Adds a gambling link to one page, only when Googlebot asks (cloaking)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        agent = request.headers.get("User-Agent", "")
        if request.path == CLOAKED_PATH and "Googlebot" in agent:
            response.content = response.content.replace(
                b"</body>", b'<a href="https://gacor-spam.example/">Situs resmi</a></body>'
            )
        return response


class ServeDraft:
    """Answers 200 at a draft page's URL, like a doorway planted beside the page tree."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == DRAFT_PATH:
            return HttpResponse("<html><body>Halaman rahasia</body></html>")
        return self.get_response(request)
