"""The outbox: every e-mail Lontar sends is first a row, written in the caller's transaction.

`enqueue(message, key=...)` stores the whole message (recipients, text, attachments) as an
`OutboxMessage` in the transaction that is open, so the mail exists if and only if what it
tells about was committed. After commit one quick delivery attempt is made (the receipt arrives
right away); whatever that attempt leaves is delivered by the worker (`core.jobs.deliver_outbox`)
with exponential backoff: 1, 2, 4, 8 minutes, then every 10 minutes, until `MAX_ATTEMPTS` or a
permanent refusal (SMTP 5xx) marks the row failed for platform admins to see (decision 0015).

A row is claimed with one conditional UPDATE that raises `attempts` and pushes
`next_attempt_at` out by a lease, so two workers never send the same row. A worker that dies
after the SMTP server accepted a message but before the row was marked sent makes it go again
after the lease: delivery is at least once, and the Message-ID stays the same.

Errors recorded on a row or logged name the exception class and SMTP codes only: SMTP error
texts often quote the recipient's address.

A message the server accepted sends `message_sent`, a message given up sends `message_failed`
(both with the row's `key` and `about`), so a record that must know whether its mail really
left (a PPID notice, issue 21) learns it from the outbox, not from the queueing. Receivers run
after the row is updated; their errors are logged and never undo or stop a delivery.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import smtplib
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import make_msgid

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.utils import DNS_NAME
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone

from lontar.core.models import OutboxMessage

logger = logging.getLogger("lontar.outbox")

Status = OutboxMessage.Status

# Sent with key=, about= and sent_at= once the mail server accepted the message.
message_sent = Signal()
# Sent with key=, about= and error= once the outbox gave the message up.
message_failed = Signal()

MAX_ATTEMPTS = 150  # ≈ a day of retries; settings.OUTBOX_MAX_ATTEMPTS may change it
# Capped low so that a mail waits at most ten minutes after the SMTP server returns.
BACKOFF_CAP = timedelta(minutes=10)
# Longer than any SMTP conversation (several EMAIL_TIMEOUTs): a claim older than this is dead.
LEASE = timedelta(minutes=10)
# The attempt right after commit runs inside the web request: it must not hold it long
# (settings.OUTBOX_IMMEDIATE_TIMEOUT, seconds; settings.OUTBOX_SEND_AT_ONCE = False skips it).
IMMEDIATE_TIMEOUT = 5.0
# Delivered (or given-up) messages keep their text this long, then only the row's bookkeeping
# stays (its key keeps the same mail from being enqueued again); that goes after a year.
KEEP_CONTENT = timedelta(days=7)
KEEP_FAILED_CONTENT = timedelta(days=30)
KEEP_ROW = timedelta(days=365)

# Refusals of this one message; anything else (connection refused, timeout, disconnect, TLS,
# authentication) is the server's trouble and ends the round for every message.
_MESSAGE_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


def enqueue(message: EmailMessage, *, key: str, about: str = "") -> OutboxMessage | None:
    """Store `message` for delivery in the current transaction; None if `key` was used before.

    `key` names the logical mail ("ppid.receipt:12") and must hold no personal data; `about`
    names the record it concerns ("ppid.request:12") so erasing that record can delete it.
    """
    recipients = message.recipients()
    if not recipients:
        return None
    if "Message-ID" not in message.extra_headers:
        # Fixed once, so a message sent again after a crash is recognisably the same one.
        message.extra_headers["Message-ID"] = make_msgid(domain=DNS_NAME)
    try:
        with transaction.atomic():  # a savepoint: a duplicate key must not break the caller's
            row = OutboxMessage.objects.create(
                key=key,
                about=about,
                payload=serialize(message),
                recipient_count=len(recipients),
            )
    except IntegrityError:
        if OutboxMessage.objects.filter(key=key).exists():
            return None
        raise
    if getattr(settings, "OUTBOX_SEND_AT_ONCE", True):
        timeout = getattr(settings, "OUTBOX_IMMEDIATE_TIMEOUT", IMMEDIATE_TIMEOUT)
        transaction.on_commit(lambda: deliver(row.pk, timeout=timeout), robust=True)
    return row


def serialize(message: EmailMessage) -> dict:
    attachments = []
    for attachment in message.attachments:
        name, content, mimetype = attachment  # MIMEBase parts are not used by Lontar
        data = content.encode() if isinstance(content, str) else bytes(content)
        attachments.append(
            {"name": name, "mimetype": mimetype, "content": base64.b64encode(data).decode()}
        )
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "content_subtype": message.content_subtype,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [list(alt) for alt in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def build(payload: dict) -> EmailMessage:
    """The message again, as the backend expects it."""
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
    )
    message.content_subtype = payload["content_subtype"]
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for attachment in payload["attachments"]:
        message.attach(
            attachment["name"], base64.b64decode(attachment["content"]), attachment["mimetype"]
        )
    return message


def backoff(attempts: int) -> timedelta:
    """Wait after the `attempts`-th failed try: 1, 2, 4 … minutes, at most ten minutes."""
    return min(timedelta(minutes=2 ** min(attempts - 1, 10)), BACKOFF_CAP)


def describe(exc: BaseException) -> str:
    """What went wrong, without the server's text (it may quote an address)."""
    text = type(exc).__name__
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _ in exc.recipients.values()})
        text += " " + ",".join(str(code) for code in codes)
    elif isinstance(exc, smtplib.SMTPResponseException):
        text += f" {exc.smtp_code}"
    return text[:200]


