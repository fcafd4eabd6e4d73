"""Embeds of the old site (a YouTube player, a map) as a visible card: a paragraph naming the
provider with a link to the video or map. The public pages make no request to another host
(no iframe, no thumbnail, no oEmbed call at page view: decision 0018), yet nothing the reader
had is lost: the card leads to the same video.

WordPress embeds in three shapes, all understood: the block editor's `wp:embed` figure (the
address in its wrapper, a caption in its figcaption), an `<iframe>` pasted into the text (its
`title` names it), and a classic-editor address alone on its line (WordPress's auto-embed).
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.translation import gettext as _

from lontar.wordpress import sanitize

VIDEO_PROVIDERS = frozenset({"YouTube", "Vimeo", "TikTok"})
AUDIO_PROVIDERS = frozenset({"SoundCloud", "Spotify"})
_BARE_URL = re.compile(r"^\s*(https?://\S+)\s*$")
TITLE_MAX = 200


def bare_url(text: str) -> str | None:
    """The address when `text` is only an address of an allowed provider (auto-embed)."""
    match = _BARE_URL.match(text or "")
    if match and sanitize.provider_of(match.group(1)):
        return match.group(1)
    return None


def card(url: str, title: str = "") -> tuple[str, str] | None:
    """(the card's rich text, the provider's name), or None when the provider is not allowed."""
    provider = sanitize.provider_of(url.strip())
    if provider is None:
        return None
    target = sanitize.watch_url(url.strip())
    if provider in VIDEO_PROVIDERS:
        kind = _("Video %(provider)s") % {"provider": provider}
    elif provider in AUDIO_PROVIDERS:
        kind = _("Audio %(provider)s") % {"provider": provider}
    else:
        kind = provider
    label = " ".join((title or "").split())[:TITLE_MAX] or target
    html = f'<p><b>{escape(kind)}:</b> <a href="{escape(target)}">{escape(label)}</a></p>'
    return html, provider
