"""Mail Lontar does not compose itself (Wagtail's password reset) goes through the outbox too.

Production sets EMAIL_BACKEND to the outbox (settings.py); with the mail server down, the staff
member's reset link is kept and sent when the server answers again, not lost in a 500.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from lontar.core import outbox
from lontar.core.models import OutboxMessage
from lontar.core.tests.smtp import free_port, smtp_server, smtp_settings

pytestmark = pytest.mark.django_db


def test_a_password_reset_with_the_mail_server_down_is_sent_when_it_is_back(
    client, editor, django_capture_on_commit_callbacks
):
    port = free_port()
    with (
        smtp_settings(port),
        override_settings(
            EMAIL_BACKEND="lontar.core.outbox.OutboxBackend",
            OUTBOX_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        ),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/admin/password_reset/", {"email": editor.email})
        assert response.status_code == 302  # the staff member is told it is on its way

        row = OutboxMessage.objects.get()
        assert row.status == OutboxMessage.Status.PENDING and row.attempts == 1
        assert row.last_error == "ConnectionRefusedError"

        with smtp_server(port) as server:
            later = timezone.now() + timedelta(minutes=5)
            assert outbox.deliver_due(now=later).sent == 1

    [received] = server.messages()
    assert received["To"] == editor.email
    assert re.search(r"/admin/password_reset/confirm/\S+", received.get_body().get_content())
