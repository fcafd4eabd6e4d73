"""Onboarding: one service creates an agency with everything its site needs to run.

`create_agency` is the only way an agency comes into being — `lontar create_agency`, the
platform admin's screen and the demo loader all call it. In one transaction it creates the
`Agency` row, runs the steps other apps register here (the `pages` app builds the Wagtail
Site on the agency's public base URL, the home page and the default pages), gives the agency
its media collection, role scope groups and moderation workflow (`provision_agency`), and
invites its first Admin Agency by e-mail (a link to set a password, through the outbox).

Idempotent: called again with the same slug it finishes what is missing and changes nothing
that exists, so an interrupted onboarding is completed by running the same command again.
Apps plug in through their own `onboarding.py` (found by `autodiscover_modules`), so this
module never imports them (docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.db import transaction
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _

from lontar.agencies.invitations import send_invitation
from lontar.agencies.models import (
    INDONESIAN_TIME_ZONES,
    Agency,
    AgencyCalendarSettings,
    StaffProfile,
)
from lontar.agencies.roles import Role
from lontar.agencies.services import provision_agency, set_staff_roles
from lontar.core import audit, public_urls

SHORT_NAME_MAX = 40


class OnboardingError(ValueError):
    """The agency cannot be created as asked; the message says why, in Indonesian.

    `field` names the NewAgency field at fault, so a form can show the message beside it.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class NewAgency:
    """What onboarding needs to know; everything else can be filled in later in the admin."""

    name: str
    short_name: str
    slug: str
    public_base_url: str
    kind: str = Agency.Kind.OPD
    parent: Agency | None = None
    time_zone: str = "Asia/Makassar"
    email: str = ""
    phone: str = ""
    address: str = ""
    # The host name Wagtail's Site answers to when it differs from the public one (a proxy).
    site_hostname: str = ""
    site_port: int | None = None
    is_default_site: bool = False
    # Build the default pages (profile, structure, contact, service notice) and menus; the
    # demo loader writes its own richer versions instead.
    default_pages: bool = True
    intro: str = ""  # the home page's opening words and the profile's first paragraph
    # StreamField raw data of default pages by slug, to replace the generic text.
    page_bodies: Mapping[str, list] = field(default_factory=dict)
    # The same for the default pages' English translations (generic English text otherwise), and
    # the English home page's opening words (empty: the English home stays an alias of the
    # Indonesian one, which English visitors read under a notice).
    page_bodies_en: Mapping[str, list] = field(default_factory=dict)
    intro_en: str = ""
    admin_email: str = ""
    admin_name: str = ""

    def checked(self) -> NewAgency:
        """The same spec with its base URL normalised, or OnboardingError naming the field."""
        if not self.name.strip() or len(self.name) > 200:
            raise OnboardingError(
                _("Nama instansi wajib diisi, paling banyak 200 karakter."), "name"
            )
        if not self.short_name.strip() or len(self.short_name) > SHORT_NAME_MAX:
            raise OnboardingError(
                _("Nama singkat wajib diisi, paling banyak %(n)d karakter.")
                % {"n": SHORT_NAME_MAX},
                "short_name",
            )
        try:
            validate_slug(self.slug)
        except ValidationError as exc:
            raise OnboardingError(
                _("Slug hanya boleh berisi huruf kecil, angka, tanda hubung dan garis bawah."),
                "slug",
            ) from exc
        if len(self.slug) > 60:
            raise OnboardingError(_("Slug paling banyak 60 karakter."), "slug")
        try:
            base_url = public_urls.normalise_base_url(self.public_base_url)
        except ValueError as exc:
            raise OnboardingError(
                _("Alamat publik harus lengkap tanpa jalur, mis. https://bkd.example.go.id."),
                "public_base_url",
            ) from exc
        if self.time_zone not in {zone for zone, _label in INDONESIAN_TIME_ZONES}:
            raise OnboardingError(_("Zona waktu harus WIB, WITA atau WIT."), "time_zone")
        if self.kind not in Agency.Kind.values:
            raise OnboardingError(_("Jenis instansi tidak dikenal."), "kind")
        if self.admin_email:
            try:
                validate_email(self.admin_email)
            except ValidationError as exc:
                raise OnboardingError(
                    _("Alamat surel admin instansi tidak sah."), "admin_email"
                ) from exc
        return NewAgency(**{**self.__dict__, "public_base_url": base_url})


@dataclass
class Onboarded:
    agency: Agency
    created: bool
    invited: Any = None  # the first Admin Agency's user when one was invited now


Step = Callable[[Agency, NewAgency], None]
_STEPS: dict[str, tuple[int, Step]] = {}


def onboarding_step(name: str, *, order: int) -> Callable[[Step], Step]:
    """Register a step run for every agency created (and again, idempotently, on a re-run)."""

    def register(step: Step) -> Step:
        _STEPS[name] = (order, step)
        return step

    return register


def steps() -> list[Step]:
    autodiscover_modules("onboarding")
    return [step for _order, step in sorted(_STEPS.values(), key=lambda item: item[0])]


def _agency_row(spec: NewAgency) -> tuple[Agency, bool]:
    existing = Agency.objects.filter(slug=spec.slug).first()
    if existing is not None:
        return existing, False
    taken = Agency.objects.filter(short_name__iexact=spec.short_name).exists()
    if taken:
        raise OnboardingError(_("Nama singkat sudah dipakai instansi lain."), "short_name")
    agency = Agency.objects.create(
        name=spec.name.strip(),
        short_name=spec.short_name.strip(),
        slug=spec.slug,
        kind=spec.kind,
        parent=spec.parent,
        public_base_url=spec.public_base_url,
        time_zone=spec.time_zone,
        email=spec.email,
        phone=spec.phone,
        address=spec.address,
        ppid_email=spec.email,
        ppid_phone=spec.phone,
    )
    return agency, True


def _invite_admin(agency: Agency, spec: NewAgency):
    """The first Admin Agency: an account without a password and a link to set one."""
    User = get_user_model()
    if not spec.admin_email or User.objects.filter(email__iexact=spec.admin_email).exists():
        return None
    first, _sep, last = (spec.admin_name or _("Admin")).partition(" ")
    username = f"admin.{agency.slug}"[:150]
    user = User.objects.create(
        username=username, email=spec.admin_email, first_name=first[:150], last_name=last[:150]
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    StaffProfile.objects.create(
        user=user, agency=agency, position=Role.AGENCY_ADMIN.value, slug=username.replace(".", "-")
    )
    set_staff_roles(user=user, agency=agency, roles=[Role.AGENCY_ADMIN])
    send_invitation(user=user, agency=agency, roles=Role.AGENCY_ADMIN.value, first_admin=True)
    return user


def create_agency(spec: NewAgency, *, actor: audit.Actor | None = None) -> Onboarded:
    """Create (or finish creating) an agency with its site, pages, groups and first admin."""
    spec = spec.checked()
    with transaction.atomic():
        agency, created = _agency_row(spec)
        for step in steps():
            step(agency, spec)
        agency.refresh_from_db()
        provision_agency(agency=agency)
        # Its working-day calendar, with the default (cuti bersama is not a working day), so
        # the Admin Agency finds the setting to change rather than a row to create.
        AgencyCalendarSettings.objects.get_or_create(agency=agency)
        invited = _invite_admin(agency, spec)
        if created:
            audit.record(
                actor=actor or audit.Actor.system(),
                action="agency.created",
                obj=agency,
                agency=agency,
                changes={"public_base_url": [None, agency.public_base_url]},
            )
    return Onboarded(agency=agency, created=created, invited=invited)
