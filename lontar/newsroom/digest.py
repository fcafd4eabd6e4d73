"""The monthly digest: what was published, who wrote, which units are quiet, what waits."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

from lontar.agencies.models import Agency, Unit
from lontar.core import outbox
from lontar.newsroom.figures import MonthFigures, month_figures
from lontar.newsroom.models import UnitDesk

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def month_name(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def recipients(agency: Agency) -> list[tuple[int, str, int | None]]:
    """(staff id, e-mail, unit id) of each unit head; the agency head (a leadership unit's
    head) gets unit None: the whole agency is theirs."""
    found: dict[int, tuple[str, int | None]] = {}
    desks = UnitDesk.objects.filter(unit__agency=agency, head__user__is_active=True).values_list(
        "head_id", "head__user__email", "unit_id", "unit__kind"
    )
    for staff_id, email, unit_id, kind in desks:
        if not email:
            continue
        if kind == Unit.Kind.LEADERSHIP:
            found[staff_id] = (email, None)
        elif staff_id not in found:
            found[staff_id] = (email, unit_id)
    return [(pk, email, unit_id) for pk, (email, unit_id) in sorted(found.items())]


def body(figures: MonthFigures, unit_id: int | None = None) -> str:
    lines = [
        _("Ringkasan menulis %(agency)s, %(month)s")
        % {"agency": figures.agency.short_name, "month": month_name(figures.year, figures.month)},
        "",
        _("Berita terbit: %(n)s. Dibaca: %(views)s kali. Disukai: %(likes)s kali.")
        % {"n": len(figures.published), "views": figures.views, "likes": figures.likes},
        "",
        _("Yang terbit:"),
    ]
    lines += [f"- {row.title} ({row.author}, {row.unit})" for row in figures.published] or [
        "- " + _("belum ada")
    ]
    lines += ["", _("Penulis:")]
    lines += [f"- {w.name} ({w.unit}): {w.published}" for w in figures.writers if w.published] or [
        "- " + _("belum ada")
    ]
    lines += ["", _("Capaian target per unit:")]
    for row in figures.units:
        target = row.target or "–"
        lines.append(f"- {row.name}: {row.published}/{target}")
    quiet = figures.quiet_units
    lines += ["", _("Unit yang belum menulis bulan ini dan ajakan yang menunggu:")]
    for row in quiet:
        if unit_id is not None and row.unit_id != unit_id:
            continue
        waiting = "; ".join(row.waiting) if row.waiting else _("tidak ada ajakan")
        lines.append(f"- {row.name}: {waiting}")
    if not quiet:
        lines.append("- " + _("semua unit menulis"))
    return "\n".join(lines) + "\n"


def send_digest(agency: Agency, year: int, month: int) -> int:
    """Queue the month's digest to each reader once (the outbox key); return how many."""
    readers = recipients(agency)
    if not readers:
        return 0
    figures = month_figures(agency, year, month)
    subject = _("[%(agency)s] Ringkasan menulis %(month)s") % {
        "agency": agency.short_name,
        "month": month_name(year, month),
    }
    sent = 0
    for staff_id, email, unit_id in readers:
        key = f"newsroom.digest:{agency.pk}:{year}-{month:02d}:{staff_id}"
        message = EmailMessage(subject, body(figures, unit_id), to=[email])
        if outbox.enqueue(message, key=key, about=f"agencies.staffprofile:{staff_id}"):
            sent += 1
    return sent
