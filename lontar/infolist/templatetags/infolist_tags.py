"""The serta merta banner on every page of an agency's site (base.html includes it once)."""

from __future__ import annotations

from django import template

from lontar.infolist.selectors import active_notices

register = template.Library()


@register.simple_tag(takes_context=True)
def urgent_notices(context) -> list[dict]:
    """The running urgent notices of the site's agency; cached, so a warm page adds no query."""
    return active_notices(context.get("agency"))
