"""Notices to a requester: which kinds exist, what each must say, how it reaches the requester.

Pure rules, no database: `documents.py` renders the items listed here, `notice_services.py`
stores and delivers them, and `tests/test_notices.py` pins the table below.

Every notice (receipt, extension, answer, refusal, forwarding, "not held") is a dated, numbered
document signed by the PPID, kept exactly as it went out (UU 14/2008 Pasal 22 ayat (4)–(8);
Perki 1/2021, the "Format Pemberitahuan Tertulis"). A requester without e-mail still gets it:
by post, at the desk, or printed at intake, and the desk records when it was handed over.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    RECEIPT = "tanda_terima", _("Tanda bukti penerimaan permohonan")
    EXTENSION = "perpanjangan", _("Pemberitahuan perpanjangan waktu")
    ANSWER = "jawaban", _("Pemberitahuan tertulis")
    REFUSAL = "penolakan", _("Pemberitahuan penolakan")
    FORWARDING = "penerusan", _("Pemberitahuan informasi dikuasai badan publik lain")
    NOT_HELD = "tidak_dikuasai", _("Pemberitahuan informasi tidak dikuasai")


class NoticeChannel(models.TextChoices):
    EMAIL = "surel", _("Surel")
    POST = "pos", _("Pos/kurir")
    DESK = "meja", _("Diambil di meja layanan")
    PRINTED = "cetak", _("Dicetak dan diserahkan saat permohonan dicatat")


# Short codes in the notice number, so a number read out over the phone says what it is.
KIND_CODES: Mapping[str, str] = {
    NoticeKind.RECEIPT: "TT",
    NoticeKind.EXTENSION: "PRP",
    NoticeKind.ANSWER: "PT",
    NoticeKind.REFUSAL: "TLK",
    NoticeKind.FORWARDING: "TRS",
    NoticeKind.NOT_HELD: "TDK",
}

# Items every notice carries: its own date and number, the request it answers, who it is for,
# and who signs it.
COMMON_ITEMS = ("date", "number", "request_number", "request_date", "requester", "signatory")

# What each kind must also say. Letters a–g are UU 14/2008 Pasal 22 ayat (7); an answer that
# gives information states all of them, a refusal the ones a refusal is about (with the
# Pasal 17 grounds and, for a–f, how long the exemption lasts, Pasal 20), a forwarding or
# "not held" notice whether the information is held and by whom.
REQUIRED_ITEMS: Mapping[str, tuple[str, ...]] = {
    NoticeKind.RECEIPT: (*COMMON_ITEMS, "information_requested", "notice_due", "tariff"),
    NoticeKind.EXTENSION: (*COMMON_ITEMS, "extension_reason", "extended_due"),
    NoticeKind.ANSWER: (*COMMON_ITEMS, "a", "b", "c", "d", "e", "f", "g"),
    NoticeKind.REFUSAL: (*COMMON_ITEMS, "a", "c", "grounds", "exemption_duration", "objection"),
    NoticeKind.FORWARDING: (*COMMON_ITEMS, "a", "b", "objection"),
    NoticeKind.NOT_HELD: (*COMMON_ITEMS, "a", "b", "objection"),
}


@dataclass(frozen=True)
class NoticeItem:
    key: str
    label: str
    value: str


def kind_for_decision(decision: str, *, holder_known: bool) -> NoticeKind:
    """The kind of notice an officer's decision produces (values of `states.Decision`)."""
    if decision == "ditolak":
        return NoticeKind.REFUSAL
    if decision == "tidak_dikuasai":
        return NoticeKind.FORWARDING if holder_known else NoticeKind.NOT_HELD
    return NoticeKind.ANSWER


def notice_number(request_number: str, sequence: int, kind: str) -> str:
    """The notice's own number: its place among the request's notices, its kind, the request.

    >>> notice_number("012/PPID-BKD/2026", 2, "perpanjangan")
    '02/PRP/012/PPID-BKD/2026'
    """
    if sequence < 1:
        raise ValueError("notice sequence starts at 1")
    return f"{sequence:02d}/{KIND_CODES[kind]}/{request_number}"


def missing_items(kind: str, items: list[NoticeItem]) -> list[str]:
    """Required items of `kind` that `items` lacks or leaves empty; [] when complete.

    An item some notices leave blank on purpose (b, "which other body holds it", when nobody
    knows; e, blacking-out, when nothing was blacked out) is written as "-" — present, so a
    reader knows it was considered.
    """
    given = {item.key for item in items if item.value.strip()}
    return [key for key in REQUIRED_ITEMS[kind] if key not in given]


def channel_for(
    *,
    chosen: str,
    filed_through: str,
    has_email: bool,
    kind: str,
) -> NoticeChannel:
    """How a notice reaches the requester.

    The requester's choice wins where it can work; e-mail without an address falls back to the
    desk. A receipt for a request made in person is printed on the spot (Pasal 22 ayat (4)), and
    a receipt for a letter goes back by post unless the requester chose otherwise (ayat (6)).
    """
    if kind == NoticeKind.RECEIPT and filed_through == "langsung":
        return NoticeChannel.PRINTED
    if chosen == NoticeChannel.PRINTED and kind != NoticeKind.RECEIPT:
        # Printed-at-intake is a receipt's channel; later notices wait at the desk.
        return NoticeChannel.DESK
    if chosen in NoticeChannel.values:
        if chosen == NoticeChannel.EMAIL and not has_email:
            return NoticeChannel.DESK
        return NoticeChannel(chosen)
    if has_email:
        return NoticeChannel.EMAIL
    if filed_through == "surat":
        return NoticeChannel.POST
    return NoticeChannel.DESK


def is_sent_by_itself(channel: str) -> bool:
    """E-mail is delivered by the outbox; every paper channel needs an officer to record it."""
    return channel == NoticeChannel.EMAIL


class DeliveryState(models.TextChoices):
    """Where a notice stands on its way to the requester (the tracking and officer pages)."""

    DELIVERED = "disampaikan", _("disampaikan")
    QUEUED = "antre", _("dalam antrean pengiriman surel")
    FAILED = "gagal", _("surel gagal terkirim")
    WAITING = "menunggu", _("belum disampaikan")


def delivery_state(*, channel: str, delivered: bool, mail_status: str | None) -> DeliveryState:
    """A notice is delivered when recorded so; an e-mailed one until then follows its mail.

    `mail_status` is the outbox row's status ("pending", "sent", "failed") or None when there
    is no row (never queued, or erased). A mail the server accepted counts as delivered even
    before the notice row learnt it.
    """
    if delivered:
        return DeliveryState.DELIVERED
    if channel != NoticeChannel.EMAIL or mail_status is None:
        return DeliveryState.WAITING
    if mail_status == "sent":
        return DeliveryState.DELIVERED
    if mail_status == "failed":
        return DeliveryState.FAILED
    return DeliveryState.QUEUED
