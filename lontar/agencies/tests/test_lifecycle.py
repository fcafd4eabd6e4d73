"""Renaming and retiring an agency through the same service layer as onboarding.

Also: the first Admin Agency's invitation really leaves through SMTP (a real in-process server)
and its link sets a password once.
"""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from wagtail.models import Workflow

from lontar.agencies.lifecycle import rename_agency, retire_agency
from lontar.agencies.models import Agency
from lontar.agencies.onboarding import NewAgency, OnboardingError, create_agency
from lontar.core.models import AuditEvent
from lontar.core.tests.smtp import free_port, smtp_server, smtp_settings

pytestmark = pytest.mark.django_db

HOST = "dinsos.localhost"


def onboard(**overrides):
    values = {
        "name": "Dinas Sosial",
        "short_name": "DINSOS",
        "slug": "dinas-sosial",
        "public_base_url": f"http://{HOST}",
        "intro": "Melayani warga yang membutuhkan.",
    }
    return create_agency(NewAgency(**{**values, **overrides})).agency


def test_renaming_changes_every_name_people_read_and_keeps_every_address():
    agency = onboard()
    before = Client().get("/profil/", HTTP_HOST=HOST)
    assert before.status_code == 200

    rename_agency(agency, name="Dinas Sosial dan Pemberdayaan", short_name="DINSOSPM")

    agency.refresh_from_db()
    assert (agency.slug, agency.public_base_url) == ("dinas-sosial", f"http://{HOST}")
    assert agency.site.site_name == "Dinas Sosial dan Pemberdayaan"
    assert agency.site.root_page.title == "Dinas Sosial dan Pemberdayaan"
    assert agency.site.root_page.slug == "dinas-sosial"
    names = set(Group.objects.filter(name__contains=" · ").values_list("name", flat=True))
    assert "DINSOSPM · Editor" in names and not any(n.startswith("DINSOS ·") for n in names)
    assert Workflow.objects.filter(name="Moderasi DINSOSPM").exists()
    assert AuditEvent.objects.filter(action="agency.renamed").exists()

    home = Client().get("/", HTTP_HOST=HOST)
    assert "Dinas Sosial dan Pemberdayaan" in home.content.decode()
    assert Client().get("/profil/", HTTP_HOST=HOST).status_code == 200  # same address


def test_a_rename_to_a_short_name_in_use_is_refused_and_changes_nothing():
    agency = onboard()
    onboard(name="Dinas Lain", short_name="LAIN", slug="lain", public_base_url="http://lain.x")
    with pytest.raises(OnboardingError, match="sudah dipakai"):
        rename_agency(agency, name="Baru", short_name="lain")
    agency.refresh_from_db()
    assert (agency.name, agency.short_name) == ("Dinas Sosial", "DINSOS")


def test_retiring_keeps_pages_readable_closes_forms_and_ends_staff_sessions(
    agency_a, agency_b, editor, platform_admin
):
    staff = Client()
    staff.force_login(editor)
    assert staff.get("/admin/").status_code == 200
    assert Session.objects.count() == 1

    retired = retire_agency(agency_a, successor_url="https://baru.example.go.id", note="Digabung.")

    assert retired.deactivated == 1  # the editor; the platform admin is never deactivated
    editor.refresh_from_db()
    platform_admin.refresh_from_db()
    assert not editor.is_active and platform_admin.is_active
    assert Session.objects.count() == 0
    # The old cookie is worthless, even on a host that is not retired.
    assert staff.get("/admin/", HTTP_HOST="dinas-b.localhost").status_code == 302

    citizen = Client()
    page = citizen.get("/profil/")
    assert page.status_code == 200 and "https://baru.example.go.id" in page.content.decode()
    assert citizen.get("/ppid/permohonan/baru/").status_code == 410
    assert AuditEvent.objects.filter(action="agency.retired").exists()


