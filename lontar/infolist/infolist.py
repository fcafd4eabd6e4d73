"""The PPID's own published registers and figures, in the DIP like everything else."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lontar.infolist.registry import Entry, register_source


@register_source("layanan-ppid", _("Register dan statistik layanan informasi"), "setiap_saat")
def ppid_registers(agency) -> list[Entry]:
    # URL names only: the pages belong to lontar.ppid, lontar.objections and lontar.ppidstats.
    return [
        Entry(summary="Register permohonan informasi publik", url=reverse("ppid:register")),
        Entry(summary="Register keberatan", url=reverse("objections:register")),
        Entry(
            summary="Ringkasan layanan informasi (statistik permohonan)",
            url=reverse("ppidstats:statistics"),
        ),
        Entry(summary="Daftar informasi yang dikecualikan", url=reverse("infolist:dik")),
    ]
