"""What a copy costs and how it is paid: only what the agency itself decided (UU 14/2008).

Pure rules. Viewing, reading and taking notes are free; copies cost what the agency's own
tariff decision ("standar biaya perolehan salinan") says, and until it has decided one the
portal says "gratis" — never a figure somebody else chose. A notice that charges must say how
and where to pay (Perki 1/2021 written-notice format, item g).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

VIEWING_IS_FREE = "Melihat, membaca, mendengarkan, dan mencatat informasi tidak dipungut biaya."
PAYMENT_METHOD_MIN = 10


def tariff_statement(agency_tariff: str) -> str:
    """The tariff as the public sees it: the agency's decision, or "free" until it decides."""
    decided = agency_tariff.strip()
    if decided:
        return decided
    return _(
        "Gratis. Instansi ini belum menetapkan standar biaya salinan; sampai ditetapkan, "
        "salinan diberikan tanpa biaya."
    )


def viewing_is_free() -> str:
    return _(VIEWING_IS_FREE)


def cost_problems(*, amount: int, payment_method: str, obtain_method: str) -> dict[str, str]:
    """Problems of a notice's cost (field name → message); {} when it may be sent.

    A cost without how and where to pay cannot go out; a requester who only views pays
    nothing.
    """
    problems: dict[str, str] = {}
    if amount and obtain_method == "melihat":
        problems["cost_amount"] = _(
            "Pemohon hanya melihat informasi: melihat dan membaca tidak dipungut biaya."
        )
    elif amount and len(payment_method.strip()) < PAYMENT_METHOD_MIN:
        problems["payment_method"] = _(
            "Biaya dikenakan: sebutkan cara dan tempat pembayaran (misalnya rekening atau loket)."
        )
    return problems


def format_rupiah(amount: int) -> str:
    """Rp1.500 — the Indonesian thousands separator."""
    return "Rp" + f"{amount:,}".replace(",", ".")
