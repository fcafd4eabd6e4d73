"""What a visitor sees when a service Lontar depends on fails (issue 19).

The database unavailable: a short Indonesian 503 page with Retry-After, no traceback, and one
log line naming the error class and the view, never the path (a tracking token can sit in it)
or the visitor. Django opens a new connection for the next request once the old one is found
unusable, so the site comes back by itself when the database does, without a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.translation import gettext as _

logger = logging.getLogger("lontar.faults")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 60


def database_unavailable(request: HttpRequest, error: BaseException) -> HttpResponse:
    """The 503 page; rendered without context processors, which would ask the database."""
    match = getattr(request, "resolver_match", None)
    logger.error(
        "database unavailable (%s) in %s",
        type(error).__name__,
        match.view_name if match is not None else "middleware",
    )
    body = loader.get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection inside a view into the 503 page.

    Errors raised by other middleware (a session read, a redirect lookup) reach Django's
    handler500 instead, which `lontar.core.views.server_error` sends here too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DATABASE_ERRORS):
            return database_unavailable(request, exception)
        return None


# --- File storage ---------------------------------------------------------------------------------
# A full disk raises OSError (ENOSPC); an object store that cannot be reached raises botocore's
# own errors, which are not OSError.
try:
    from botocore.exceptions import BotoCoreError, ClientError

    STORAGE_ERRORS: tuple[type[BaseException], ...] = (OSError, BotoCoreError, ClientError)
except ImportError:  # pragma: no cover - botocore comes with django-storages[s3]
    STORAGE_ERRORS = (OSError,)


class StorageUnavailable(ValidationError):
    """An upload could not be stored; the message sits next to the field it came from."""


def store_files(instance: Model, uploads: Mapping[str, Any], name_for: Callable[[Any], str]):
    """Save each upload into the instance's FileField of the same name, or none of them.

    On failure the files already written are deleted and `StorageUnavailable` names the field,
    so the caller's transaction rolls back a row that would point at missing files.
    """
    saved: list[str] = []
    for field_name, upload in uploads.items():
        if not upload:
            continue
        try:
            getattr(instance, field_name).save(name_for(upload), upload, save=False)
        except STORAGE_ERRORS as error:
            logger.error("upload not stored (%s) for %s", type(error).__name__, field_name)
            for done in saved:
                try:
                    getattr(instance, done).delete(save=False)
                except STORAGE_ERRORS:
                    logger.error("could not remove a partial upload for %s", done)
            raise StorageUnavailable(
                {
                    field_name: _(
                        "Berkas ini belum dapat disimpan karena gangguan pada penyimpanan kami. "
                        "Permohonan Anda belum terkirim; silakan coba lagi beberapa menit lagi."
                    )
                }
            ) from error
        saved.append(field_name)
