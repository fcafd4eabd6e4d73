"""E-mails to the requester, put in the outbox in the transaction that changed the request.

The mail exists if and only if the change committed; the outbox delivers it (decision 0015).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from lontar.core import outbox
from lontar.core.models import OutboxMessage


def about(information_request) -> str:
    """The outbox's name for a request: erasing its personal data deletes its mails."""
    return f"ppid.request:{information_request.pk}"


def _send(
    information_request, template: str, context: dict, attachments=()
) -> OutboxMessage | None:
    """Queue one mail; the outbox row (None without an address or when queued before)."""
    if not information_request.email:
        return None
    context = {
        "r": information_request,
        "agency": information_request.agency,
        "base_url": information_request.agency.base_url,
        **context,
    }
    subject = render_to_string(f"emails/ppid/{template}_subject.txt", context).strip()
    body = render_to_string(f"emails/ppid/{template}_body.txt", context)
    message = EmailMessage(
        subject,
        body,
        to=[information_request.email],
        reply_to=[information_request.agency.ppid_email or settings.DEFAULT_FROM_EMAIL],
    )
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    return outbox.enqueue(
        message,
        key=f"ppid.{template}:{information_request.pk}",
        about=about(information_request),
    )


def send_receipt(information_request, tracking_code: str) -> OutboxMessage | None:
    """The code goes in the body; the attachment is the stored receipt, not a fresh build."""
    from lontar.ppid.documents import stored_receipt

    if not information_request.email:
        return None
    with stored_receipt(information_request).open("rb") as stored:
        content = stored.read()
    return _send(
        information_request,
        "receipt",
        {"code": tracking_code},
        [(f"tanda-terima-{information_request.pk}.pdf", content, "application/pdf")],
    )


def send_update(information_request, kind: str, notice=None) -> OutboxMessage | None:
    """The update e-mail, with the stored notice it announces (the file, not a fresh build)."""
    attachments = []
    if kind == "answered" and information_request.notice_pdf:
        attachments.append(
            ("pemberitahuan-tertulis.pdf", information_request.notice_pdf.read(), "application/pdf")
        )
    if notice is not None and notice.pdf:  # the numbered notice, exactly as stored
        with notice.pdf.open("rb") as stored:
            attachments.append((f"surat-{notice.kind}.pdf", stored.read(), "application/pdf"))
    return _send(information_request, f"update_{kind}", {"notice": notice}, attachments)


def send_survey_invitation(information_request, url: str) -> None:
    _send(information_request, "survey_invitation", {"url": url})
