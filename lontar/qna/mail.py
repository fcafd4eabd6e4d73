"""E-mails to the asker, put in the outbox in the transaction that stored the question.

The mail exists if and only if the change committed; the outbox delivers it (decision 0015).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from lontar.core import outbox


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
    outbox.enqueue(
        message, key=f"qna.{template}:{question.pk}", about=f"qna.question:{question.pk}"
    )


def send_received(question, tracking_url: str) -> None:
    _send(question, "received", tracking_url)


def send_answered(question, tracking_url: str) -> None:
    _send(question, "answered", tracking_url)
