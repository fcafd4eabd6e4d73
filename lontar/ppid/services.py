"""Every write to an information request goes through one of these functions.

Each officer action first asks `actions.require` (the same guard `actions.allowed_actions` gives
the admin its buttons from: transition table, deadlines, the user's permission and agency), then
checks the officer's input, stores the change, appends a RequestEvent (who, when, what, from
which IP) and an audit row (`events.audit_officer_action`), and tells the requester by e-mail
through the outbox, in the same transaction.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lontar.agencies.models import Agency, Unit
from lontar.core.faults import store_files
from lontar.core.orphans import removes_saved_files_on_error, track
from lontar.core.uploads import server_name
from lontar.ppid import costs, crypto, exemptions, limits, mail, privacy, requesters, retention
from lontar.ppid.actions import Action, require, transition_refusal
from lontar.ppid.clock import deadlines_for
from lontar.ppid.erasure import (  # noqa: F401  (the services' public names, as before)
    ERASED,
    erase_expired_personal_data,
    erase_personal_data,
)
from lontar.ppid.events import (  # noqa: F401
    _record,
    audit_officer_action,
    extend_retention,
    settings_for,
)
from lontar.ppid.models import (
    InformationRequest,
    ReleasedDocument,
)
from lontar.ppid.notice_services import issue_notice, mailed
from lontar.ppid.notices import NoticeKind
from lontar.ppid.notices import kind_for_decision as notice_kind_for
from lontar.ppid.numbering import format_registration_number, next_sequence
from lontar.ppid.states import Decision, Status

logger = logging.getLogger("lontar.ppid")


# The requester's uploads, by field name on the forms and on InformationRequest.
REQUESTER_FILES = ("identity_scan", "proxy_letter", "group_mandate")


@dataclass
class RequesterDetails:
    """What the requester gave (UU 14/2008 Pasal 22; Perki 1/2021 request form)."""

    name: str
    identity_kind: str
    address: str
    information_requested: str
    purpose: str
    obtain_method: str
    delivery_method: str
    nik: str = ""
    legal_entity_decree: str = ""
    phone: str = ""
    email: str = ""
    occupation: str = ""
    group_name: str = ""
    filed_by_proxy: bool = False
    represented_person: str = ""
    notice_channel: str = ""
    # The privacy notice exactly as shown when the request was filed (ppid/privacy.py).
    consent_text: str = ""
    files: dict = field(default_factory=dict)  # REQUESTER_FILES: UploadedFile

    @classmethod
    def from_cleaned(cls, data: Mapping[str, Any]) -> RequesterDetails:
        """From a form's cleaned data: the public request form and the officer's intake alike.

        A person gives a NIK and no decree, a legal entity the reverse; whatever else was typed
        in the other field is not kept (UU 27/2022: collect only what is needed).
        """
        person = data["identity_kind"] == InformationRequest.IdentityKind.PERSON
        group = data["identity_kind"] == InformationRequest.IdentityKind.GROUP
        proxy = bool(data.get("is_proxy"))
        return cls(
            name=data["name"].strip(),
            identity_kind=data["identity_kind"],
            address=data["address"].strip(),
            information_requested=data["information_requested"].strip(),
            purpose=data["purpose"].strip(),
            obtain_method=data["obtain_method"],
            # Seeing the information needs no delivery: whatever was picked is not kept.
            delivery_method=(data.get("delivery_method") or "")
            if requesters.delivery_needed(data["obtain_method"])
            else "",
            nik=(data.get("nik") or "") if person or group else "",
            legal_entity_decree=(data.get("legal_entity_decree") or "").strip()
            if data["identity_kind"] == InformationRequest.IdentityKind.LEGAL_ENTITY
            else "",
            phone=(data.get("phone") or "").strip(),
            email=data.get("email") or "",
            occupation=(data.get("occupation") or "").strip(),
            group_name=(data.get("group_name") or "").strip() if group else "",
            filed_by_proxy=proxy,
            represented_person=(data.get("represented_person") or "").strip() if proxy else "",
            notice_channel=data.get("notice_channel") or "",
            consent_text=data.get("consent_text") or "",
            files={
                name: data[name]
                for name in REQUESTER_FILES
                if data.get(name) and (name != "group_mandate" or group)
            },
        )


def _move(
    information_request,
    to_status: str,
    *,
    kind: str,
    by=None,
    ip=None,
    public_note: str = "",
    internal_note: str = "",
) -> None:
    from_status = information_request.status
    refused = transition_refusal(from_status, to_status)
    if refused:
        raise ValidationError(refused)
    information_request.status = to_status
    _record(
        information_request,
        kind=kind,
        by=by,
        ip=ip,
        from_status=from_status,
        to_status=to_status,
        public_note=public_note,
        internal_note=internal_note,
    )


@removes_saved_files_on_error  # a rollback must not leave a KTP scan behind (issue 19)
@transaction.atomic
def register_request(
    *,
    agency: Agency,
    details: RequesterDetails,
    received_at: datetime,
    channel: str,
    by=None,
    ip: str | None = None,
) -> tuple[InformationRequest, str]:
    """Store a request durably, number it and start its clock; return it and its secret code.

    The tracking code is shown and e-mailed once; only its keyed hash is kept.
    """
    if timezone.is_naive(received_at):
        raise ValueError("received_at must be timezone-aware")
    limits.check_lengths(details, limits.REQUESTER_LIMITS)
    problems = requesters.requester_problems(
        kind=details.identity_kind,
        group_name=details.group_name,
        has_mandate=bool(details.files.get("group_mandate")),
        is_proxy=details.filed_by_proxy,
        represented_person=details.represented_person,
        has_proxy_letter=bool(details.files.get("proxy_letter")),
        obtain_method=details.obtain_method,
        delivery_method=details.delivery_method,
    )
    if problems:
        raise ValidationError(problems)
    if len(details.consent_text) > privacy.CONSENT_TEXT_MAX:
        raise ValidationError(_("Teks pemberitahuan privasi terlalu panjang."))
    if received_at > timezone.now() + timedelta(minutes=5):
        raise ValidationError(_("Tanggal diterima tidak boleh di masa depan."))
    ppid_settings = settings_for(agency)
    deadlines = deadlines_for(agency, received_at)
    received_on = deadlines.received_on
    sequence = next_sequence(agency, received_on.year)
    code = secrets.token_hex(4).upper()  # 8 characters, easy to read out over the phone
    nik = (
        details.nik if details.identity_kind != InformationRequest.IdentityKind.LEGAL_ENTITY else ""
    )
    information_request = InformationRequest(
        agency=agency,
        number=format_registration_number(
            ppid_settings.number_format,
            sequence=sequence,
            received_on=received_on,
            short_name=agency.short_name,
        ),
        year=received_on.year,
        sequence=sequence,
        tracking_code_hash=crypto.tracking_code_hash(code),
        channel=channel,
        received_at=received_at,
        name=details.name,
        identity_kind=details.identity_kind,
        nik_encrypted=crypto.encrypt_nik(nik) if nik else "",
        nik_lookup=crypto.nik_lookup_hash(nik) if nik else "",
        legal_entity_decree=details.legal_entity_decree,
        address=details.address,
        phone=details.phone,
        email=details.email,
        occupation=details.occupation,
        consent_at=timezone.now()
        if channel == InformationRequest.Channel.WEB or details.consent_text
        else None,
        consent_text=details.consent_text,
        consent_version=privacy.version_of(details.consent_text) if details.consent_text else "",
        group_name=details.group_name,
        filed_by_proxy=details.filed_by_proxy,
        represented_person=details.represented_person,
        notice_channel=details.notice_channel,
        information_requested=details.information_requested,
        purpose=details.purpose,
        obtain_method=details.obtain_method,
        delivery_method=details.delivery_method,
        notice_due=deadlines.notice_due,
        extended_due=deadlines.extended_due,
        skipped_days=[day.as_dict() for day in deadlines.skipped],
        retain_personal_data_until=retention.erase_on(received_on, ppid_settings.retention_years),
    )
    # The stored name is ours; a path or script in the given name goes nowhere. All files or
    # none: a storage error raises StorageUnavailable before the row is saved.
    store_files(
        information_request,
        {name: details.files.get(name) for name in REQUESTER_FILES},
        server_name,
    )
    for name in REQUESTER_FILES:
        if getattr(information_request, name):
            track(getattr(information_request, name))  # deleted again if this service fails
    information_request.save()
    _record(
        information_request,
        kind="registered",
        by=by,
        ip=ip,
        to_status=Status.REGISTERED,
        public_note=_("Permohonan diterima melalui %(channel)s.")
        % {"channel": information_request.get_channel_display().lower()},
    )
    receipt = issue_notice(information_request, NoticeKind.RECEIPT)
    # Into the outbox, in this transaction; delivered when the outbox reports it sent.
    mailed(receipt, mail.send_receipt(information_request, code))
    # Operators see that requests arrive; never who asked (the log filter is a second guard).
    logger.info("permohonan %s diterima melalui %s", information_request.number, channel)
    return information_request, code


@transaction.atomic
def assign_request(
    information_request: InformationRequest,
    *,
    unit: Unit,
    internal_due: date | None,
    note: str,
    by,
    ip=None,
) -> None:
    """Send the request to the unit that holds the information (PPID Pelaksana)."""
    require(Action.ASSIGN, information_request, by=by)
    if unit.agency_id != information_request.agency_id:
        raise ValidationError(_("Unit harus dari instansi yang sama."))
    if internal_due and internal_due > information_request.current_due:
        raise ValidationError(_("Batas internal unit melewati batas waktu hukum."))
    information_request.assigned_unit = unit
    information_request.internal_due = internal_due
    information_request.disposition_note = note
    public = _("Permohonan diteruskan ke unit pengolah.")
    if information_request.status == Status.REGISTERED:
        _move(
            information_request,
            Status.IN_PROCESS,
            kind="assigned",
            by=by,
            ip=ip,
            public_note=public,
            internal_note=f"{unit.name}: {note}",
        )
    else:
        _record(
            information_request,
            kind="assigned",
            by=by,
            ip=ip,
            public_note=public,
            internal_note=f"{unit.name}: {note}",
        )
    information_request.save()
    audit_officer_action(
        Action.ASSIGN,
        information_request,
        by=by,
        ip=ip,
        changes={"assigned_unit": unit.pk, "internal_due": internal_due},
    )


@transaction.atomic
def extend_request(
    information_request: InformationRequest, *, reason: str, by, ip=None, today: date | None = None
) -> None:
    """Once, with written reasons, and only before the notice is due (Pasal 22 ayat (8)).

    `today` defaults to the agency's today; the rules themselves are in `actions`.
    """
    require(Action.EXTEND, information_request, by=by, today=today)
    if len(reason.strip()) < 20:
        raise ValidationError(_("Tuliskan alasan perpanjangan secara jelas (minimal 20 huruf)."))
    if len(reason) > limits.EXTENSION_REASON_MAX:
        raise ValidationError(_("Alasan perpanjangan terlalu panjang."))
    if information_request.status == Status.REGISTERED:
        _move(information_request, Status.IN_PROCESS, kind="processing", by=by, ip=ip)
    information_request.extended_at = timezone.now()
    information_request.extension_reason = reason.strip()
    _move(
        information_request,
        Status.EXTENDED,
        kind="extended",
        by=by,
        ip=ip,
        public_note=reason.strip(),
    )
    information_request.save()
    notice = issue_notice(information_request, NoticeKind.EXTENSION)
    mailed(notice, mail.send_update(information_request, "extended", notice=notice))
    audit_officer_action(
        Action.EXTEND,
        information_request,
        by=by,
        ip=ip,
        changes={"extended_due": information_request.extended_due},
    )


@dataclass
class Answer:
    """The officer's written notice, items a–g of UU 14/2008 Pasal 22 ayat (7)."""

    decision: str
    material_given: str = ""
    holder_body: str = ""
    refusal_ground: str = ""  # one ground, as older callers give it; see refusal_grounds
    refusal_grounds: list = field(default_factory=list)  # Pasal 17 codes, several allowed
    exemption_years: int | None = None  # Pasal 20: required for letters a–f
    consequence_test: str = ""
    exempt_list_reference: str = ""
    redaction_note: str = ""
    delivery_format: str = ""
    cost_amount: int = 0
    cost_note: str = ""
    payment_method: str = ""  # how and where to pay; required with a cost
    information_form: str = ""  # soft/hard copy held (register column)
    register_remarks: str = ""  # the register's "keterangan"; no personal data
    documentation_days: int | None = None
    documents: list = field(default_factory=list)  # (title, UploadedFile)


