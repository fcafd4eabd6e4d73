"""The request form and register in the Monev self-assessment (lontar/monev/registry.py)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from lontar.monev.registry import Result, register_check


def _agency_edit(agency) -> str:
    return reverse("wagtailsnippets_agencies_agency:edit", args=[agency.pk])


@register_check("request-form")
def request_form(agency, today: date) -> Result:
    if agency.retired_at is not None:
        return Result.missing(_("Situs dipensiunkan: formulir ditutup."), _agency_edit(agency))
    if not (agency.ppid_email or agency.ppid_phone):
        return Result.stale(
            _("Formulir daring ada, tetapi kontak PPID belum diisi."), _agency_edit(agency)
        )
    return Result.present(_("Formulir permohonan daring tersedia."), reverse("ppid:new-request"))


@register_check("request-register")
def request_register(agency, today: date) -> Result:
    return Result.present(
        _("Register permohonan publik tanpa data pribadi."), reverse("ppid:register")
    )
