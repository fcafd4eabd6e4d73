"""What an officer may do to an information request now: one guard per action, shared.

Every officer service (`services.assign_request`, `extend_request`, `answer_request`,
`complete_request`, `withdraw_request`, `set_public_summary`, `notice_services.record_delivery`,
`privacy_services.correct_personal_data`, `erase_on_request`) starts with `require(action, ...)`,
and the admin shows a button or form only for the actions in `allowed_actions(...)`. Both ask the
same `refusal` function, so the page can never offer what the service would refuse, nor hide
what it would accept. Only the checks on what the officer types (a reason long enough, a unit of
the same agency, the items of the written notice) stay in the services: they need the form's
input. Every action done leaves the same trace: a RequestEvent of kind `action.event_kind` (who,
when, from which address) and an audit row `ppid.<event_kind>` (`events.record_officer_action`).

The rules: the transition table (`states.py`), the law's "once, and before the notice is due"
for an extension (UU 14/2008 Pasal 22 ayat (8)), the requester's data rights (UU 27/2022: not
after the data is gone; erasure not while the request is still being served), and the user's
permission and agency.
"""

from __future__ import annotations

import enum
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from lontar.agencies.selectors import agencies_visible_to
from lontar.ppid.states import Status, can_move

CHANGE_PERMISSION = "ppid.change_informationrequest"


class Action(enum.StrEnum):
    """The officer actions the admin offers; the value is the form's `data-action`."""

    ASSIGN = "assign"
    EXTEND = "extend"
    ANSWER = "answer"
    COMPLETE = "complete"
    WITHDRAW = "withdraw"
    SUMMARY = "summary"
    DELIVER = "deliver"  # record that a notice was posted, collected or handed over
    CORRECT = "correct"  # correct the requester's personal data at their request
    ERASE = "erase"  # erase the requester's personal data at their request

    @property
    def event_kind(self) -> str:
        """The RequestEvent kind (and audit action `ppid.<kind>`) the action leaves."""
        return EVENT_KINDS[self]


EVENT_KINDS = {
    Action.ASSIGN: "assigned",
    Action.EXTEND: "extended",
    Action.ANSWER: "answered",
    Action.COMPLETE: "completed",
    Action.WITHDRAW: "withdrawn",
    Action.SUMMARY: "summary_edited",
    Action.DELIVER: "notice_delivered",
    Action.CORRECT: "personal_data_corrected",
    Action.ERASE: "personal_data_erased",
}


class Refusal(enum.Enum):
    """Why an action is refused: by who asks (403) or by the state of the request (400)."""

    FORBIDDEN = "forbidden"
    STATE = "state"


def transition_refusal(from_status: str, to_status: str) -> str | None:
    """The message for a move the transition table forbids, else None."""
    if can_move(from_status, to_status):
        return None
    return _("Status %(from)s tidak dapat diubah menjadi %(to)s.") % {
        "from": Status(from_status).label,
        "to": Status(to_status).label,
    }


def may_change(user, information_request) -> bool:
    """The user holds the change permission and the request belongs to an agency they serve."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if not user.has_perm(CHANGE_PERMISSION):
        return False
    if agencies_visible_to(user).filter(pk=information_request.agency_id).exists():
        return True
    from lontar.ppid.utama import may_act_on  # a Pelaksana acts on what the Utama disposed

    return may_act_on(user, information_request)


def _state_refusal(action: Action, information_request, today: date) -> str | None:
    status = information_request.status
    if action is Action.ASSIGN:
        if status not in Status.open_statuses():
            return _("Permohonan yang sudah dijawab atau ditutup tidak dapat didisposisikan.")
        return None
    if action is Action.EXTEND:
        if information_request.extended_at:
            return _("Permohonan hanya dapat diperpanjang satu kali.")
        # A registered request is taken into process on the way (registered → in_process).
        via = Status.IN_PROCESS if status == Status.REGISTERED else status
        refused = transition_refusal(via, Status.EXTENDED)
        if refused:
            return transition_refusal(status, Status.EXTENDED)
        if today > information_request.notice_due:
            return _("Perpanjangan harus diberitahukan paling lambat %(due)s.") % {
                "due": information_request.notice_due.strftime("%d-%m-%Y")
            }
        return None
    if action is Action.ANSWER:
        return transition_refusal(status, Status.ANSWERED)
    if action is Action.COMPLETE:
        return transition_refusal(status, Status.COMPLETED)
    if action is Action.WITHDRAW:
        return transition_refusal(status, Status.WITHDRAWN)
    if action is Action.SUMMARY:
        return None  # the register wording may be corrected at any time
    if action is Action.DELIVER:
        if not information_request.notices.filter(delivered_at__isnull=True).exists():
            return _("Semua surat kepada pemohon sudah dicatat disampaikan.")
        return None
    if action in (Action.CORRECT, Action.ERASE):
        if information_request.personal_data_erased_at:
            return _("Data pribadi permohonan ini sudah dihapus.")
        if action is Action.ERASE and information_request.is_open:
            return _(
                "Permohonan masih berjalan: jawab atau catat pembatalan oleh pemohon "
                "terlebih dahulu."
            )
        return None
    raise ValueError(f"unknown action {action!r}")


def refusal(
    action: Action, information_request, user, today: date | None = None
) -> tuple[Refusal, str] | None:
    """Why the service would refuse `action` by `user` now (kind and message), else None."""
    if not may_change(user, information_request):
        return Refusal.FORBIDDEN, _("Anda tidak berwenang mengubah permohonan ini.")
    message = _state_refusal(
        action, information_request, today or information_request.agency.today()
    )
    return (Refusal.STATE, message) if message else None


def require(action: Action, information_request, *, by, today: date | None = None) -> None:
    """Raise PermissionDenied or ValidationError unless `by` may take `action` now."""
    refused = refusal(action, information_request, by, today)
    if refused is None:
        return
    kind, message = refused
    if kind is Refusal.FORBIDDEN:
        raise PermissionDenied(message)
    raise ValidationError(message)


def allowed_actions(information_request, user, today: date | None = None) -> frozenset[Action]:
    """The actions the services would accept from `user` now; the admin shows exactly these."""
    today = today or information_request.agency.today()
    if not may_change(user, information_request):  # one query, not one per action
        return frozenset()
    return frozenset(
        action for action in Action if _state_refusal(action, information_request, today) is None
    )
