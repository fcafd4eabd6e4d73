"""Idempotency keys: a double click or a retried POST never creates two records.

A public form carries a hidden `submission_key`, a random token made when the form is shown.
The view creates its record through `submit_once`, which writes a `core.SubmissionKey` row
(unique per scope and key) in the same transaction as the record. A repeated POST with the same
key finds that row and creates nothing; two POSTs racing each other meet at the unique
constraint, and the loser rolls back (with its queued e-mails) and answers as a repeat. The view
answers a repeat exactly as it answered the first POST, as far as that is safe (a PPID receipt
only to the session that filed the request).

A form gets the field from `IdempotencyMixin`; a template without a form object (the page
feedback box) renders `{% submission_key_field form %}` from `lontar.core.templatetags`.
Keys older than `KEEP_FOR` are purged by a periodic job: a retry comes within minutes.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Generic, TypeVar

from django import forms
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from lontar.core.models import SubmissionKey

FIELD = "submission_key"
KEEP_FOR = timedelta(days=7)
# What `new_key` makes (token_urlsafe(24) is 32 characters); anything else is ignored.
_SHAPE = re.compile(r"[A-Za-z0-9_-]{16,64}")

M = TypeVar("M", bound=models.Model)


def new_key() -> str:
    """A fresh random key, for a form being shown."""
    return secrets.token_urlsafe(24)


def clean_key(value: object) -> str:
    """The key if it looks like one `new_key` makes, else "" (no idempotency, no error)."""
    return value if isinstance(value, str) and _SHAPE.fullmatch(value) else ""


def key_from(data: Mapping[str, Any]) -> str:
    """The key posted with a form (`request.POST`)."""
    return clean_key(data.get(FIELD))


def key_on_shared_page(data: Mapping[str, Any], request: Any) -> str:
    """The posted key, told apart per visitor: for a form on a page nginx or the page cache
    gives every visitor for a second (decision 0021), so two visitors post the same key.

    One visitor's double click or retry comes from one address and browser and still
    matches; two visitors of the same cached page do not. The address is hashed with the
    secret key and not kept.
    """
    key = key_from(data)
    if not key:
        return ""
    from django.conf import settings

    from lontar.core.client import client_ip

    agent = request.headers.get("User-Agent", "")[:300]
    raw = "\x1f".join((settings.SECRET_KEY, key, client_ip(request), agent))
    return hashlib.sha256(raw.encode()).hexdigest()[:64]


def label_of(obj: models.Model) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


def earlier(scope: str, key: str) -> SubmissionKey | None:
    """The key row of a submission already made with this key, if any."""
    if not key:
        return None
    return SubmissionKey.objects.filter(scope=scope, key=key).first()


@dataclass(frozen=True)
class Outcome(Generic[M]):
    """What `submit_once` did: created a record now, or found the one an earlier POST made."""

    created: M | None = None
    earlier: SubmissionKey | None = None


def submit_once(
    scope: str,
    key: str,
    *,
    agency: Any,
    create: Callable[[], M],
    then: Callable[[M], None] | None = None,
) -> Outcome[M]:
    """Run `create` in a transaction, at most once per (scope, key).

    Without a key (an old page, a client that does not send one) the record is just created.
    The key row is claimed first, so on PostgreSQL a racing POST waits on the unique index
    until the first commits, then fails and answers as a repeat. `then` runs inside the same
    transaction once the record exists: what must survive with the record (the receipt in a
    database session) commits with it or not at all, whenever the process dies.
    """
    if key:
        found = earlier(scope, key)
        if found is not None:
            return Outcome(earlier=found)
    try:
        with transaction.atomic():
            claim = (
                SubmissionKey.objects.create(scope=scope, key=key, agency=agency) if key else None
            )
            obj = create()
            if claim is not None:
                claim.object_type = label_of(obj)
                claim.object_id = str(obj.pk)
                claim.save(update_fields=["object_type", "object_id"])
            if then is not None:
                then(obj)
    except IntegrityError:
        found = earlier(scope, key)
        if found is None:  # not our constraint: a real error
            raise
        return Outcome(earlier=found)
    return Outcome(created=obj)


def purge(now=None) -> int:
    """Delete keys older than `KEEP_FOR`; returns how many."""
    cutoff = (now or timezone.now()) - KEEP_FOR
    deleted, _by_model = SubmissionKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted


class IdempotencyMixin(forms.Form):
    """Adds the hidden `submission_key` field, filled with a fresh key when the form is shown."""

    submission_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Last, so the error summary (which iterates the fields) keeps its order.
        self.fields[FIELD] = self.fields.pop(FIELD)
        if not self.is_bound:
            self.initial[FIELD] = new_key()

    def clean_submission_key(self) -> str:
        return clean_key(self.cleaned_data.get(FIELD))
