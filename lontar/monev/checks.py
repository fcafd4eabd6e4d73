"""The Monev items served by the platform itself and the agency's profile (lontar.agencies)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from lontar.agencies.models import Unit
from lontar.agencies.selectors import ppid_page_profiles
from lontar.monev.registry import Result, register_check


def _agency_edit(agency) -> str:
    return reverse("wagtailsnippets_agencies_agency:edit", args=[agency.pk])


@register_check("service-hours")
def service_hours(agency, today: date) -> Result:
    if agency.office_hour_lines:
        return Result.present(_("Jam layanan tampil di profil instansi."), _agency_edit(agency))
    return Result.missing(_("Isi jam layanan pada profil instansi."), _agency_edit(agency))


@register_check("leadership-profiles")
def leadership_profiles(agency, today: date) -> Result:
    fix = reverse("wagtailsnippets_agencies_staffprofile:list")
    with_history = ppid_page_profiles(agency).filter(~Q(career="") | ~Q(education=""))
    if with_history.exists():
        return Result.present(_("Profil pejabat dengan riwayat tampil di halaman PPID."), fix)
    if (
        Unit.objects.filter(agency=agency, kind=Unit.Kind.LEADERSHIP)
        .exclude(head_title="")
        .exists()
    ):
        return Result.stale(
            _("Hanya jabatan pimpinan yang tercatat; tampilkan riwayat karier dan pendidikan."),
            fix,
        )
    return Result.missing(_("Belum ada profil pimpinan yang ditampilkan."), fix)


@register_check("accessibility")
def accessibility(agency, today: date) -> Result:
    return Result.present(
        _("Pernyataan aksesibilitas tersedia di setiap situs."), reverse("accessibility")
    )
