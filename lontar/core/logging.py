"""A logging filter that masks personal data and capability tokens before any line is written.

Two things never reach a log line:
- personal data (NIK, NIP, phone numbers, e-mail addresses in every written form), found by
  `lontar.core.personal_data`;
- what a URL carries besides its route: the query string (search words, a survey invitation
  `?undangan=`, a partner `?key=`, a tracking `?kode=`) is dropped, and path segments that are
  capabilities (the Q&A tracking token, the password-reset uid and token, any long random
  segment) are replaced by "[token]". The dev server's request lines (`django.server`) and
  Django's "Not Found: /…" warnings pass through the same filter.
"""

from __future__ import annotations

import logging
import re

from lontar.core.personal_data import redact

TOKEN = "[token]"

# Routes whose segments are secrets: the prefix is kept, the rest of the path is replaced.
_CAPABILITY_ROUTES = [
    re.compile(r"(/admin/password_reset/confirm/)[^?#\s]*"),
    re.compile(r"(/tanya-jawab/lacak/)(?!$)[^?#\s]*"),
]
# Any other segment that looks random: 20+ URL-safe characters mixing upper- and lower-case
# letters and digits (secrets.token_urlsafe). Slugs are lower-case and stay readable.
_RANDOM_SEGMENT = re.compile(r"(?<=/)(?=[\w-]*\d)(?=[\w-]*[a-z])(?=[\w-]*[A-Z])[\w-]{20,}(?=/|$)")
# A path as it appears in a log line: a "/" not glued to a word (so "III/a" and dates stay).
_PATH = re.compile(r"(?<![\w/])/[^\s\"'<>]*")


def scrub_path(path: str) -> str:
    """`path` without its query string or fragment, and with capability segments replaced."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    for route in _CAPABILITY_ROUTES:
        path = route.sub(lambda m: m.group(1) + TOKEN + "/", path)
    return _RANDOM_SEGMENT.sub(TOKEN, path)


def scrub_paths_in(text: str) -> str:
    return _PATH.sub(lambda m: scrub_path(m.group()), text)


def mask_personal_data(text: str) -> str:
    """`text` fit for a log: URLs scrubbed, personal data replaced by "[NIK]", "[SUREL]", …"""
    return redact(scrub_paths_in(text))


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_personal_data(message)
        if masked != message:
            record.msg, record.args = masked, ()
        if record.exc_info:
            # A traceback's exception message may quote what a citizen typed.
            record.exc_text = mask_personal_data(
                logging.Formatter().formatException(record.exc_info)
            )
            record.exc_info = None
        return True
