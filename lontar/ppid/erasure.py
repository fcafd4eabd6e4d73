"""Erasing a requester's personal data: at the end of retention, or when they ask.

Retention runs from the request's last event whatever its state (`events.extend_retention`);
what is personal is read from the data map (`lontar/core/datamap.py`).
"""

from __future__ import annotations

import logging
import uuid
from datetime import date
from typing import cast

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lontar.agencies.models import Agency
from lontar.core import outbox
from lontar.core.datamap import personal_fields
from lontar.core.orphans import removes_saved_files_on_error, track
from lontar.ppid import mail
from lontar.ppid.events import _record
from lontar.ppid.models import InformationRequest

logger = logging.getLogger("lontar.ppid")


ERASED = "[dihapus]"


def _erased_value(model_field):
    if model_field.null:
        return None
    if isinstance(model_field, (models.CharField, models.TextField)):
        return "" if model_field.blank else ERASED
    # A new kind of personal field must say how it is erased; never keep it silently.
    label = f"{model_field.model._meta.label}.{model_field.name}"
    raise TypeError(f"No erased value for the personal field {label}")


def _regenerated_notice(information_request: InformationRequest) -> ContentFile:
    from lontar.ppid.documents import written_notice_pdf

    # A new name, so no copy of the old file (backups, caches) can be mistaken for this one.
    return ContentFile(
        written_notice_pdf(information_request), name=f"pemberitahuan-{uuid.uuid4().hex}.pdf"
    )


# Personal files that are part of the legal record come back without the personal data;
# every other personal file is deleted.
_REGENERATED = {"notice_pdf": _regenerated_notice}


def _erase_rows(queryset, fields) -> None:
    """Clear `fields` on every row, deleting their files from storage."""
    values = {}
    for model_field in fields:
        if isinstance(model_field, models.FileField):
            stored_rows = queryset.exclude(**{model_field.name: ""})
            for row in stored_rows.exclude(**{model_field.name: None}):
                stored = getattr(row, model_field.name)
                stored.storage.delete(stored.name)
            values[model_field.name] = ""
        else:
            values[model_field.name] = _erased_value(model_field)
    # update(), not save(): RequestEvent is append-only for people, but the law reaches into
    # the log too; the event stays, only who-it-was goes.
    queryset.update(**values)


@removes_saved_files_on_error
@transaction.atomic
def erase_personal_data(
    information_request: InformationRequest,
    *,
    by=None,
    ip: str | None = None,
    retention_ended: bool = True,
    reason: str = "",
) -> None:
    """End of retention (UU 27/2022 Pasal 42–44): remove who asked, keep what was asked.

    Every field the data map (`lontar/core/datamap.py`) marks personal is cleared, on the
    request and on every row that points to it; personal files are deleted from storage, and
    the written notice is generated again without the name. The register row, the decision and
    the timeline stay, because the public register and the annual report count them.
    """
    # An open request is still being served, unless nothing happened on it for the whole
    # retention period: then the law's limit wins over an abandoned file.
    if information_request.is_open and not retention_ended:
        raise ValidationError(_("Permohonan yang masih berjalan tidak dapat dihapus datanya."))
    regenerate = []
    for model_field in personal_fields(InformationRequest):
        if isinstance(model_field, models.FileField):
            stored = getattr(information_request, model_field.name)
            if stored:
                stored.delete(save=False)
                if model_field.name in _REGENERATED:
                    regenerate.append(model_field.name)
            setattr(information_request, model_field.name, "")
        else:
            setattr(information_request, model_field.name, _erased_value(model_field))
    for name in regenerate:
        replacement = _REGENERATED[name](information_request)
        getattr(information_request, name).save(replacement.name, replacement, save=False)
        track(getattr(information_request, name))
    information_request.personal_data_erased_at = timezone.now()
    information_request.save()
    for relation in InformationRequest._meta.related_objects:
        related = cast("type[models.Model]", relation.related_model)  # resolved, never "self"
        if related is InformationRequest:
            continue  # a request forwarded from this one is the receiving body's, own retention
        fields = personal_fields(related)
        if fields and (relation.one_to_many or relation.one_to_one):
            rows = related._default_manager.filter(**{relation.field.name: information_request})
            _erase_rows(rows, fields)
    # The e-mails to and about the requester are in the outbox, which names no request.
    outbox.erase_about(mail.about(information_request))
    _record(
        information_request,
        kind="personal_data_erased",
        by=by,
        ip=ip,
        internal_note=reason or _("Data pribadi pemohon dihapus karena masa simpan berakhir."),
    )


def erase_expired_personal_data(today: date | None = None) -> int:
    """Erase every request whose retention period has ended; return how many.

    The period runs from the last event (`extend_retention`), whatever the state: a request
    answered but never marked complete is erased like a completed one. Without `today`, each
    agency's own today counts (`Agency.today()`).
    """
    if today is None:
        ended = models.Q(pk__in=[])
        for agency in Agency.objects.all():
            ended |= models.Q(agency=agency, retain_personal_data_until__lte=agency.today())
    else:
        ended = models.Q(retain_personal_data_until__lte=today)
    due = InformationRequest.objects.filter(ended, personal_data_erased_at__isnull=True)
    erased = 0
    for information_request in due.iterator():
        try:
            erase_personal_data(information_request)
        except Exception:  # one broken record must not keep every other requester's data
            logger.exception("erasing personal data of request %s failed", information_request.pk)
            continue
        erased += 1
    return erased
