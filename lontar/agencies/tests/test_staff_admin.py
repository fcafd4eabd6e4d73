"""An Admin Agency invites, re-roles and deactivates its own staff, and only its own."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client

from lontar.agencies.roles import Role
from lontar.agencies.staff import roles_of
from lontar.core.models import AuditEvent

pytestmark = pytest.mark.django_db

LIST = "/admin/staf-instansi/"
INVITE = "/admin/staf-instansi/undang/"


def detail(user) -> str:
    return f"/admin/staf-instansi/{user.pk}/"


def test_an_invited_staff_member_sets_a_password_with_a_one_time_link(
    client, agency_admin_a, agency_a, django_capture_on_commit_callbacks
):
    client.force_login(agency_admin_a)
    assert client.get(INVITE).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            INVITE,
            {
                "full_name": "Sari Dewi",
                "email": "sari@bkd.example.go.id",
                "position": "Pranata Humas",
                "roles": [Role.WRITER.value, Role.PPID_OFFICER.value],
            },
        )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="sari@bkd.example.go.id")
    assert user.staff_profile.agency == agency_a and not user.has_usable_password()
    assert roles_of(user) == [Role.WRITER, Role.PPID_OFFICER]
    assert user.groups.filter(name="BKD-A · Penulis").exists()
    assert AuditEvent.objects.filter(action="staff.invited", object_id=str(user.pk)).exists()

    [message] = mail.outbox
    assert message.to == ["sari@bkd.example.go.id"]
    assert "Penulis, Petugas PPID" in message.body
    path = re.search(r"http://localhost(/admin/password_reset/confirm/\S+)", message.body)
    assert path, message.body

    browser = Client()
    form = browser.get(path.group(1), follow=True)
    set_password = form.redirect_chain[-1][0]
    password = "Kata-sandi-Sari-2026"
    assert browser.post(set_password, {"new_password1": password, "new_password2": password})[
        "Location"
    ]
    user.refresh_from_db()
    assert user.check_password(password)
    used = Client().get(path.group(1), follow=True)
    assert "new_password1" not in used.content.decode()  # one time only

    listing = client.get(LIST).content.decode()
    assert "Sari Dewi" in listing and "Aktif" in listing


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "bukan-surel"}, "email"),
        ({"email": "editor-a@example.invalid"}, "email"),  # already someone's
        ({"roles": [Role.PLATFORM_ADMIN.value]}, "roles"),
        ({"roles": []}, "roles"),
        ({"full_name": "x" * 151}, "full_name"),
    ],
)
def test_a_bad_invitation_is_refused_beside_its_field(client, agency_admin_a, editor, data, field):
    client.force_login(agency_admin_a)
    valid = {"full_name": "Budi", "email": "budi@bkd.example.go.id", "roles": ["Penulis"]}
    response = client.post(INVITE, {**valid, **data})
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not get_user_model().objects.filter(email="budi@bkd.example.go.id").exists()


def test_roles_are_set_among_the_agency_roles_and_never_platform_admin(
    client, agency_admin_a, writer
):
    client.force_login(agency_admin_a)
    page = client.get(detail(writer))
    assert page.status_code == 200 and "Admin Platform" not in page.content.decode()

    ok = client.post(detail(writer), {"action": "roles", "roles": ["Editor", "Atasan PPID"]})
    assert ok.status_code == 302
    writer.refresh_from_db()
    assert roles_of(writer) == [Role.EDITOR, Role.PPID_SUPERIOR]
    assert writer.groups.filter(name="BKD-A · Editor").exists()
    assert not writer.groups.filter(name="BKD-A · Penulis").exists()

    refused = client.post(detail(writer), {"action": "roles", "roles": ["Admin Platform"]})
    assert refused.status_code == 400
    writer.refresh_from_db()
    assert not writer.is_superuser and roles_of(writer) == [Role.EDITOR, Role.PPID_SUPERIOR]
    assert client.post(detail(writer), {"action": "hapus"}).status_code == 400


def test_another_agencys_staff_and_platform_admins_are_out_of_reach(
    client, agency_admin_a, editor_b, platform_admin
):
    client.force_login(agency_admin_a)
    assert editor_b.get_full_name() not in client.get(LIST).content.decode()
    for user in (editor_b, platform_admin):
        assert client.get(detail(user)).status_code == 404
        assert client.post(detail(user), {"action": "deactivate"}).status_code == 404
    editor_b.refresh_from_db()
    assert editor_b.is_active
    # ?instansi= is for platform admins; an Admin Agency stays on their own agency.
    listing = client.get(LIST + "?instansi=dinas-contoh-2").content.decode()
    assert editor_b.get_full_name() not in listing


def test_staff_without_the_admin_role_cannot_open_the_screen(client, editor):
    client.force_login(editor)
    assert client.get(LIST).status_code in (302, 403)
    assert client.get(INVITE).status_code in (302, 403)


def test_an_admin_cannot_deactivate_or_re_role_themselves(client, agency_admin_a):
    client.force_login(agency_admin_a)
    response = client.post(detail(agency_admin_a), {"action": "deactivate"})
    assert response.status_code == 400
    agency_admin_a.refresh_from_db()
    assert agency_admin_a.is_active


def test_deactivation_ends_the_staff_members_sessions_at_once(client, agency_admin_a, editor):
    session_of_editor = Client()
    session_of_editor.force_login(editor)
    assert session_of_editor.get("/admin/").status_code == 200
    key = session_of_editor.session.session_key
    assert Session.objects.filter(session_key=key).exists()

    client.force_login(agency_admin_a)
    response = client.post(detail(editor), {"action": "deactivate"})

    assert response.status_code == 302
    editor.refresh_from_db()
    assert not editor.is_active
    assert not Session.objects.filter(session_key=key).exists()
    # The very next request with the old cookie is refused: it is sent to the login page.
    refused = session_of_editor.get("/admin/")
    assert refused.status_code == 302 and "/admin/login/" in refused["Location"]
    assert AuditEvent.objects.filter(action="staff.deactivated").exists()
    assert "Nonaktif" in client.get(LIST).content.decode()

    client.post(detail(editor), {"action": "activate"})
    editor.refresh_from_db()
    assert editor.is_active


def test_the_platform_admin_manages_any_agencys_staff_by_its_slug(
    client, platform_admin, editor_b, agency_b
):
    client.force_login(platform_admin)
    listing = client.get(LIST + f"?instansi={agency_b.slug}")
    assert (
        listing.status_code == 200
        and editor_b.username in listing.content.decode()
        or (editor_b.get_full_name() in listing.content.decode())
    )
    assert client.get(LIST + "?instansi=tidak-ada").status_code == 404
