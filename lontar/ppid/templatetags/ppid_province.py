"""The province panel on a request's admin page: disposition, forwarding, earlier history."""

from __future__ import annotations

from django import template

register = template.Library()


@register.inclusion_tag("ppid/admin/_province.html", takes_context=True)
def ppid_province_panel(context, information_request) -> dict:
    from lontar.ppid.admin_province import panel_context

    request = context["request"]
    return {"request": request, **panel_context(information_request, request.user)}
