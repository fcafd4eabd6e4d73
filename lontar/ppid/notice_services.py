"""Issuing notices to a requester and recording that they were delivered.

`issue_notice` runs inside the service that decided the notice (registration, extension,
answer), numbers it, renders it once and stores the PDF in the private storage; that file is
never rebuilt, so what the desk prints later is what was decided. E-mail notices count as
delivered when the outbox takes them; every paper channel (post, desk, printed at intake) waits
for an officer's `record_delivery`, which appends an event and an audit row.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lontar.core import audit
from lontar.core.orphans import track
from lontar.ppid import costs
from lontar.ppid.actions import may_change
from lontar.ppid.deadlines import local_date
from lontar.ppid.models import InformationRequest, Notice, PPIDSettings, RequestEvent
from lontar.ppid.notice_content import notice_items
from lontar.ppid.notices import (
    NoticeChannel,
    NoticeKind,
    channel_for,
    is_sent_by_itself,
    missing_items,
    notice_number,
)
from lontar.ppid.states import Decision

DELIVERY_NOTE_MAX = 300


def _signatory(information_request: InformationRequest, row: PPIDSettings | None = None) -> str:
    agency = information_request.agency
    if row and row.signatory_name:
        nip = f" (NIP {row.signatory_nip})" if row.signatory_nip else ""
        return f"{row.signatory_name}{nip}"[:200]
    return agency.ppid_name or _("PPID %(agency)s") % {"agency": agency.name}


def signature_block(row: PPIDSettings | None):
    """The signature block the agency's settings give (name, NIP, position, specimen image)."""
    from lontar.ppid.documents import SignatureBlock

    if row is None or not row.signatory_name:
        return None
    image = None
    if row.signature_specimen:
        try:
            with row.signature_specimen.open("rb") as handle:
                image = handle.read()
        except OSError:
            image = None
    return SignatureBlock(
        name=row.signatory_name,
        nip=row.signatory_nip,
        position=row.signatory_position,
        image=image,
    )


def issue_notice(information_request: InformationRequest, kind: str) -> Notice:
    """Number, render and store one notice; the caller's transaction decides whether it exists."""
    from lontar.ppid.documents import sent_notice_pdf

    r = information_request
    sequence = (r.notices.aggregate(last=Max("sequence"))["last"] or 0) + 1
    number = notice_number(r.number, sequence, kind)
    issued_on = r.agency.today()
    tariff = ""
    row = PPIDSettings.objects.filter(agency=r.agency).first()
    if kind == NoticeKind.RECEIPT:
        tariff = costs.tariff_statement(row.copy_tariff if row else "")
    signatory = _signatory(r, row)
    items = notice_items(
        kind, r, number=number, issued_on=issued_on, signatory=signatory, tariff=tariff
    )
    missing = missing_items(kind, items)
    if missing:  # a programming error, never a citizen's: the services check their input first
        raise ValueError(f"notice {kind} lacks {', '.join(missing)}")
    channel = channel_for(
        chosen=r.notice_channel,
        filed_through=r.channel,
        has_email=bool(r.email),
        kind=kind,
    )
    notice = Notice(
        information_request=r,
        kind=kind,
        sequence=sequence,
        number=number,
        issued_on=issued_on,
        signatory=signatory,
        channel=channel,
    )
    title = str(NoticeKind(kind).label)
    pdf = sent_notice_pdf(r.agency, title, items, signature_block(row))
    notice.pdf.save("surat.pdf", ContentFile(pdf), save=False)
    track(notice.pdf)  # deleted again if the calling service fails
    if is_sent_by_itself(channel):
        # Queued in this transaction with the outbox mail (decision 0015): sent when committed.
        notice.delivered_at = timezone.now()
        notice.delivery_note = _("Dikirim ke surel pemohon.")
    notice.save()
    return notice


@transaction.atomic
def record_delivery(
    notice: Notice, *, delivered_at: datetime, note: str, by, ip: str | None = None
) -> None:
    """An officer records that a paper notice was posted, collected or handed over."""
    r = notice.information_request
    if not may_change(by, r):
        raise PermissionDenied(_("Anda tidak berwenang mengubah permohonan ini."))
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.delivered_at:
        raise ValidationError(_("Penyampaian surat ini sudah dicatat."))
    if delivered_at > timezone.now():
        raise ValidationError({"delivered_on": _("Tanggal penyampaian tidak boleh di masa depan.")})
    if local_date(delivered_at, r.agency.time_zone) < notice.issued_on:
        raise ValidationError(
            {"delivered_on": _("Tanggal penyampaian tidak boleh sebelum tanggal surat.")}
        )
    if len(note) > DELIVERY_NOTE_MAX:
        raise ValidationError({"note": _("Catatan terlalu panjang.")})
    notice.delivered_at = delivered_at
    notice.delivered_by = by
    notice.delivery_note = note.strip()
    notice.save(update_fields=["delivered_at", "delivered_by", "delivery_note"])
    if notice.kind == NoticeKind.ANSWER and r.information_given_on:
        # On paper the information is given when the notice that carries it is handed over.
        r.information_given_on = local_date(delivered_at, r.agency.time_zone)
        r.save(update_fields=["information_given_on"])
    RequestEvent.objects.create(
        information_request=r,
        actor=by,
        kind="notice_delivered",
        public_note=_("%(kind)s nomor %(number)s disampaikan (%(channel)s).")
        % {
            "kind": notice.get_kind_display(),
            "number": notice.number,
            "channel": notice.get_channel_display().lower(),
        },
        ip_address=ip,
    )
    audit.record(
        actor=audit.Actor(user=by, ip=ip),
        action="ppid.notice_delivered",
        obj=notice,
        agency=r.agency,
        changes={"channel": notice.channel, "delivered_at": delivered_at},
    )


# The answer fields a written notice reads (the same list `services.answer_request` stores).
ANSWER_FIELDS = (
    "decision",
    "material_given",
    "holder_body",
    "refusal_grounds",
    "exemption_years",
    "payment_method",
    "consequence_test",
    "exempt_list_reference",
    "redaction_note",
    "delivery_format",
    "cost_amount",
    "cost_note",
    "documentation_days",
)


@dataclass(frozen=True)
class NoticePreview:
    title: str
    channel: str
    recipient: str
    items: list


def preview_answer(information_request: InformationRequest, answer) -> NoticePreview:
    """What the requester will receive if this answer is sent: nothing is saved or numbered."""
    from lontar.ppid.notices import kind_for_decision

    r = copy.copy(information_request)
    for name in ANSWER_FIELDS:
        setattr(r, name, getattr(answer, name))
    r.information_held = answer.decision != Decision.NOT_HELD
    kind = kind_for_decision(answer.decision, holder_known=bool(answer.holder_body))
    items = notice_items(
        kind,
        r,
        number=_("(nomor diberikan saat dikirim)"),
        issued_on=r.agency.today(),
        signatory=_signatory(r, PPIDSettings.objects.filter(agency=r.agency).first()),
    )
    channel = channel_for(
        chosen=r.notice_channel, filed_through=r.channel, has_email=bool(r.email), kind=kind
    )
    recipient = r.email if channel == NoticeChannel.EMAIL else r.name
    return NoticePreview(
        title=str(NoticeKind(kind).label),
        channel=str(NoticeChannel(channel).label),
        recipient=recipient,
        items=[item for item in items if item.key != "signatory"]
        + [item for item in items if item.key == "signatory"],
    )
