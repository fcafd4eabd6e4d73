"""The objection form and register in the Monev self-assessment (lontar/monev/registry.py)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from lontar.monev.registry import Result, register_check


@register_check("objection-form")
def objection_form(agency, today: date) -> Result:
    if agency.retired_at is not None:
        return Result.missing(
            _("Situs dipensiunkan: formulir ditutup."),
            reverse("wagtailsnippets_agencies_agency:edit", args=[agency.pk]),
        )
    return Result.present(_("Formulir keberatan daring tersedia."), reverse("objections:new"))


@register_check("objection-register")
def objection_register(agency, today: date) -> Result:
    return Result.present(_("Register keberatan publik."), reverse("objections:register"))
