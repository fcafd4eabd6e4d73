"""Information requests in open data: two live datasets, counts and the public register
(see regulations/opendata.py). Neither carries a requester's personal data."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lontar.opendata.generators import Table, register_generator
from lontar.ppid.register import public_register_table
from lontar.ppid.selectors import request_counts


@register_generator("ppid-statistik", _("Statistik permohonan informasi PPID"))
def ppid_statistics(agency) -> Table:
    """Requests per year, status and decision — counts only."""
    columns = ["tahun", "status", "keputusan", "jumlah"]
    counts = request_counts(agency)
    return columns, [[c["year"], c["status"], c["decision"] or "", c["total"]] for c in counts]


@register_generator("ppid-register", _("Register permohonan informasi (tanpa data pribadi)"))
def ppid_register(agency) -> Table:
    """The same columns as the public register page (`ppid/register.py`)."""
    return public_register_table(agency)
