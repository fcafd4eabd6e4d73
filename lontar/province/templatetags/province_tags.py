"""Template tags of the provincial platform: one dashboard cell, and the province's items on
every OPD's site."""

from __future__ import annotations

from datetime import date

from django import template

register = template.Library()


@register.simple_tag
def figure(row: dict, column) -> str:
    value = row.get(column.key)
    if value is None or value == "":
        return "—"
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if column.kind == "percent":
        return f"{value}%"
    return str(value)


@register.inclusion_tag("province/shared_items.html", takes_context=True)
def province_shared_items(context) -> dict:
    """The items the province chose to show, on the site of each agency under it (cached by
    content version: one cache read per page once warm)."""
    from lontar.province.shared import shared_items_for

    agency = context.get("agency") or context.get("current_agency")
    return {"sections": shared_items_for(agency) if agency is not None else []}
