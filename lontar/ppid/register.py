"""The public register of information requests: which fields the public may see.

UU 14/2008 makes the register public; UU 27/2022 keeps the requester out of it. This module
is the one place that decides the register's columns — no name, NIK, address, phone or
e-mail, and the officer's summary only after personal data is redacted. The register page,
its CSV and the open-data live dataset "ppid-register" all read it.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lontar.core.personal_data import redact
from lontar.ppid.deadlines import local_date
from lontar.ppid.models import InformationRequest
from lontar.ppid.selectors import public_register

REGISTER_COLUMNS = [
    gettext_lazy("Nomor pendaftaran"),
    gettext_lazy("Tanggal permohonan"),
    gettext_lazy("Ringkasan permohonan"),
    gettext_lazy("Status"),
    gettext_lazy("Keputusan"),
    gettext_lazy("Alasan penolakan"),
    gettext_lazy("Tanggal pemberitahuan tertulis"),
    gettext_lazy("Biaya (Rp)"),
]


def column_headings() -> list[str]:
    return [str(column) for column in REGISTER_COLUMNS]


def register_values(item: InformationRequest) -> list[str]:
    """One row of the register, in the order of REGISTER_COLUMNS (needs `item.agency`)."""
    tz = item.agency.time_zone
    return [
        item.number,
        local_date(item.received_at, tz).isoformat(),
        redact(item.public_summary) or _("(ringkasan sedang disusun petugas)"),
        item.get_status_display(),
        item.get_decision_display() if item.decision else "",
        item.refusal_ground,
        local_date(item.answered_at, tz).isoformat() if item.answered_at else "",
        str(item.cost_amount) if item.answered_at else "",
    ]


def public_register_table(agency) -> tuple[list[str], list[list[str]]]:
    """The agency's whole public register as headings and rows (the open-data table)."""
    rows = [register_values(item) for item in public_register(agency).select_related("agency")]
    return column_headings(), rows
