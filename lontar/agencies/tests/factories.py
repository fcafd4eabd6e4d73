from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from wagtail.models import Site

from lontar.agencies.models import Agency, StaffProfile, Unit
from lontar.agencies.roles import Role
from lontar.agencies.services import provision_agency, set_staff_roles
from lontar.pages.models import HomePage, StandardPage
from lontar.pages.tree import ensure_wagtail_roots


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Andi"
    last_name = factory.Sequence(lambda n: f"Pengguna {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.invalid")
    password = factory.PostGenerationMethodCall("set_password", "kata-sandi-uji-123")

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Dinas Contoh {n}")
    short_name = factory.Sequence(lambda n: f"DC{n}")
    slug = factory.Sequence(lambda n: f"dinas-contoh-{n}")
    kind = Agency.Kind.OPD
    address = "Jalan Contoh 1, Kota Uji"
    phone = "(0380) 111 222"
    office_hours = "Senin–Jumat: 08.00–16.00"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Bidang Uji {n}")
    duties = "<p>Melaksanakan tugas uji.</p>"


def agency_with_site(*, hostname: str, default: bool = False, **kwargs) -> Agency:
    """An agency with its own site, home page, a profile page and provisioned groups."""
    agency = AgencyFactory(**kwargs)
    root = ensure_wagtail_roots()
    home = HomePage(title=f"Beranda {agency.short_name}", slug=f"home-{agency.slug}")
    root.add_child(instance=home)
    home.save_revision().publish()
    profile = StandardPage(title=f"Profil {agency.short_name}", slug="profil", lead="Profil.")
    home.add_child(instance=profile)
    profile.save_revision().publish()
    # Wagtail's installer leaves a "localhost" default site behind; ours replaces it.
    Site.objects.filter(hostname=hostname, port=80).delete()
    if default:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
    agency.site = Site.objects.create(
        hostname=hostname, port=80, root_page=home, is_default_site=default
    )
    agency.public_base_url = agency.public_base_url or f"http://{hostname}"  # set at onboarding
    agency.save()
    provision_agency(agency=agency)
    return agency


def staff_member(agency: Agency, *roles: Role, username: str | None = None):
    user = UserFactory(**({"username": username} if username else {}))
    StaffProfile.objects.create(
        user=user, agency=agency, position="Analis", slug=f"staf-{user.username}"
    )
    set_staff_roles(user=user, agency=agency, roles=roles)
    return user
