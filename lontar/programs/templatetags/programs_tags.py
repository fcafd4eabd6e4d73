from decimal import Decimal

from django import template

from lontar.programs import progress

register = template.Library()


@register.filter
def rupiah(value: Decimal | None) -> str:
    return progress.rupiah(value)


@register.filter
def angka(value: Decimal | None) -> str:
    return progress.number(value)
