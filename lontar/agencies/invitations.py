"""Invitation e-mails: a new staff account gets a one-time link to set its own password.

The link is Django's password-reset link (`default_token_generator`), opened on the agency's
own public address. It works once: the token is derived from the password hash and the last
login, so setting the password (or signing in) makes it invalid, and it expires after
PASSWORD_RESET_TIMEOUT. Mail goes through the outbox (lontar/core/outbox.py), so an invitation
written while the mail server is down is sent when it is back.
"""

from __future__ import annotations

from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from lontar.agencies.models import Agency
from lontar.core import outbox


def set_password_link(agency: Agency, user) -> str:
    """The absolute one-time link on the agency's public address where `user` sets a password."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return agency.absolute_url(path)


def send_invitation(*, user, agency: Agency, roles: str, first_admin: bool = False) -> None:
    """Queue the invitation for `user` to `agency` in the current transaction.

    `roles` is the human list of roles given ("Editor, Petugas PPID"). Each call queues a new
    mail (a re-sent invitation carries a fresh link); the outbox key holds no personal data.
    """
    if first_admin:
        intro = _(
            "Situs %(agency)s di Lontar sudah dibuat: %(site)s\n"
            "Anda ditunjuk sebagai Admin Instansi. Buat kata sandi Anda melalui tautan berikut, "
            "lalu masuk di %(admin)s untuk mengundang staf dan melengkapi profil instansi:"
        )
    else:
        intro = _(
            "Anda diundang sebagai staf %(agency)s di Lontar (%(site)s) dengan peran: "
            "%(roles)s.\nBuat kata sandi Anda melalui tautan berikut, lalu masuk di %(admin)s:"
        )
    body = (
        _("Yth. %(name)s,") % {"name": user.get_full_name() or user.email}
        + "\n\n"
        + intro
        % {
            "agency": agency.name,
            "site": agency.absolute_url("/"),
            "admin": agency.absolute_url("/admin/"),
            "roles": roles,
        }
        + "\n\n"
        + set_password_link(agency, user)
        + "\n\n"
        + _(
            "Tautan ini hanya berlaku sekali dan untuk waktu terbatas. Bila kedaluwarsa, pakai "
            '"Lupa kata sandi" di halaman masuk atau minta Admin Instansi mengirim ulang undangan.'
        )
        + "\n"
    )
    subject = (
        _("Undangan Admin Instansi %(agency)s")
        if first_admin
        else _("Undangan staf %(agency)s di Lontar")
    )
    message = EmailMessage(
        subject=subject % {"agency": agency.short_name}, body=body, to=[user.email]
    )
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    outbox.enqueue(message, key=f"agencies.invite:{user.pk}:{stamp}", about=f"auth.user:{user.pk}")
