"""An agency's own staff, managed by its Admin Agency: invite, set roles, deactivate.

Every function takes the agency the acting admin manages and refuses (StaffError) a user who
is not that agency's staff, a platform admin (superuser), the platform admin role itself, and
the admin's own account (an admin cannot lock themselves out or raise their own rights).
Deactivating an account ends its sessions at once: saving `is_active=False` deletes its session
rows (lontar/accounts/sessions.py), so its next request is anonymous.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lontar.agencies.invitations import send_invitation
from lontar.agencies.models import Agency, StaffProfile
from lontar.agencies.roles import Role
from lontar.agencies.services import set_staff_roles
from lontar.core import audit

# The roles an Admin Agency may give: all but the platform's own.
AGENCY_ROLES: tuple[Role, ...] = tuple(role for role in Role if role is not Role.PLATFORM_ADMIN)
NAME_MAX = 150
POSITION_MAX = 200


class StaffError(ValueError):
    """Refused; the message says why in Indonesian, `field` names the form field at fault."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def may_manage_staff(user) -> bool:
    """Platform admins, and active Admin Agency members with a staff profile."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return (
        StaffProfile.objects.filter(user=user).exists()
        and user.groups.filter(name=Role.AGENCY_ADMIN.value).exists()
    )


def staff_of(agency: Agency) -> QuerySet:
    """The accounts an admin of `agency` may manage: its staff, never a platform admin."""
    return (
        get_user_model()
        .objects.filter(staff_profile__agency=agency, is_superuser=False)
        .select_related("staff_profile")
        .prefetch_related("groups")
        .order_by("first_name", "last_name", "username")
    )


def roles_of(user) -> list[Role]:
    names = {group.name for group in user.groups.all()}
    return [role for role in AGENCY_ROLES if role.value in names]


def _checked_roles(roles: Iterable[Role | str]) -> list[Role]:
    try:
        chosen = [Role(role) for role in roles]
    except ValueError as exc:
        raise StaffError(_("Peran tidak dikenal."), "roles") from exc
    if Role.PLATFORM_ADMIN in chosen:
        raise StaffError(_("Peran Admin Platform tidak dapat diberikan di sini."), "roles")
    if not chosen:
        raise StaffError(_("Pilih paling sedikit satu peran."), "roles")
    return chosen


def _target(agency: Agency, user, actor: audit.Actor):
    if not staff_of(agency).filter(pk=user.pk).exists():
        raise StaffError(_("Akun ini bukan staf instansi Anda."))
    if actor.user is not None and actor.user.pk == user.pk:
        raise StaffError(_("Anda tidak dapat mengubah peran atau status akun Anda sendiri."))
    return user


def _username(email: str, agency: Agency) -> str:
    User = get_user_model()
    base = (slugify(email.split("@")[0]) or "staf")[:60] + f".{agency.slug}"[:80]
    candidate, n = base[:150], 1
    while User.objects.filter(username=candidate).exists():
        n += 1
        candidate = f"{base[:140]}-{n}"
    return candidate


def _profile_slug(username: str) -> str:
    base = slugify(username)[:70] or "staf"
    candidate, n = base, 1
    while StaffProfile.objects.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _role_labels(roles: Iterable[Role]) -> str:
    return ", ".join(role.value for role in roles)


def invite_staff(
    *,
    agency: Agency,
    email: str,
    full_name: str,
    roles: Iterable[Role | str],
    position: str = "",
    actor: audit.Actor,
):
    """Create a staff account without a password and send it a one-time link to set one."""
    email, full_name, position = email.strip(), full_name.strip(), position.strip()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise StaffError(_("Alamat surel tidak sah."), "email") from exc
    if not full_name or len(full_name) > NAME_MAX:
        raise StaffError(_("Nama wajib diisi, paling banyak 150 karakter."), "full_name")
    if len(position) > POSITION_MAX:
        raise StaffError(_("Jabatan paling banyak 200 karakter."), "position")
    chosen = _checked_roles(roles)
    User = get_user_model()
    if User.objects.filter(email__iexact=email).exists():
        raise StaffError(_("Alamat surel ini sudah dipakai akun lain."), "email")
    first, _sep, last = full_name.partition(" ")
    with transaction.atomic():
        user = User(username=_username(email, agency), email=email)
        user.first_name, user.last_name = first[:150], last[:150]
        user.set_unusable_password()
        user.save()
        StaffProfile.objects.create(
            user=user, agency=agency, position=position, slug=_profile_slug(user.username)
        )
        set_staff_roles(user=user, agency=agency, roles=chosen)
        send_invitation(user=user, agency=agency, roles=_role_labels(chosen))
        audit.record(
            actor=actor,
            action="staff.invited",
            obj=user,
            agency=agency,
            changes={"roles": [None, [role.value for role in chosen]]},
        )
    return user


def set_roles(*, agency: Agency, user, roles: Iterable[Role | str], actor: audit.Actor) -> None:
    """Make the staff member's roles exactly `roles` (within the agency's six scope groups)."""
    chosen = _checked_roles(roles)
    _target(agency, user, actor)
    before = [role.value for role in roles_of(user)]
    with transaction.atomic():
        set_staff_roles(user=user, agency=agency, roles=chosen)
        audit.record(
            actor=actor,
            action="staff.roles_changed",
            obj=user,
            agency=agency,
            changes={"roles": [before, [role.value for role in chosen]]},
        )


def set_active(*, agency: Agency, user, active: bool, actor: audit.Actor) -> None:
    """Deactivate (ending every session at once) or re-activate a staff account."""
    _target(agency, user, actor)
    if user.is_active == active:
        return
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])  # deactivation deletes the session rows
        audit.record(
            actor=actor,
            action="staff.activated" if active else "staff.deactivated",
            obj=user,
            agency=agency,
            changes={"is_active": [not active, active]},
        )


def resend_invitation(*, agency: Agency, user, actor: audit.Actor) -> None:
    """A fresh one-time link for someone who has not set a password yet."""
    _target(agency, user, actor)
    if user.has_usable_password():
        raise StaffError(_("Akun ini sudah memiliki kata sandi; undangan tidak dikirim ulang."))
    if not user.is_active:
        raise StaffError(_("Aktifkan akun ini dulu sebelum mengirim ulang undangan."))
    send_invitation(user=user, agency=agency, roles=_role_labels(roles_of(user)))
