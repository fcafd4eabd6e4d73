"""A real SMTP server in the test process (aiosmtpd), counting what it was given."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage as ParsedMessage

from aiosmtpd.controller import Controller
from django.test import override_settings


def free_port() -> int:
    """A loopback port nothing listens on (so also "the SMTP server is down")."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    """The handler: keeps every message; may refuse recipients or go slowly."""

    def __init__(self, *, delay: float = 0.0, refuse: str = "") -> None:
        self.delay = delay
        self.refuse = refuse
        self.received: list[tuple[list[str], bytes]] = []
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse and address == self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            time.sleep(self.delay)  # block the loop: concurrent senders really wait
        with self.lock:
            self.received.append((list(envelope.rcpt_tos), bytes(envelope.content)))
        return "250 Message accepted for delivery"

    def messages(self) -> list[ParsedMessage]:
        with self.lock:
            raw = [content for _, content in self.received]
        return [message_from_bytes(content, policy=policy.default) for content in raw]


def smtp_settings(port: int):
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
    )


@contextmanager
def smtp_server(port: int, handler: Recorder | None = None):
    handler = handler or Recorder()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler
    finally:
        controller.stop()
