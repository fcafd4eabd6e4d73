"""Who must prove a second factor before the admin answers.

Roles that see citizens' personal data (PPID desk) or can change who may do what (agency and
platform admins) need a TOTP code after the password. Writers and editors may enrol but are not
forced: their worst case is a draft, which an editor still has to approve.
"""

from __future__ import annotations

from collections.abc import Iterable

from lontar.agencies.roles import Role

ROLES_REQUIRING_SECOND_FACTOR: frozenset[str] = frozenset(
    {Role.PPID_OFFICER, Role.PPID_SUPERIOR, Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN}
)


def roles_require_second_factor(role_names: Iterable[str], *, is_superuser: bool) -> bool:
    return is_superuser or any(name in ROLES_REQUIRING_SECOND_FACTOR for name in role_names)


def requires_second_factor(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    # Only the role groups count, not the per-agency scope groups ("BKD · Petugas PPID"): a user
    # is always put in both by set_staff_roles.
    names = user.groups.filter(name__in=ROLES_REQUIRING_SECOND_FACTOR).values_list(
        "name", flat=True
    )
    return roles_require_second_factor(names, is_superuser=False)
