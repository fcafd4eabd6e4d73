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
from lontar.ppid.states import Decision

# The register of Perki 1/2021 ("register permohonan") without its personal columns (name,
# address, contact, occupation, purpose): UU 27/2022 keeps them out of public view.
REGISTER_COLUMNS = [
    gettext_lazy("Nomor pendaftaran"),
    gettext_lazy("Tanggal permohonan"),
    gettext_lazy("Ringkasan permohonan"),
    gettext_lazy("Jenis permohonan"),
    gettext_lazy("Status"),
    gettext_lazy("Status informasi"),
    gettext_lazy("Bentuk informasi dikuasai"),
    gettext_lazy("Keputusan"),
    gettext_lazy("Alasan penolakan"),
    gettext_lazy("Tanggal pemberitahuan tertulis"),
    gettext_lazy("Tanggal informasi diberikan"),
    gettext_lazy("Biaya (Rp)"),
    gettext_lazy("Cara pembayaran"),
    gettext_lazy("Keterangan"),
]


def request_kind(obtain_method: str) -> str:
    """See/know versus a copy, the register's "jenis permohonan"."""
    if obtain_method == InformationRequest.ObtainMethod.SEE:
        return _("Melihat/mengetahui")
    return _("Meminta salinan")


def information_status(*, answered: bool, decision: str, held: bool, holder_body: str) -> str:
    """Under our control, under another body (which), or not yet documented; "" before."""
    if not answered:
        return ""
    if decision == Decision.NOT_DOCUMENTED:
        return _("Belum didokumentasikan")
    if not held:
        if holder_body:
            return _("Dikuasai badan publik lain: %(body)s") % {"body": holder_body}
        return _("Tidak dikuasai")
    return _("Dikuasai badan publik ini")


def column_headings() -> list[str]:
    return [str(column) for column in REGISTER_COLUMNS]


def register_values(item: InformationRequest) -> list[str]:
    """One row of the register, in the order of REGISTER_COLUMNS (needs `item.agency`)."""
    tz = item.agency.time_zone
    return [
        item.number,
        local_date(item.received_at, tz).isoformat(),
        redact(item.public_summary) or _("(ringkasan sedang disusun petugas)"),
        request_kind(item.obtain_method),
        item.get_status_display(),
        information_status(
            answered=item.answered_at is not None,
            decision=item.decision,
            held=item.information_held,
            holder_body=item.holder_body,
        ),
        item.get_information_form_display() if item.information_form else "",
        item.get_decision_display() if item.decision else "",
        item.refusal_ground,
        local_date(item.answered_at, tz).isoformat() if item.answered_at else "",
        item.information_given_on.isoformat() if item.information_given_on else "",
        str(item.cost_amount) if item.answered_at else "",
        item.payment_method if item.cost_amount else "",
        redact(item.register_remarks),
    ]


def public_register_table(agency) -> tuple[list[str], list[list[str]]]:
    """The agency's whole public register as headings and rows (the open-data table)."""
    rows = [register_values(item) for item in public_register(agency).select_related("agency")]
    return column_headings(), rows