def _check_answer(answer: Answer, information_request: InformationRequest) -> None:
    from lontar.core.personal_data import redact as mask_personal_data

    if answer.refusal_ground and not answer.refusal_grounds:
        answer.refusal_grounds = [answer.refusal_ground]
    limits.check_lengths(answer, limits.ANSWER_LIMITS)
    errors: dict[str, str] = {}
    if not 0 <= answer.cost_amount <= limits.COST_MAX_RUPIAH:
        errors["cost_amount"] = _("Biaya harus antara Rp0 dan Rp100.000.000.")
    if answer.decision in (Decision.GRANTED, Decision.PARTLY) and not answer.material_given:
        errors["material_given"] = _("Sebutkan materi informasi yang diberikan.")
    errors.update(
        costs.cost_problems(
            amount=answer.cost_amount,
            payment_method=answer.payment_method,
            obtain_method=information_request.obtain_method,
        )
    )
    if mask_personal_data(answer.register_remarks) != answer.register_remarks:
        errors["register_remarks"] = _(
            "Keterangan tampil di register publik: hapus NIK, nomor telepon, dan alamat surel."
        )
    if answer.decision in (Decision.PARTLY, Decision.REFUSED):
        errors.update(
            exemptions.exemption_problems(
                grounds=answer.refusal_grounds,
                duration_years=answer.exemption_years,
                dik_reference=answer.exempt_list_reference,
                dik_entries=exemptions.dik_entries_for(information_request.agency),
            )
        )
        if len(answer.consequence_test.strip()) < 30:
            errors["consequence_test"] = _("Uraikan uji konsekuensi yang dilakukan.")
    if answer.decision == Decision.PARTLY and not answer.redaction_note:
        errors["redaction_note"] = _("Jelaskan bagian yang dihitamkan dan alasannya.")
    if answer.decision == Decision.NOT_DOCUMENTED and not answer.documentation_days:
        errors["documentation_days"] = _("Sebutkan waktu yang dibutuhkan untuk mendokumentasikan.")
    if errors:
        raise ValidationError(errors)


