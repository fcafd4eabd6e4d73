"""The allow-list every imported fragment of HTML passes: only what the rich-text editor makes.

Nothing from the export is copied as markup; the converter walks the parsed tree and writes
fresh HTML with these elements only, so a `<script>`, an `onclick`, a `style` or a
`javascript:` link cannot survive: they are never written, whatever the input looks like.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from django.utils.html import escape

# Elements dropped with everything inside them (the reader never saw their text either).
DROPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "object",
        "embed",
        "applet",
        "form",
        "input",
        "button",
        "select",
        "textarea",
        "svg",
        "math",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "frame",
        "frameset",
        "canvas",
        "audio",
        "video",
    }
)
SAFE_SCHEMES = ("https://", "http://", "mailto:", "tel:", "/", "#")

# Providers whose players the old site embedded: kept as a link to the video or map (Lontar's
# pages load no third-party frames, decision 0018); any other iframe is dropped and reported.
EMBED_PROVIDERS = {
    "youtube.com": "YouTube",
    "youtube-nocookie.com": "YouTube",
    "youtu.be": "YouTube",
    "vimeo.com": "Vimeo",
    "google.com": "Google",
    "docs.google.com": "Google",
    "drive.google.com": "Google Drive",
    "instagram.com": "Instagram",
    "facebook.com": "Facebook",
    "twitter.com": "X",
    "x.com": "X",
    "tiktok.com": "TikTok",
    "soundcloud.com": "SoundCloud",
    "spotify.com": "Spotify",
}


def safe_href(href: str | None) -> str | None:
    """The link when it is a web, mail or phone address (or on this site); else None."""
    href = (href or "").strip()
    if not href or any(ch in href for ch in "\x00\n\r\t"):
        return None
    return href if href.lower().startswith(SAFE_SCHEMES) else None


def provider_of(url: str) -> str | None:
    """The name of the allowed embed provider serving `url`, or None."""
    if not url.lower().startswith(("https://", "http://", "//")):
        return None
    host = (urlsplit(url if not url.startswith("//") else "https:" + url).hostname or "").lower()
    host = host.removeprefix("www.").removeprefix("m.").removeprefix("player.")
    for domain, name in EMBED_PROVIDERS.items():
        if host == domain or host.endswith("." + domain):
            if domain == "google.com" and "/maps" not in url:
                return None
            return name
    return None


def watch_url(url: str) -> str:
    """A player address turned into the page a visitor can open (YouTube's /embed/ID)."""
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if host in {"youtube.com", "youtube-nocookie.com"} and parts.path.startswith("/embed/"):
        video = parts.path.removeprefix("/embed/").split("/")[0]
        return f"https://www.youtube.com/watch?v={video}"
    if host == "player.vimeo.com" and parts.path.startswith("/video/"):
        return "https://vimeo.com/" + parts.path.removeprefix("/video/")
    if host == "youtube.com" and parts.path == "/watch":
        video = parse_qs(parts.query).get("v", [""])[0]
        return f"https://www.youtube.com/watch?v={video}"
    return url


def text(value: str) -> str:
    return str(escape(value))
