"""E-mails to the asker. Sent after commit; a failed send never loses the question."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

logger = logging.getLogger("lontar.qna")


def _send(question, template: str, tracking_url: str) -> None:
    context = {"q": question, "agency": question.agency, "tracking_url": tracking_url}
    subject = render_to_string(f"qna/emails/{template}_subject.txt", context).strip()
    body = render_to_string(f"qna/emails/{template}_body.txt", context)
    message = EmailMessage(
        subject,
        body,
        to=[question.email],
        reply_to=[question.agency.email or settings.DEFAULT_FROM_EMAIL],
    )
    try:
        message.send()
    except Exception:
        logger.exception("e-mail to the asker of question %s failed", question.pk)


def send_received(question, tracking_url: str) -> None:
    _send(question, "received", tracking_url)


def send_answered(question, tracking_url: str) -> None:
    _send(question, "answered", tracking_url)
