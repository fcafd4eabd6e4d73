"""The DIP as a live open-data table (lontar/opendata/generators.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lontar.infolist.selectors import dip_rows
from lontar.opendata.generators import Table, register_generator


@register_generator("dip", _("Daftar informasi publik (DIP)"))
def dip_table(agency) -> Table:
    columns = [
        "ringkasan",
        "penguasa_informasi",
        "penanggung_jawab",
        "waktu_tempat_pembuatan",
        "bentuk",
        "retensi",
        "kategori",
        "tautan",
        "terakhir_diperbarui",
    ]
    rows = [
        [
            row.summary,
            row.holder,
            row.responsible,
            row.made_when_where,
            row.form_label,
            row.retention,
            row.category,
            row.url,
            row.last_updated,
        ]
        for row in dip_rows(agency)
    ]
    return columns, rows
