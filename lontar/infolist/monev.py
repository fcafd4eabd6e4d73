"""The DIP and the DIK in the Monev self-assessment (lontar/monev/registry.py)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lontar.infolist.models import ExemptInfo, InfoItem
from lontar.infolist.selectors import dip_rows, published_standards
from lontar.monev.registry import Result, register_check


@register_check("dip")
def dip(agency, today: date) -> Result:
    fix = reverse("wagtailsnippets_infolist_infoitem:list")
    if not InfoItem.objects.filter(agency=agency).exists():
        return Result.missing(_("PPID belum menyusun DIP (hanya entri otomatis)."), fix)
    rows = dip_rows(agency, today=today)
    stale = sum(1 for row in rows if row.stale)
    unconfirmed = len({row.source for row in rows if row.source and not row.confirmed})
    if stale:
        return Result.stale(
            _("%(n)s informasi berkala belum diperbarui enam bulan.") % {"n": stale}, fix
        )
    if unconfirmed:
        return Result.stale(
            _("%(n)s sumber DIP otomatis belum dikonfirmasi kategorinya.") % {"n": unconfirmed},
            reverse("infolist_admin_sources"),
        )
    return Result.present(_("DIP ada dan mutakhir."), reverse("infolist:dip"))


@register_check("dik")
def dik(agency, today: date) -> Result:
    fix = reverse("wagtailsnippets_infolist_exemptinfo:list")
    entries = ExemptInfo.objects.filter(agency=agency)
    if not entries.exists():
        return Result.missing(_("Belum ada DIK dengan uji konsekuensi."), fix)
    if entries.filter(exempt_until__lt=today).exists():
        return Result.stale(_("Ada pengecualian yang masa berlakunya sudah lewat."), fix)
    return Result.present(_("DIK ada."), reverse("infolist:dik"))


# The maklumat pelayanan and the SOPs (Perki SLIP Pasal 47–48), kept by this app.
def _standard_check(kind: str, label):
    def check(agency, today: date) -> Result:
        fix = reverse("wagtailsnippets_infolist_servicestandard:list")
        if published_standards(agency, kind).exists():
            return Result.present(_("%(label)s terbit.") % {"label": label}, fix)
        return Result.missing(_("%(label)s belum terbit.") % {"label": label}, fix)

    return check


register_check("maklumat")(_standard_check("maklumat", gettext_lazy("Maklumat pelayanan")))
register_check("sop")(_standard_check("sop", gettext_lazy("SOP layanan informasi")))
