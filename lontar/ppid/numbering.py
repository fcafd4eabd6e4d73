"""Registration numbers: gap-free per agency and year, in the agency's own format."""

from __future__ import annotations

from datetime import date

from django.db import transaction

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def format_registration_number(template: str, *, sequence: int, received_on: date,
                               short_name: str) -> str:
    """E.g. "{nomor:04d}/PPID-{singkatan}/{bulan_romawi}/{tahun}" → "0123/PPID-BKD/XI/2026"."""
    return template.format(
        nomor=sequence,
        singkatan=short_name.replace(" ", "").replace(".", ""),
        bulan=received_on.month,
        bulan_romawi=ROMAN_MONTHS[received_on.month - 1],
        tahun=received_on.year,
    )


def next_sequence(agency, year: int) -> int:
    """Take the next number inside the caller's transaction.

    The counter row is locked (SELECT … FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE
    transactions serialise writers), so concurrent submissions queue up and the numbers stay
    consecutive; a rolled-back submission gives its number back.
    """
    from lontar.ppid.models import RegistrationCounter

    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_sequence must run inside transaction.atomic()")
    RegistrationCounter.objects.get_or_create(agency=agency, year=year)
    counter = RegistrationCounter.objects.select_for_update().get(agency=agency, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number
