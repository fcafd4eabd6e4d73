"""Issuing notices to a requester and recording that they were delivered.

`issue_notice` runs inside the service that decided the notice (registration, extension,
answer), numbers it, renders it once and stores the PDF in the private storage; that file is
never rebuilt, so what the desk prints later is what was decided.

An e-mailed notice is delivered when the mail server accepted the mail that carries it, not
when it was queued: `mailed` notes the outbox row, and the outbox's `message_sent` signal
(`mail_sent`, connected in `apps.py`) records the delivery with the time the server took it.
Until then the notice shows as queued; a mail the outbox gave up shows as failed and appears on
the request's timeline (`mail_failed`), so the desk can deliver it on paper. Every paper channel
(post, desk, printed at intake) waits for an officer's `record_delivery`. Either way a
delivery appends a `notice_delivered` event.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lontar.core.models import OutboxMessage
from lontar.core.orphans import track
from lontar.ppid import costs
from lontar.ppid.actions import Action, require
from lontar.ppid.deadlines import local_date
from lontar.ppid.events import _record, audit_officer_action
from lontar.ppid.models import InformationRequest, Notice, PPIDSettings
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
    notice.save()
    return notice


def mailed(notice: Notice, row: OutboxMessage | None) -> None:
    """Note the outbox mail that carries an e-mailed notice; its delivery is reported later."""
    if row is None or not is_sent_by_itself(notice.channel):
        return
    notice.email_key = row.key
    notice.save(update_fields=["email_key"])


def _delivered_note(notice: Notice) -> str:
    return _("%(kind)s nomor %(number)s disampaikan (%(channel)s).") % {
        "kind": notice.get_kind_display(),
        "number": notice.number,
        "channel": notice.get_channel_display().lower(),
    }


def _given_with(notice: Notice, r: InformationRequest, delivered_at: datetime) -> None:
    """The register's "date the information was given" is when the answer reached the requester."""
    if notice.kind == NoticeKind.ANSWER and r.information_given_on:
        r.information_given_on = local_date(delivered_at, r.agency.time_zone)
        InformationRequest.objects.filter(pk=r.pk).update(
            information_given_on=r.information_given_on
        )


def mail_sent(sender, *, key: str, sent_at: datetime, **kwargs) -> None:
    """The outbox's `message_sent`: the notices that mail carries are delivered now."""
    if not key.startswith("ppid."):
        return
    waiting = Notice.objects.filter(email_key=key, delivered_at__isnull=True)
    for notice in waiting.select_related("information_request__agency"):
        with transaction.atomic():
            taken = Notice.objects.filter(pk=notice.pk, delivered_at__isnull=True).update(
                delivered_at=sent_at, delivery_note=_("Terkirim ke surel pemohon.")
            )
            if taken:  # not recorded on paper meanwhile
                r = notice.information_request
                _given_with(notice, r, sent_at)
                _record(r, kind=Action.DELIVER.event_kind, public_note=_delivered_note(notice))


def mail_failed(sender, *, key: str, **kwargs) -> None:
    """The outbox's `message_failed`: the desk must now deliver these notices another way."""
    if not key.startswith("ppid."):
        return
    waiting = Notice.objects.filter(email_key=key, delivered_at__isnull=True)
    for notice in waiting.select_related("information_request__agency"):
        _record(
            notice.information_request,
            kind="notice_mail_failed",
            public_note=_(
                "%(kind)s nomor %(number)s tidak dapat dikirim ke surel Anda; surat dapat "
                "diambil di meja layanan PPID atau diunduh di halaman ini."
            )
            % {"kind": notice.get_kind_display(), "number": notice.number},
        )


@transaction.atomic
def record_delivery(
    notice: Notice, *, delivered_at: datetime, note: str, by, ip: str | None = None
) -> None:
    """An officer records that a notice was posted, collected or handed over.

    Also for an e-mailed notice whose mail is still queued or failed: the desk delivered it.
    """
    r = notice.information_request
    require(Action.DELIVER, r, by=by)
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
    _given_with(notice, r, delivered_at)
    _record(r, kind=Action.DELIVER.event_kind, by=by, ip=ip, public_note=_delivered_note(notice))
    audit_officer_action(
        Action.DELIVER,
        r,
        by=by,
        ip=ip,
        obj=notice,
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
