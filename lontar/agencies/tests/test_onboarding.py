"""Onboarding an agency in one step: its site answers on its own address with its own pages."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Page, Site, WorkflowPage

from lontar.agencies.models import Agency
from lontar.agencies.onboarding import NewAgency, OnboardingError, create_agency
from lontar.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def spec(n: int = 1, **overrides) -> NewAgency:
    values = {
        "name": f"Dinas Uji Coba {n}",
        "short_name": f"DUC{n}",
        "slug": f"dinas-uji-{n}",
        "public_base_url": f"http://dinas-{n}.localhost:8000",
        "intro": f"Melayani warga provinsi, dinas nomor {n}.",
    }
    return NewAgency(**{**values, **overrides})


def test_a_new_agency_gets_its_site_pages_groups_and_workflow_in_one_step():
    onboarded = create_agency(spec())

    agency = onboarded.agency
    assert onboarded.created
    assert agency.public_base_url == "http://dinas-1.localhost:8000"
    assert (agency.site.hostname, agency.site.port) == ("dinas-1.localhost", 8000)
    home = agency.site.root_page.specific
    slugs = set(Page.objects.descendant_of(home).live().values_list("slug", flat=True))
    assert {"profil", "visi-misi", "struktur-organisasi", "kontak", "maklumat-pelayanan"} <= slugs
    assert [item.value["label"] for item in home.main_menu] == ["Beranda", "Profil", "Kontak"]
    assert agency.collection is not None
    groups = set(Group.objects.filter(name__startswith="DUC1").values_list("name", flat=True))
    assert len(groups) == 5
    assert WorkflowPage.objects.get(page=home).workflow.name == "Moderasi DUC1"
    assert agency.calendar_settings.cuti_bersama_is_working_day is False
    assert AuditEvent.objects.filter(action="agency.created", object_id=str(agency.pk)).exists()

    response = Client().get("/", HTTP_HOST="dinas-1.localhost:8000")
    assert response.status_code == 200
    assert "Dinas Uji Coba 1" in response.content.decode()


def test_onboarding_again_completes_and_duplicates_nothing():
    first = create_agency(spec())
    counts = (Page.objects.count(), Site.objects.count(), Group.objects.count())

    again = create_agency(spec(name="Nama Lain"))

    assert not again.created and again.agency.pk == first.agency.pk
    assert (Page.objects.count(), Site.objects.count(), Group.objects.count()) == counts
    assert Agency.objects.get().name == "Dinas Uji Coba 1"  # nothing that exists is changed


def test_the_first_admin_is_invited_to_set_a_password_on_the_agency_address(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        onboarded = create_agency(spec(admin_email="kepala@dinas1.example.go.id", admin_name="Ina"))

    [message] = mail.outbox
    assert message.to == ["kepala@dinas1.example.go.id"]
    link = re.search(
        r"http://dinas-1\.localhost:8000(/admin/password_reset/confirm/\S+)", message.body
    )
    assert link, message.body
    user = onboarded.invited
    assert not user.has_usable_password()
    assert user.staff_profile.agency == onboarded.agency
    assert user.groups.filter(name="Admin Agency").exists()

    client = Client()
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    set_password = form.redirect_chain[-1][0] if form.redirect_chain else link.group(1)
    done = client.post(
        set_password,
        {
            "new_password1": "Sandi-baru-yang-kuat-2026",
            "new_password2": "Sandi-baru-yang-kuat-2026",
        },
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Sandi-baru-yang-kuat-2026")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"public_base_url": "dinas.example.go.id"}, "Alamat publik"),
        ({"public_base_url": "https://dinas.example.go.id/portal"}, "Alamat publik"),
        ({"slug": "Dinas Uji"}, "Slug"),
        ({"short_name": ""}, "Nama singkat"),
        ({"name": "x" * 201}, "Nama instansi"),
        ({"time_zone": "Europe/Berlin"}, "Zona waktu"),
        ({"admin_email": "bukan-surel"}, "surel"),
    ],
)
def test_bad_onboarding_input_is_refused_with_a_reason_and_creates_nothing(overrides, message):
    with pytest.raises(OnboardingError, match=message):
        create_agency(spec(**overrides))
    assert not Agency.objects.exists()


def test_an_address_already_in_use_is_refused_and_leaves_no_half_made_agency():
    create_agency(spec(1))
    with pytest.raises(OnboardingError, match="sudah dipakai"):
        create_agency(spec(2, public_base_url="http://dinas-1.localhost:8000"))
    assert list(Agency.objects.values_list("slug", flat=True)) == ["dinas-uji-1"]


def test_the_command_onboards_and_explains_a_refusal():
    out = StringIO()
    call_command(
        "create_agency",
        "dinas-kesehatan",
        "--name=Dinas Kesehatan",
        "--short-name=DINKES",
        "--base-url=https://dinkes.example.go.id",
        stdout=out,
    )
    assert "Created Dinas Kesehatan" in out.getvalue()
    assert Agency.objects.get().site.hostname == "dinkes.example.go.id"
    with pytest.raises(CommandError, match="Alamat publik"):
        call_command(
            "create_agency", "lain", "--name=Lain", "--short-name=LAIN", "--base-url=ftp://x"
        )


# Fifty full onboardings (seven published pages each) take 1 to 4 minutes on two cores: the
# extended suite runs it; the main suite keeps the 60-agency query budget (test_scale.py).
@pytest.mark.slow
def test_fifty_agencies_each_answer_on_their_own_host_with_their_own_content():
    for n in range(1, 51):
        create_agency(spec(n))

    client = Client()
    for n in range(1, 51):
        response = client.get("/", HTTP_HOST=f"dinas-{n}.localhost:8000")
        body = response.content.decode()
        assert response.status_code == 200
        assert f"Dinas Uji Coba {n}<" in body or f"Dinas Uji Coba {n} " in body
        assert f"dinas nomor {n}." in body
        other = 51 - n if n != 25 else 1
        assert f"dinas nomor {other}." not in body
    assert get_user_model().objects.count() == 0


def test_the_platform_admin_onboards_from_the_admin_and_errors_sit_by_their_field(
    client, platform_admin, agency_admin_a
):
    client.force_login(agency_admin_a)
    assert client.get("/admin/instansi/baru/").status_code in (302, 403)

    client.force_login(platform_admin)
    data = {
        "name": "Dinas Pendidikan",
        "short_name": "DISDIK",
        "slug": "dinas-pendidikan",
        "public_base_url": "https://disdik.example.go.id/portal",
        "kind": "opd",
        "time_zone": "Asia/Makassar",
    }
    refused = client.post("/admin/instansi/baru/", data)
    assert refused.status_code == 200
    assert refused.context["form"].errors["public_base_url"]
    assert 'value="Dinas Pendidikan"' in refused.content.decode()  # nothing typed is lost
    assert not Agency.objects.filter(slug="dinas-pendidikan").exists()

    made = client.post(
        "/admin/instansi/baru/", {**data, "public_base_url": "https://disdik.example.go.id"}
    )
    agency = Agency.objects.get(slug="dinas-pendidikan")
    assert made.status_code == 302 and made["Location"].endswith(f"/{agency.pk}/")
    assert agency.site.hostname == "disdik.example.go.id" and agency.site.port == 443
