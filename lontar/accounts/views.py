"""The second step of a staff sign-in: enrol an authenticator app, or type its current code."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from lontar.accounts import devices
from lontar.accounts.forms import TokenForm


def safe_next(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _with_next(url_name: str, next_url: str) -> str:
    from urllib.parse import urlencode

    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def _check_code(device, token: str) -> str | None:
    """None when the code is right; otherwise the message to show next to the field."""
    allowed, _data = device.verify_is_allowed()
    if not allowed:
        return _("Terlalu banyak kode yang salah. Tunggu sebentar, lalu masukkan kode terbaru.")
    if device.verify_token(token):
        return None
    return _("Kode tidak cocok atau sudah pernah dipakai. Masukkan kode terbaru dari aplikasi.")


@never_cache
@login_required
def enrol(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request)
    # Someone holding only the password must not be able to add a device of their own.
    if devices.has_confirmed_device(request.user):
        if request.user.is_verified():
            return redirect(next_url)
        return redirect(_with_next("accounts:verify", next_url))
    device = devices.pending_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = _check_code(device, form.cleaned_data["token"])
        if error is None:
            devices.confirm(device)
            otp_login(request, device)
            messages.success(request, _("Verifikasi dua langkah aktif untuk akun Anda."))
            return redirect(next_url)
        form.add_error("token", error)
    return render(
        request,
        "accounts/enrol.html",
        {
            "form": form,
            "next": next_url,
            # Our own SVG, drawn from the device's otpauth:// address; no user-controlled markup.
            "qr_svg": mark_safe(devices.qr_svg(device.config_url)),  # nosec B308 B703
            "manual_key": devices.manual_key(device),
        },
    )


@never_cache
@login_required
def verify(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request)
    if request.user.is_verified():
        return redirect(next_url)
    confirmed = devices.confirmed_devices(request.user)
    if not confirmed:
        return redirect(_with_next("accounts:enrol", next_url))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = None
        for device in confirmed:
            error = _check_code(device, form.cleaned_data["token"])
            if error is None:
                otp_login(request, device)
                return redirect(next_url)
        form.add_error("token", error)
    return render(request, "accounts/verify.html", {"form": form, "next": next_url})
