"""Finding 4: a second factor for the PPID and admin roles. The real flow, no force_login."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from lontar.accounts.policy import roles_require_second_factor
from lontar.accounts.tests.helpers import (
    PASSWORD,
    code_for_device,
    code_for_key,
    enrolled_device,
    key_from_manual,
    manual_key_from_page,
    password_login,
)
from lontar.agencies.roles import Role

pytestmark = pytest.mark.django_db

ENROL = "/admin/2fa/daftar/"
VERIFY = "/admin/2fa/verifikasi/"


def test_the_policy_names_the_ppid_and_admin_roles_only():
    for role in (Role.PPID_OFFICER, Role.PPID_SUPERIOR, Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN):
        assert roles_require_second_factor([role.value], is_superuser=False)
    assert not roles_require_second_factor([Role.WRITER, Role.EDITOR], is_superuser=False)
    assert roles_require_second_factor([], is_superuser=True)


def test_a_password_alone_does_not_open_the_admin_and_enrolling_does(client, ppid_officer_a):
    with time_machine.travel(timezone.now(), tick=False):
        assert password_login(client, ppid_officer_a.username).status_code == 302
        for url in ("/admin/", "/admin/ppid/permohonan/", "/admin/account/"):
            response = client.get(url)
            assert response.status_code == 302
            assert response["Location"].startswith(ENROL)

        page = client.get(ENROL)
        html = page.content.decode()
        assert page.status_code == 200
        assert "<svg" in html and "Kunci manual" in html
        # The QR is drawn here: nothing on the page is fetched from another host.
        assert not re.search(r'src="(https?:)?//', html)
        assert not re.search(r'<link[^>]+href="(https?:)?//', html)
        key = key_from_manual(manual_key_from_page(html))

        wrong = client.post(ENROL, {"token": "000000", "next": "/admin/"})
        assert wrong.status_code == 200 and "tidak cocok" in wrong.content.decode()

    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=False):
        done = client.post(ENROL, {"token": code_for_key(key), "next": "/admin/ppid/permohonan/"})
        assert done.status_code == 302 and done["Location"] == "/admin/ppid/permohonan/"
        assert client.get("/admin/").status_code == 200
        assert TOTPDevice.objects.get(user=ppid_officer_a).confirmed


def test_every_admin_url_sends_a_password_only_officer_to_enrolment(client, agency_admin_a):
    password_login(client, agency_admin_a.username)
    checked = 0
    for url in _parameterless_admin_urls():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(ENROL), url
        checked += 1
    assert checked > 40


def _parameterless_admin_urls():
    exempt = {"login/", "logout/", "password_reset/", "sprite/", "jsi18n/", "2fa/"}

    def walk(patterns, prefix):
        for pattern in patterns:
            route = str(pattern.pattern)
            if "<" in route or "(" in route or "^" in route or "$" in route:
                continue
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern):
                yield prefix + route

    for resolver in get_resolver().url_patterns:
        if str(resolver.pattern) == "admin/" and isinstance(resolver, URLResolver):
            for path in walk(resolver.url_patterns, ""):
                if not any(path.startswith(e) for e in exempt):
                    yield "/admin/" + path


def test_a_used_code_cannot_be_used_again(client, ppid_officer_a):
    device = enrolled_device(ppid_officer_a)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        password_login(client, ppid_officer_a.username)
        assert client.get("/admin/")["Location"].startswith(VERIFY)
        code = code_for_device(device)
        assert client.post(VERIFY, {"token": code, "next": "/admin/"}).status_code == 302
        assert client.get("/admin/").status_code == 200

        client.post("/admin/logout/")
        password_login(client, ppid_officer_a.username)
        replay = client.post(VERIFY, {"token": code, "next": "/admin/"})
        assert replay.status_code == 200
        assert client.get("/admin/").status_code == 302

        traveller.shift(timedelta(seconds=31))
        device.refresh_from_db()
        fresh = client.post(VERIFY, {"token": code_for_device(device), "next": "/admin/"})
        assert fresh.status_code == 302
        assert client.get("/admin/").status_code == 200


def test_wrong_codes_are_throttled(client, ppid_officer_a):
    device = enrolled_device(ppid_officer_a)
    with time_machine.travel(timezone.now(), tick=False):
        password_login(client, ppid_officer_a.username)
        for _ in range(3):
            client.post(VERIFY, {"token": "123456", "next": "/admin/"})
        device.refresh_from_db()
        refused = client.post(VERIFY, {"token": code_for_device(device), "next": "/admin/"})
        assert refused.status_code == 200
        assert "Terlalu banyak kode yang salah" in refused.content.decode()
        assert client.get("/admin/").status_code == 302


def test_someone_with_only_the_password_cannot_enrol_a_second_device(client, ppid_officer_a):
    enrolled_device(ppid_officer_a)
    password_login(client, ppid_officer_a.username)
    response = client.get(ENROL)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=ppid_officer_a).count() == 1


def test_a_password_reset_does_not_skip_the_code(client, ppid_officer_a):
    device = enrolled_device(ppid_officer_a)
    client.post("/admin/password_reset/", {"email": ppid_officer_a.email})
    link = re.search(r"https?://[^/\s]+(/admin/password_reset/confirm/\S+)", mail.outbox[-1].body)
    form_page = client.get(link.group(1), follow=True)
    new_password = "kata-sandi-baru-yang-panjang"
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1),
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.status_code == 302
    ppid_officer_a.refresh_from_db()
    assert ppid_officer_a.check_password(new_password)
    assert client.get("/admin/").status_code == 302  # the reset signed nobody in

    password_login(client, ppid_officer_a.username, new_password)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    client.post(VERIFY, {"token": code_for_device(device), "next": "/admin/"})
    assert client.get("/admin/").status_code == 200


def test_a_writer_is_not_forced(client, writer):
    password_login(client, writer.username)
    assert client.get("/admin/").status_code == 200


def test_a_writer_who_enrolled_is_held_to_it(client, writer):
    enrolled_device(writer)
    password_login(client, writer.username)
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_a_platform_admin_is_forced(client, platform_admin):
    password_login(client, platform_admin.username)
    assert client.get("/admin/")["Location"].startswith(ENROL)


def test_outside_the_admin_a_half_signed_in_officer_is_anonymous(rf, ppid_officer_a):
    from django.contrib.auth.models import AnonymousUser
    from django_otp.middleware import OTPMiddleware

    from lontar.accounts.middleware import StaffSessionMiddleware

    request = rf.get("/ppid/")
    request.session = {}
    request.user = ppid_officer_a
    OTPMiddleware(lambda r: None)._install_lazy_accessors(request)
    StaffSessionMiddleware(lambda r: None).process_view(request, None, (), {})
    assert not request.user.is_authenticated
    assert isinstance(request.user._wrapped, AnonymousUser)


def test_force_login_in_tests_passes_the_second_factor(client, ppid_officer_a):
    client.force_login(ppid_officer_a)
    assert client.get("/admin/").status_code == 200
    assert PASSWORD  # the real flow is tested above
