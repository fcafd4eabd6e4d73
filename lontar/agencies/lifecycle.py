"""Renaming and retiring an agency: the same service layer as onboarding (`onboarding.py`).

Renaming changes the names people read — the agency's name and short name, its Site's name,
its home page's title when that still is the old name, the titles of its media collection,
role scope groups and moderation workflow — and keeps every address: the slug, the public
base URL, page slugs and the CKAN uuid stay, so links, feeds and harvesters keep working.

Retiring (decision 0020, docs/decisions/0020-agency-lifecycle.md) makes the site read-only
rather than archiving it away: pages, documents and the registers stay readable at the same
addresses because citizens and the Komisi Informasi may still need them, while every public
form (information requests, objections, questions, surveys, likes) answers 410 and the staff
login on that host closes (lontar/core/retirement.py). Every staff account of the agency is
deactivated, which ends its sessions at once (lontar/accounts/sessions.py). Platform admins are
never deactivated here. `reopen_agency` undoes the read-only state; staff are re-activated one
by one by an admin, not in bulk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Task, Workflow

from lontar.agencies.models import Agency
from lontar.agencies.onboarding import SHORT_NAME_MAX, OnboardingError
from lontar.agencies.roles import Role, scope_group_name
from lontar.core import audit

NAME_MAX = 200
NOTE_MAX = 300


def _checked_names(agency: Agency, name: str, short_name: str) -> tuple[str, str]:
    name, short_name = name.strip(), short_name.strip()
    if not name or len(name) > NAME_MAX:
        raise OnboardingError(_("Nama instansi wajib diisi, paling banyak 200 karakter."), "name")
    if not short_name or len(short_name) > SHORT_NAME_MAX or "·" in short_name:
        raise OnboardingError(
            _("Nama singkat wajib diisi, paling banyak %(n)d karakter, tanpa tanda ·.")
            % {"n": SHORT_NAME_MAX},
            "short_name",
        )
    if Agency.objects.filter(short_name__iexact=short_name).exclude(pk=agency.pk).exists():
        raise OnboardingError(_("Nama singkat sudah dipakai instansi lain."), "short_name")
    return name, short_name


def _rename_groups(old_short: str, new_short: str) -> None:
    for role in Role:
        old, new = scope_group_name(old_short, role), scope_group_name(new_short, role)
        if old == new:
            continue
        if Group.objects.filter(name=new).exists():
            raise OnboardingError(
                _("Grup %(group)s sudah ada; hapus atau ganti namanya dulu.") % {"group": new},
                "short_name",
            )
        Group.objects.filter(name=old).update(name=new)
    Workflow.objects.filter(name=f"Moderasi {old_short}").update(name=f"Moderasi {new_short}")
    Task.objects.filter(name=f"Persetujuan editor {old_short}").update(
        name=f"Persetujuan editor {new_short}"
    )


def _rename_site(agency: Agency, old_name: str) -> None:
    if agency.collection is not None and agency.collection.name == old_name:
        agency.collection.name = agency.name
        agency.collection.save(update_fields=["name"])
    site = agency.site
    if site is None:
        return
    site.site_name = agency.name[:255]
    site.save(update_fields=["site_name"])
    home = site.root_page.specific
    # Only a home page still titled with the old name, and with no draft waiting, is retitled:
    # publishing it must not publish someone's unfinished edits. The slug is never touched.
    if home.title == old_name and not home.has_unpublished_changes:
        home.title = agency.name
        if home.seo_title == old_name[:255]:
            home.seo_title = agency.name[:255]
        home.save_revision().publish()


def rename_agency(
    agency: Agency, *, name: str, short_name: str, actor: audit.Actor | None = None
) -> Agency:
    """Give the agency a new name and short name everywhere a person reads them; keep URLs."""
    name, short_name = _checked_names(agency, name, short_name)
    with transaction.atomic():
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        old_name, old_short = agency.name, agency.short_name
        if (old_name, old_short) == (name, short_name):
            return agency
        _rename_groups(old_short, short_name)
        agency.name, agency.short_name = name, short_name
        agency.save(update_fields=["name", "short_name"])
        _rename_site(agency, old_name)
        audit.record(
            actor=actor or audit.Actor.system(),
            action="agency.renamed",
            obj=agency,
            agency=agency,
            changes={"name": [old_name, name], "short_name": [old_short, short_name]},
        )
    return agency


@dataclass
class Retired:
    agency: Agency
    deactivated: int  # staff accounts deactivated now


def retire_agency(
    agency: Agency,
    *,
    successor_url: str = "",
    note: str = "",
    when: datetime | None = None,
    actor: audit.Actor | None = None,
) -> Retired:
    """Make the agency's site read-only and deactivate its staff (their sessions end)."""
    successor_url, note = successor_url.strip(), note.strip()
    if successor_url:
        try:
            URLValidator(schemes=["http", "https"])(successor_url)
        except ValidationError as exc:
            raise OnboardingError(
                _("Alamat pengganti harus alamat web lengkap, mis. https://dinas.example.go.id."),
                "successor_url",
            ) from exc
        if len(successor_url) > 200:
            raise OnboardingError(
                _("Alamat pengganti paling banyak 200 karakter."), "successor_url"
            )
    if len(note) > NOTE_MAX:
        raise OnboardingError(
            _("Keterangan paling banyak %(n)d karakter.") % {"n": NOTE_MAX}, "retirement_note"
        )
    with transaction.atomic():
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        agency.retired_at = when or agency.retired_at or timezone.now()
        agency.successor_url = successor_url
        agency.retirement_note = note
        agency.save(update_fields=["retired_at", "successor_url", "retirement_note"])
        staff = get_user_model().objects.filter(
            staff_profile__agency=agency, is_active=True, is_superuser=False
        )
        deactivated = 0
        for user in staff:
            user.is_active = False
            # post_save ends every session of the account (lontar/accounts/sessions.py).
            user.save(update_fields=["is_active"])
            deactivated += 1
        audit.record(
            actor=actor or audit.Actor.system(),
            action="agency.retired",
            obj=agency,
            agency=agency,
            changes={"retired_at": [None, agency.retired_at.isoformat()]},
            note=f"{deactivated} staff deactivated",
        )
    return Retired(agency=agency, deactivated=deactivated)


def reopen_agency(agency: Agency, *, actor: audit.Actor | None = None) -> Agency:
    """Take a retired site back into service; its staff are re-activated one by one."""
    with transaction.atomic():
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        if agency.retired_at is None:
            return agency
        before = agency.retired_at.isoformat()
        agency.retired_at = None
        agency.save(update_fields=["retired_at"])
        audit.record(
            actor=actor or audit.Actor.system(),
            action="agency.reopened",
            obj=agency,
            agency=agency,
            changes={"retired_at": [before, None]},
        )
    return agency
