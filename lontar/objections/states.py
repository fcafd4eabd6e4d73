"""The life of an objection (keberatan), as a table.

registered → (answer, by the Atasan PPID) → answered; from registered (no answer in time) or
answered (refusal upheld), officers record the dispute at the Komisi Informasi:
→ disputed (each stage: filed, mediation, adjudication, court) → closed (the final outcome).
Services check this table (`services.py`) and `services.allowed_actions` reads it for the
buttons, so the two never disagree. Pure: no database needed to import or test it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from lontar.core.transitions import Transition, TransitionNotAllowed, Workflow


class Status(models.TextChoices):
    REGISTERED = "terdaftar", _("Terdaftar, menunggu tanggapan Atasan PPID")
    ANSWERED = "ditanggapi", _("Telah ditanggapi Atasan PPID")
    DISPUTED = "sengketa", _("Dalam sengketa di Komisi Informasi")
    CLOSED = "selesai", _("Sengketa selesai")


class Ground(models.TextChoices):
    """UU 14/2008 Pasal 35 ayat (1) huruf a–g."""

    A = "a", _("a. Penolakan berdasarkan alasan pengecualian Pasal 17")
    B = "b", _("b. Informasi berkala (Pasal 9) tidak disediakan")
    C = "c", _("c. Permintaan informasi tidak ditanggapi")
    D = "d", _("d. Permintaan ditanggapi tidak sebagaimana yang diminta")
    E = "e", _("e. Permintaan informasi tidak dipenuhi")
    F = "f", _("f. Biaya yang dikenakan tidak wajar")
    G = "g", _("g. Informasi disampaikan melebihi waktu yang diatur")


# Ground b (periodic information not published) is about what the agency must publish, not
# about a request: it is the one ground that may be filed without a request number.
STANDALONE_GROUNDS = frozenset({Ground.B})


class Outcome(models.TextChoices):
    """The Atasan PPID's written answer (UU 14/2008 Pasal 36 ayat (2))."""

    UPHELD = "menguatkan", _("Menguatkan keputusan PPID (keberatan ditolak)")
    PARTLY = "sebagian", _("Mengabulkan sebagian keberatan")
    GRANTED = "mengabulkan", _("Mengabulkan keberatan; PPID wajib memberikan informasi")

    @classmethod
    def leaves_dispute_open(cls) -> frozenset[str]:
        return frozenset({cls.UPHELD, cls.PARTLY})


class DisputeStage(models.TextChoices):
    FILED = "diajukan", _("Permohonan penyelesaian sengketa diajukan ke Komisi Informasi")
    MEDIATION = "mediasi", _("Mediasi")
    ADJUDICATION = "ajudikasi", _("Ajudikasi nonlitigasi")
    COURT = "pengadilan", _("Gugatan di pengadilan (PTUN/PN) atau kasasi")


class DisputeOutcome(models.TextChoices):
    AGREEMENT = "mediasi_sepakat", _("Mediasi berhasil: kesepakatan para pihak")
    GRANTED = "dikabulkan", _("Permohonan pemohon dikabulkan")
    PARTLY = "dikabulkan_sebagian", _("Dikabulkan sebagian")
    REJECTED = "ditolak", _("Permohonan pemohon ditolak")
    WITHDRAWN = "dicabut", _("Dicabut oleh pemohon")


# Permissions: officers record the dispute; only the Atasan PPID answers (Pasal 36).
ANSWER_PERMISSION = "objections.answer_objection"
DESK_PERMISSION = "objections.change_objection"

ANSWER = "answer"
DISPUTE = "dispute"  # record a stage of the dispute at the Komisi Informasi or in court
CLOSE = "close"  # record the final outcome

WORKFLOW = Workflow(
    [
        Transition(ANSWER, frozenset({Status.REGISTERED}), Status.ANSWERED, ANSWER_PERMISSION),
        Transition(
            DISPUTE,
            frozenset({Status.REGISTERED, Status.ANSWERED, Status.DISPUTED}),
            Status.DISPUTED,
            DESK_PERMISSION,
        ),
        Transition(CLOSE, frozenset({Status.DISPUTED}), Status.CLOSED, DESK_PERMISSION),
    ]
)

REFUSALS = {
    ANSWER: _("Keberatan ini sudah ditanggapi."),
    DISPUTE: _("Sengketa keberatan ini sudah selesai."),
    CLOSE: _("Hasil akhir hanya dapat dicatat untuk keberatan yang sedang disengketakan."),
}


def check(action: str, status: str) -> str:
    """The status after `action`; `TransitionNotAllowed` with a message for staff otherwise."""
    try:
        return WORKFLOW.check(action, status)
    except TransitionNotAllowed as exc:
        raise TransitionNotAllowed(action, status, str(REFUSALS[action])) from exc