@removes_saved_files_on_error
@transaction.atomic
def answer_request(information_request: InformationRequest, *, answer: Answer, by, ip=None) -> None:
    """Record the written notice, generate its PDF, attach released documents."""
    from lontar.ppid.documents import store_written_notice

    require(Action.ANSWER, information_request, by=by)
    _check_answer(answer, information_request)
    refusing = answer.decision in (Decision.PARTLY, Decision.REFUSED)
    # Kept in the order of Pasal 17, whatever order they were ticked in.
    chosen = set(answer.refusal_grounds) if refusing else set()
    answer.refusal_grounds = [code for code in exemptions.GROUND_CODES if code in chosen]
    answer.refusal_ground = exemptions.grounds_text(answer.refusal_grounds)
    if not refusing:
        answer.exemption_years = None
    for name in (
        "decision",
        "material_given",
        "holder_body",
        "refusal_ground",
        "refusal_grounds",
        "exemption_years",
        "payment_method",
        "information_form",
        "register_remarks",
        "consequence_test",
        "exempt_list_reference",
        "redaction_note",
        "delivery_format",
        "cost_amount",
        "cost_note",
        "documentation_days",
    ):
        setattr(information_request, name, getattr(answer, name))
    information_request.information_held = answer.decision != Decision.NOT_HELD
    information_request.answered_at = timezone.now()
    if answer.decision in (Decision.GRANTED, Decision.PARTLY):
        # The register's "date the information was given": the notice releases it; a later
        # hand-over on paper is recorded as the notice's delivery.
        information_request.information_given_on = information_request.agency.today()
    for title, upload in answer.documents:
        document = ReleasedDocument(information_request=information_request, title=title)
        document.file.save(server_name(upload), upload, save=False)
        track(document.file)
        document.save()
    _move(
        information_request,
        Status.ANSWERED,
        kind="answered",
        by=by,
        ip=ip,
        public_note=str(Decision(answer.decision).label),
    )
    store_written_notice(information_request)
    track(information_request.notice_pdf)
    information_request.save()
    kind = notice_kind_for(answer.decision, holder_known=bool(answer.holder_body))
    notice = issue_notice(information_request, kind)
    mailed(notice, mail.send_update(information_request, "answered", notice=notice))
    audit_officer_action(
        Action.ANSWER,
        information_request,
        by=by,
        ip=ip,
        changes={"decision": answer.decision, "notice": notice.number},
    )


