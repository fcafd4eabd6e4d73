"""Signing in the real way in tests: the password form, then a TOTP code computed here."""

from __future__ import annotations

import re
from base64 import b32decode

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "kata-sandi-uji-123"  # UserFactory's


def code_for_key(key: bytes) -> str:
    """The code an authenticator app shows now (time-machine moves "now" in tests)."""
    return f"{totp(key, step=30, t0=0, digits=6, drift=0):06d}"


def code_for_device(device: TOTPDevice) -> str:
    token = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift
    )
    return f"{token:06d}"


def key_from_manual(manual_key: str) -> bytes:
    compact = re.sub(r"\s+", "", manual_key)
    return b32decode(compact + "=" * (-len(compact) % 8))


def manual_key_from_page(html: str) -> str:
    match = re.search(r'<code id="kunci-manual">([A-Z2-7 ]+)</code>', html)
    assert match, "the enrolment page shows no manual key"
    return match.group(1)


def enrolled_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="ponsel uji", confirmed=True)


def password_login(client, username: str, password: str = PASSWORD, **extra):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def browser_sign_in(page, username: str, password: str = PASSWORD) -> None:
    """Sign in through the real pages, enrolling an authenticator on first sign-in if asked."""
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/(2fa/daftar/|2fa/verifikasi/|$)"))
    if "/admin/2fa/daftar/" in page.url:
        key = key_from_manual(page.locator("#kunci-manual").inner_text())
        page.locator("input[name=token]").fill(code_for_key(key))
        page.locator("form button[type=submit]").first.click()
    elif "/admin/2fa/verifikasi/" in page.url:
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        page.locator("input[name=token]").fill(code_for_device(device))
        page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")