def is_permanent(exc: BaseException) -> bool:
    """An SMTP 5xx refusal of this message: trying again would be refused again."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in exc.recipients.values())
    return isinstance(exc, _MESSAGE_ERRORS) and getattr(exc, "smtp_code", 0) >= 500


def _claim(pk: int, now: datetime) -> OutboxMessage | None:
    """Take the row for one attempt, or None when it is not due or another worker has it."""
    row = OutboxMessage.objects.filter(pk=pk, status=Status.PENDING).first()
    if row is None or row.next_attempt_at > now:
        return None
    won = OutboxMessage.objects.filter(
        pk=pk, status=Status.PENDING, attempts=row.attempts, next_attempt_at__lte=now
    ).update(attempts=row.attempts + 1, next_attempt_at=now + LEASE)
    if not won:
        return None
    row.attempts += 1
    return row


def _tell(signal: Signal, row: OutboxMessage, **facts) -> None:
    for receiver, result in signal.send_robust(
        sender=OutboxMessage, key=row.key, about=row.about, **facts
    ):
        if isinstance(result, Exception):
            logger.error(
                "e-mail %s: receiver %s failed (%s)",
                row.key,
                getattr(receiver, "__qualname__", receiver),
                type(result).__name__,
            )


def _sent(row: OutboxMessage) -> None:
    sent_at = timezone.now()
    updated = OutboxMessage.objects.filter(pk=row.pk, attempts=row.attempts).update(
        status=Status.SENT, sent_at=sent_at, last_error=""
    )
    if updated:
        _tell(message_sent, row, sent_at=sent_at)


def _failed(row: OutboxMessage, exc: BaseException, now: datetime) -> None:
    error = describe(exc)
    give_up = is_permanent(exc) or row.attempts >= getattr(
        settings, "OUTBOX_MAX_ATTEMPTS", MAX_ATTEMPTS
    )
    updated = OutboxMessage.objects.filter(pk=row.pk, attempts=row.attempts).update(
        status=Status.FAILED if give_up else Status.PENDING,
        next_attempt_at=now + backoff(row.attempts),
        last_error=error,
    )
    if updated and give_up:
        _tell(message_failed, row, error=error)
    log = logger.error if give_up else logger.warning
    log(
        "e-mail %s: attempt %d failed (%s)%s",
        row.key,
        row.attempts,
        error,
        "; given up" if give_up else "",
    )


@dataclass
class Round:
    sent: int = 0
    failed: int = 0
    skipped: int = 0  # claimed by another worker meanwhile


def deliver(pk: int, *, timeout: float | None = None) -> bool:
    """One attempt at one message now (the attempt right after commit); True when sent."""
    return deliver_due(pks=[pk], timeout=timeout).sent == 1


def deliver_due(
    now: datetime | None = None,
    *,
    limit: int = 200,
    pks: list[int] | None = None,
    timeout: float | None = None,
) -> Round:
    """Send every due message over one connection; must run outside a transaction."""
    now = now or timezone.now()
    if pks is None:
        due = OutboxMessage.objects.filter(status=Status.PENDING, next_attempt_at__lte=now)
        pks = list(due.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit])
    result = Round()
    if not pks:
        return result
    backend = delivery_backend()
    connection = get_connection(backend, timeout=timeout) if timeout else get_connection(backend)
    outage: BaseException | None = None
    try:
        for pk in pks:
            row = _claim(pk, now)
            if row is None:
                result.skipped += 1
                continue
            if outage is not None:
                # The server is unreachable: count the attempt without waiting for it again.
                _failed(row, outage, now)
                result.failed += 1
                continue
            try:
                connection.send_messages([build(row.payload)])
            except Exception as exc:
                _failed(row, exc, now)
                result.failed += 1
                if not isinstance(exc, _MESSAGE_ERRORS):
                    outage = exc
            else:
                _sent(row)
                result.sent += 1
    finally:
        try:
            connection.close()
        except Exception:  # closing a broken connection must not hide what happened
            logger.debug("closing the mail connection failed", exc_info=True)
    return result


def purge(now: datetime | None = None) -> int:
    """Blank the text of delivered and given-up messages after a while; drop old rows."""
    now = now or timezone.now()
    rows = OutboxMessage.objects.exclude(payload={})
    blanked = rows.filter(status=Status.SENT, sent_at__lte=now - KEEP_CONTENT).update(payload={})
    blanked += rows.filter(status=Status.FAILED, created_at__lte=now - KEEP_FAILED_CONTENT).update(
        payload={}
    )
    OutboxMessage.objects.exclude(status=Status.PENDING).filter(
        created_at__lte=now - KEEP_ROW
    ).delete()
    return blanked


def erase_about(about: str) -> int:
    """Delete every message about one record (its personal data is being erased)."""
    if not about:
        return 0
    deleted, _ = OutboxMessage.objects.filter(about=about).delete()
    return deleted


def delivery_backend() -> str:
    """The back end that really sends: `OUTBOX_EMAIL_BACKEND`, else `EMAIL_BACKEND`."""
    backend = getattr(settings, "OUTBOX_EMAIL_BACKEND", "") or settings.EMAIL_BACKEND
    if backend == f"{__name__}.OutboxBackend":
        raise ImproperlyConfigured("With the outbox as EMAIL_BACKEND, set OUTBOX_EMAIL_BACKEND.")
    return backend


class OutboxBackend(BaseEmailBackend):
    """The `EMAIL_BACKEND`: every message goes into the outbox; `OUTBOX_EMAIL_BACKEND` sends.

    For mail Lontar does not send itself (Wagtail's notifications, password resets): each
    message becomes a row keyed by its own Message-ID. Lontar's own mail calls `enqueue`.
    """

    def send_messages(self, email_messages) -> int:
        queued = 0
        for message in email_messages:
            if "Message-ID" not in message.extra_headers:
                message.extra_headers["Message-ID"] = make_msgid(domain=DNS_NAME)
            digest = hashlib.sha256(message.extra_headers["Message-ID"].encode()).hexdigest()
            if enqueue(message, key=f"mail:{digest[:40]}"):
                queued += 1
        return queued
