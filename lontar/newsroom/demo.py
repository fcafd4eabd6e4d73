"""Demo: article templates for every agency, monthly targets for the BKD's units, and the
prompts its finished work already deserves."""

from __future__ import annotations

from django.db import transaction

from lontar.demo.loader import DemoContext
from lontar.newsroom import services
from lontar.newsroom.models import UnitDesk
from lontar.newsroom.templates_seed import seed_templates

DEMO_TARGET = 2


@transaction.atomic
def load(ctx: DemoContext) -> None:
    for agency in ctx.agencies.values():
        seed_templates(agency)
    bkd = ctx.agencies.get("bkd")
    if bkd is None:
        return
    for unit in bkd.units.all():
        UnitDesk.objects.get_or_create(unit=unit, defaults={"monthly_target": DEMO_TARGET})
    services.refresh_prompts(bkd)
