"""The states of an information request and the only transitions the law allows.

registered → in_process → (extended, once, before the notice is due) → answered → completed;
a registered request may also be answered at once (the written notice is due within 10 working
days, UU 14/2008 Pasal 22 ayat (7), however quickly it comes); an extension always passes
through in_process; any open state → withdrawn; completed and withdrawn are final. Services
enforce this table (through `actions.py`); nothing else changes a status. The table is pinned
pair by pair in `tests/test_states.py`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    REGISTERED = "terdaftar", _("Terdaftar")
    IN_PROCESS = "diproses", _("Sedang diproses")
    EXTENDED = "diperpanjang", _("Diperpanjang")
    ANSWERED = "dijawab", _("Telah dijawab")
    COMPLETED = "selesai", _("Selesai")
    WITHDRAWN = "dibatalkan", _("Dibatalkan pemohon")

    @classmethod
    def open_statuses(cls) -> frozenset[str]:
        return frozenset({cls.REGISTERED, cls.IN_PROCESS, cls.EXTENDED})


class Decision(models.TextChoices):
    GRANTED = "diberikan", _("Diberikan seluruhnya")
    PARTLY = "sebagian", _("Diberikan sebagian")
    REFUSED = "ditolak", _("Ditolak (informasi dikecualikan)")
    NOT_HELD = "tidak_dikuasai", _("Informasi tidak dikuasai")
    NOT_DOCUMENTED = "belum_didokumentasikan", _("Informasi belum didokumentasikan")


# Exempt information, UU 14/2008 Pasal 17 letters a–j.
REFUSAL_GROUNDS = [
    ("Pasal 17 huruf a", _("menghambat proses penegakan hukum")),
    ("Pasal 17 huruf b", _("mengganggu perlindungan HKI dan persaingan usaha")),
    ("Pasal 17 huruf c", _("membahayakan pertahanan dan keamanan negara")),
    ("Pasal 17 huruf d", _("mengungkap kekayaan alam Indonesia")),
    ("Pasal 17 huruf e", _("merugikan ketahanan ekonomi nasional")),
    ("Pasal 17 huruf f", _("merugikan kepentingan hubungan luar negeri")),
    ("Pasal 17 huruf g", _("mengungkap isi akta otentik pribadi atau wasiat")),
    ("Pasal 17 huruf h", _("mengungkap rahasia pribadi")),
    ("Pasal 17 huruf i", _("memorandum yang menurut sifatnya dirahasiakan")),
    ("Pasal 17 huruf j", _("tidak boleh diungkap berdasarkan undang-undang")),
]

TRANSITIONS: dict[str, frozenset[str]] = {
    Status.REGISTERED: frozenset({Status.IN_PROCESS, Status.ANSWERED, Status.WITHDRAWN}),
    Status.IN_PROCESS: frozenset({Status.EXTENDED, Status.ANSWERED, Status.WITHDRAWN}),
    Status.EXTENDED: frozenset({Status.ANSWERED, Status.WITHDRAWN}),
    Status.ANSWERED: frozenset({Status.COMPLETED}),
    Status.COMPLETED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}


def can_move(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())
