"""Forwarding a request to the public body that holds the information, in one action.

UU 14/2008 Pasal 22 ayat (7) huruf b: the written notice tells the requester which public body
holds the information. Lontar does it as one service call:

- **to an agency on this platform**: the written notice (a "penerusan" Notice, numbered and
  stored like every notice) names the receiving agency and the new registration number; the
  receiving agency gets the request with the requester's details, files and a link to its
  history, registered under its own number with its own clock (`forwarding_rules.py`); the
  requester tracks it with the same tracking code; the first request ends.
- **to a body outside the platform**: the written notice names that body and the request ends.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lontar.agencies.calendar import calendar_for_agency
from lontar.agencies.models import Agency
from lontar.core.orphans import removes_saved_files_on_error, track
from lontar.core.personal_data import redact as mask_personal_data
from lontar.ppid import mail
from lontar.ppid.actions import Action, require
from lontar.ppid.events import _record, settings_for
from lontar.ppid.forwarding_rules import ForwardedClock, forwarded_clock
from lontar.ppid.models import InformationRequest
from lontar.ppid.notice_services import issue_notice
from lontar.ppid.notices import NoticeKind
from lontar.ppid.numbering import format_registration_number, next_sequence
from lontar.ppid.states import Decision, Status

BODY_MIN, BODY_MAX = 3, 150
NOTE_MAX = 500

# The requester's details copied to the receiving agency (the same person asked the same thing).
COPIED_FIELDS = (
    "channel",
    "name",
    "identity_kind",
    "nik_encrypted",
    "nik_lookup",
    "legal_entity_decree",
    "address",
    "phone",
    "email",
    "occupation",
    "consent_at",
    "consent_text",
    "consent_version",
    "group_name",
    "filed_by_proxy",
    "represented_person",
    "notice_channel",
    "information_requested",
    "purpose",
    "obtain_method",
    "delivery_method",
    "public_summary",
)
COPIED_FILES = ("identity_scan", "proxy_letter", "group_mandate")


def forward_targets(information_request: InformationRequest):
    """Agencies on the platform a request may be forwarded to: any other, not retired."""
    return Agency.objects.exclude(pk=information_request.agency_id).filter(retired_at__isnull=True)


def _check(information_request: InformationRequest, to: Agency | None, body: str, note: str):
    errors: dict[str, str] = {}
    if (to is None) == (not body):
        errors["to"] = _("Pilih satu instansi di platform ini atau tulis nama badan publik lain.")
    if to is not None and not forward_targets(information_request).filter(pk=to.pk).exists():
        errors["to"] = _("Instansi tujuan tidak dapat menerima penerusan.")
    if body and not BODY_MIN <= len(body) <= BODY_MAX:
        errors["outside_body"] = _("Nama badan publik 3 sampai 150 huruf.")
    if body and mask_personal_data(body) != body:
        errors["outside_body"] = _("Tulis nama badan publik saja, tanpa data pribadi.")
    if len(note) > NOTE_MAX:
        errors["note"] = _("Catatan terlalu panjang (paling banyak 500 huruf).")
    if errors:
        raise ValidationError(errors)


def _copy_to(
    original: InformationRequest, to: Agency, now
) -> tuple[InformationRequest, ForwardedClock]:
    clock = forwarded_clock(
        now,
        original_received_at=original.received_at,
        original_notice_due=original.notice_due,
        calendar=calendar_for_agency(to),
        tz=to.time_zone,
        original_tz=original.agency.time_zone,
    )
    deadlines = clock.deadlines
    received_on = deadlines.received_on
    sequence = next_sequence(to, received_on.year)
    ppid_settings = settings_for(to)
    copy = InformationRequest(
        agency=to,
        number=format_registration_number(
            ppid_settings.number_format,
            sequence=sequence,
            received_on=received_on,
            short_name=to.short_name,
        ),
        year=received_on.year,
        sequence=sequence,
        # The requester keeps the one code they were given; it opens the new number too.
        tracking_code_hash=original.tracking_code_hash,
        received_at=now,
        notice_due=deadlines.notice_due,
        extended_due=deadlines.extended_due,
        skipped_days=[day.as_dict() for day in deadlines.skipped],
        forwarded_from=original,
        **{name: getattr(original, name) for name in COPIED_FIELDS},
    )
    for name in COPIED_FILES:
        source = getattr(original, name)
        if source:
            with source.open("rb") as stored:
                content = stored.read()
            getattr(copy, name).save(PurePath(source.name).name, ContentFile(content), save=False)
            track(getattr(copy, name))
    copy.save()
    return copy, clock


def _end(original: InformationRequest, *, holder: str, remarks: str, by, ip) -> None:
    """The first body's written notice (Pasal 22 ayat (7) a–b), then the request ends."""
    from lontar.ppid.services import Answer, _move, answer_request

    answer_request(
        original,
        answer=Answer(
            decision=Decision.NOT_HELD, holder_body=holder[:200], register_remarks=remarks[:300]
        ),
        by=by,
        ip=ip,
    )
    original.completed_at = timezone.now()
    _move(
        original,
        Status.COMPLETED,
        kind="completed",
        by=by,
        ip=ip,
        public_note=_("Permohonan selesai di badan publik ini: informasi dikuasai %(body)s.")
        % {"body": holder[:200]},
    )
    original.save()


