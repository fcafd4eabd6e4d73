"""The compliance figures as open data: a live resource of the province's datasets."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lontar.opendata.generators import Table, register_generator
from lontar.province import dashboard


@register_generator("kepatuhan-provinsi", _("Kepatuhan keterbukaan informasi per instansi"))
def compliance_table(agency) -> Table:
    """Every agency of the province side by side (aggregates only, no personal data); for an
    agency that is not a PPID Utama, its own row."""
    province = dashboard.province_of(agency)
    if province is None:
        columns, rows = dashboard.table(agency, agency.today())
        return columns, [row for row in rows if row[0] == agency.short_name]
    return dashboard.table(province, province.today())
