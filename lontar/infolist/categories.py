"""The categories of public information (UU 14/2008 Pasal 9, 10, 11) and the DIP's rules.

Pure: no database. See docs/domain/objections.md (the DIP/DIK section).
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    PERIODIC = "berkala", _("Berkala")
    IMMEDIATE = "serta_merta", _("Serta merta")
    ON_DEMAND = "setiap_saat", _("Setiap saat")


class Form(models.TextChoices):
    PRINTED = "cetak", _("Cetak (hardcopy)")
    ELECTRONIC = "elektronik", _("Elektronik (softcopy)")
    BOTH = "keduanya", _("Cetak dan elektronik")


# Exempt information, UU 14/2008 Pasal 17 letters a–j (the DIK's legal basis).
EXEMPTION_GROUNDS = [
    ("a", _("Pasal 17 huruf a — menghambat proses penegakan hukum")),
    ("b", _("Pasal 17 huruf b — mengganggu perlindungan HKI dan persaingan usaha")),
    ("c", _("Pasal 17 huruf c — membahayakan pertahanan dan keamanan negara")),
    ("d", _("Pasal 17 huruf d — mengungkap kekayaan alam Indonesia")),
    ("e", _("Pasal 17 huruf e — merugikan ketahanan ekonomi nasional")),
    ("f", _("Pasal 17 huruf f — merugikan kepentingan hubungan luar negeri")),
    ("g", _("Pasal 17 huruf g — mengungkap isi akta otentik pribadi atau wasiat")),
    ("h", _("Pasal 17 huruf h — mengungkap rahasia pribadi")),
    ("i", _("Pasal 17 huruf i — memorandum yang menurut sifatnya dirahasiakan")),
    ("j", _("Pasal 17 huruf j — tidak boleh diungkap berdasarkan undang-undang")),
]
# Pasal 20: exemptions under a–f are not permanent; they need an end.
TEMPORARY_GROUNDS = frozenset("abcdef")

# Pasal 9 ayat (3): periodic information is published at least every six months.
PERIODIC_REFRESH_MONTHS = 6


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (clamped to the month's last day)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def is_stale(category: str, last_updated: date | None, today: date) -> bool:
    """A periodic item not updated for six months or more is stale (Pasal 9 ayat (3))."""
    if category != Category.PERIODIC:
        return False
    if last_updated is None:
        return True
    return last_updated <= months_before(today, PERIODIC_REFRESH_MONTHS)