def test_the_commands_rename_retire_and_explain_a_refusal():
    onboard()
    out = StringIO()
    call_command("rename_agency", "dinas-sosial", "--name=Dinas Sosial Provinsi", stdout=out)
    assert "Renamed to Dinas Sosial Provinsi (DINSOS)" in out.getvalue()
    call_command("retire_agency", "dinas-sosial", "--note=Ditutup.", stdout=out)
    assert Agency.objects.get().is_retired
    call_command("retire_agency", "dinas-sosial", "--reopen", stdout=out)
    assert not Agency.objects.get().is_retired
    with pytest.raises(CommandError, match="Alamat pengganti"):
        call_command("retire_agency", "dinas-sosial", "--successor-url=bukan alamat")
    with pytest.raises(CommandError, match="No agency"):
        call_command("rename_agency", "tidak-ada", "--name=X")


def test_the_platform_admin_renames_and_retires_from_the_admin(
    client, platform_admin, agency_admin_a, agency_a
):
    client.force_login(agency_admin_a)
    assert client.get(f"/admin/instansi/{agency_a.pk}/ubah-nama/").status_code in (302, 403)
    assert client.get("/admin/instansi/kelola/").status_code in (302, 403)

    client.force_login(platform_admin)
    listing = client.get("/admin/instansi/kelola/")
    assert listing.status_code == 200 and agency_a.name in listing.content.decode()
    refused = client.post(
        f"/admin/instansi/{agency_a.pk}/ubah-nama/", {"name": "", "short_name": "BKD"}
    )
    assert refused.status_code == 200 and refused.context["form"].errors["name"]
    renamed = client.post(
        f"/admin/instansi/{agency_a.pk}/ubah-nama/",
        {"name": "Badan Kepegawaian Daerah", "short_name": "BKD"},
    )
    assert renamed.status_code == 302
    agency_a.refresh_from_db()
    assert (agency_a.name, agency_a.short_name) == ("Badan Kepegawaian Daerah", "BKD")

    retired = client.post(
        f"/admin/instansi/{agency_a.pk}/pensiun/",
        {"successor_url": "https://baru.example.go.id", "retirement_note": "Digabung."},
    )
    assert retired.status_code == 302
    agency_a.refresh_from_db()
    assert agency_a.is_retired
    agency_admin_a.refresh_from_db()
    assert not agency_admin_a.is_active
    assert client.get("/admin/instansi/999999/pensiun/").status_code == 404


def test_the_first_admins_invitation_leaves_by_real_smtp_and_its_link_works_once(
    django_capture_on_commit_callbacks,
):
    port = free_port()
    with (
        smtp_server(port) as server,
        smtp_settings(port),
        override_settings(
            EMAIL_BACKEND="lontar.core.outbox.OutboxBackend",
            OUTBOX_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        onboarded = create_agency(
            NewAgency(
                name="Dinas Sosial",
                short_name="DINSOS",
                slug="dinas-sosial",
                public_base_url=f"http://{HOST}",
                admin_email="kepala@dinsos.example.go.id",
                admin_name="Rina Wati",
            )
        )

    [received] = server.messages()
    assert received["To"] == "kepala@dinsos.example.go.id"
    assert "Undangan Admin Instansi DINSOS" in received["Subject"]
    body = received.get_body().get_content()
    link = re.search(rf"http://{re.escape(HOST)}(/admin/password_reset/confirm/\S+)", body)
    assert link, body

    browser = Client()
    form = browser.get(link.group(1), HTTP_HOST=HOST, follow=True)
    set_password = form.redirect_chain[-1][0] if form.redirect_chain else link.group(1)
    password = "Sandi-baru-yang-kuat-2026"
    done = browser.post(
        set_password,
        {"new_password1": password, "new_password2": password},
        HTTP_HOST=HOST,
    )
    assert done.status_code == 302
    user = onboarded.invited
    user.refresh_from_db()
    assert user.check_password(password)
    # Once used, the same link no longer sets a password.
    again = Client().get(link.group(1), HTTP_HOST=HOST, follow=True)
    assert "new_password1" not in again.content.decode()