@removes_saved_files_on_error
@transaction.atomic
def forward_request(
    information_request: InformationRequest,
    *,
    to: Agency | None = None,
    outside_body: str = "",
    note: str = "",
    by,
    ip: str | None = None,
) -> InformationRequest | None:
    """Forward to an agency on the platform (returns the receiving agency's request) or name a
    body outside it (returns None). Either way the requester gets a written notice and this
    request ends."""
    require(Action.ANSWER, information_request, by=by)
    outside_body = " ".join((outside_body or "").split())
    note = " ".join((note or "").split())
    _check(information_request, to, outside_body, note)
    original = InformationRequest.objects.select_for_update().get(pk=information_request.pk)
    if to is None:
        _end(
            original,
            holder=outside_body,
            remarks=_("Informasi dikuasai %(body)s.") % {"body": outside_body},
            by=by,
            ip=ip,
        )
        _record(
            original,
            kind="forwarded_outside",
            by=by,
            ip=ip,
            internal_note=note,
        )
        return None
    now = timezone.now()
    copy, clock = _copy_to(original, to, now)
    holder = _("%(agency)s (diteruskan dengan nomor pendaftaran %(number)s)") % {
        "agency": to.name[:120],
        "number": copy.number,
    }
    _record(
        original,
        kind="forwarded",
        by=by,
        ip=ip,
        public_note=_(
            "Permohonan diteruskan kepada %(agency)s dengan nomor pendaftaran %(number)s. "
            "Lacak dengan nomor itu dan kode lacak yang sama."
        )
        % {"agency": to.name, "number": copy.number},
        internal_note=note,
    )
    _end(
        original,
        holder=holder,
        remarks=_("Diteruskan kepada %(agency)s.") % {"agency": to.name[:200]},
        by=by,
        ip=ip,
    )
    _record(
        copy,
        kind="forwarded_in",
        by=by,
        ip=ip,
        to_status=Status.REGISTERED,
        public_note=_("Diterima sebagai penerusan dari %(agency)s (nomor %(number)s). ")
        % {"agency": original.agency.name, "number": original.number}
        + clock.explanation,
        internal_note=note,
    )
    notice = issue_notice(copy, NoticeKind.RECEIPT)
    mail.send_update(copy, "forwarded_in", notice=notice)
    return copy


def history_of(information_request: InformationRequest) -> list:
    """The steps of the requests this one was forwarded from, oldest first (for the receiving
    officers: what was done before it reached them)."""
    steps: list[tuple[InformationRequest, Any]] = []
    source = information_request.forwarded_from
    seen = 0
    while source is not None and seen < 10:  # a forwarding chain is short; never loop
        steps = [(source, event) for event in source.events.order_by("at", "pk")] + steps
        source = source.forwarded_from
        seen += 1
    return steps