# The SKM service unit that measures the PPID desk (PermenPANRB 14/2017: after the service).
SURVEY_UNIT_SLUG = "ppid"


@transaction.atomic
def complete_request(information_request: InformationRequest, *, by, ip=None) -> None:
    require(Action.COMPLETE, information_request, by=by)
    information_request.completed_at = timezone.now()
    _move(
        information_request,
        Status.COMPLETED,
        kind="completed",
        by=by,
        ip=ip,
        public_note=_("Layanan permohonan selesai."),
    )
    information_request.save()
    audit_officer_action(Action.COMPLETE, information_request, by=by, ip=ip)
    transaction.on_commit(lambda: _invite_to_survey(information_request))


def _invite_to_survey(information_request: InformationRequest) -> None:
    from lontar.survey.ikm import SurveyError
    from lontar.survey.services import invite_after_service

    if not information_request.email:
        return
    try:
        url = invite_after_service(
            information_request.agency, SURVEY_UNIT_SLUG, f"permohonan:{information_request.pk}"
        )
    except SurveyError:  # the agency runs no SKM for its PPID desk (yet)
        return
    mail.send_survey_invitation(information_request, url)


WITHDRAWAL_NOTE_MAX = 300


@transaction.atomic
def withdraw_request(
    information_request: InformationRequest, *, by, ip=None, note: str = ""
) -> None:
    """The officer records that the requester withdrew the request (by letter, mail, in person)."""
    require(Action.WITHDRAW, information_request, by=by)
    note = " ".join(note.split())
    if len(note) > WITHDRAWAL_NOTE_MAX:
        raise ValidationError({"note": _("Catatan pembatalan terlalu panjang.")})
    _move(
        information_request,
        Status.WITHDRAWN,
        kind="withdrawn",
        by=by,
        ip=ip,
        public_note=_("Permohonan dibatalkan oleh pemohon."),
        internal_note=note,
    )
    information_request.save()
    audit_officer_action(Action.WITHDRAW, information_request, by=by, ip=ip)


@transaction.atomic
def set_public_summary(
    information_request: InformationRequest, *, summary: str, by, ip: str | None = None
) -> None:
    """The officer's wording of the request for the public register."""
    from lontar.core.personal_data import redact as mask_personal_data

    require(Action.SUMMARY, information_request, by=by)
    summary = " ".join(summary.split())
    if summary == information_request.public_summary:
        return
    if mask_personal_data(summary) != summary:
        raise ValidationError(
            {
                "public_summary": _(
                    "Ringkasan tampil di register publik: hapus NIK, nomor telepon, "
                    "dan alamat surel."
                )
            }
        )
    information_request.public_summary = summary
    information_request.save(update_fields=["public_summary"])
    _record(information_request, kind="summary_edited", by=by, ip=ip, internal_note=summary)
    audit_officer_action(Action.SUMMARY, information_request, by=by, ip=ip)
