"""When retention ends, nothing that identifies the requester is left; the register row stays.

The personal fields are read from the data map, so a personal field added later is covered
here without editing this test: the fixture must fill it and erasure must clear it.
"""

from __future__ import annotations

import io
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from pypdf import PdfReader

from lontar.core.datamap import personal_fields
from lontar.core.tests.files import jpeg_bytes, pdf_bytes
from lontar.ppid import jobs
from lontar.ppid.documents import stored_receipt
from lontar.ppid.models import InformationRequest, PersonalFileAccess
from lontar.ppid.services import (
    ERASED,
    Answer,
    answer_request,
    complete_request,
    register_request,
)
from lontar.ppid.tests.helpers import NIK, PHONE, details

pytestmark = pytest.mark.django_db

NAME = "Maria Uji Pemohon"
IP = "203.0.113.45"
OFFICER_IP = "2001:db8:5::9"


def _private_files() -> set[str]:
    root = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def _pdf_text(field) -> str:
    with field.open("rb") as handle:
        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)


def _kept(rows, field):
    """The rows where `field` still holds something."""
    rows = rows.exclude(**{f"{field.name}__isnull": True})
    if isinstance(field, (models.CharField, models.TextField, models.FileField)):
        rows = rows.exclude(**{field.name: ""})
    return rows


def _filled(value) -> bool:
    return bool(value) and value != ERASED


def _related_rows(request: InformationRequest):
    """(model, personal fields, rows) for every model whose rows point at the request."""
    for relation in InformationRequest._meta.related_objects:
        if relation.related_model is InformationRequest:
            continue  # the forwarded copy belongs to the receiving body (its own retention)
        fields = personal_fields(relation.related_model)
        if fields:
            rows = relation.related_model._default_manager.filter(**{relation.field.name: request})
            yield relation.related_model, fields, rows


@pytest.fixture
def closed_request(agency_a, ppid_officer_a):
    """A completed web request with every personal field, file and address filled."""
    received = datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    files = {
        "identity_scan": SimpleUploadedFile("ktp.jpg", jpeg_bytes(with_gps=True)),
        "proxy_letter": SimpleUploadedFile("kuasa.pdf", pdf_bytes(f"Kuasa dari {NAME}")),
        "group_mandate": SimpleUploadedFile("mandat.pdf", pdf_bytes(f"Mandat untuk {NAME}")),
    }
    # A group's representative acting as a proxy: every personal field has something in it.
    group = details(
        files=files,
        identity_kind="kelompok",
        group_name="Forum Warga Flamboyan",
        filed_by_proxy=True,
        represented_person="Yohanes Diwakili",
    )
    request, _code = register_request(
        agency=agency_a, details=group, received_at=received, channel="web", ip=IP
    )
    request.legal_entity_decree = "AHU-0012345.AH.01.04.Tahun 2020"
    request.save()
    answer_request(
        request,
        answer=Answer(
            decision="diberikan",
            material_given="Rekap formasi",
            documents=[("Rekap formasi", SimpleUploadedFile("rekap.pdf", pdf_bytes("Rekap")))],
        ),
        by=ppid_officer_a,
        ip=OFFICER_IP,
    )
    complete_request(request, by=ppid_officer_a, ip=OFFICER_IP)
    stored_receipt(request)  # built when the receipt e-mail leaves, after commit
    # The mails leave: the e-mailed notices are recorded as delivered, with a delivery note.
    from datetime import timedelta

    from django.utils import timezone

    from lontar.core import outbox

    assert outbox.deliver_due(now=timezone.now() + timedelta(minutes=1)).sent >= 2
    PersonalFileAccess.objects.create(
        information_request=request, user=ppid_officer_a, which="identitas", ip_address=OFFICER_IP
    )
    # An objection about the request names the objector: erased with the request (issue 16).
    from lontar.objections.tests.helpers import file_objection

    objection, _ = file_objection(agency_a, request, received_at=received)
    objection.email = "pemohon@contoh.id"
    objection.save(update_fields=["email"])
    request.refresh_from_db()
    return request


def test_erasure_clears_every_personal_field_file_and_address(closed_request, client):
    request = closed_request
    before = {f.name: getattr(request, f.name) for f in personal_fields(InformationRequest)}
    unfilled = [name for name, value in before.items() if not _filled(value)]
    assert not unfilled, f"the fixture must fill every personal field: {unfilled}"
    for model, fields, rows in _related_rows(request):
        for field in fields:
            assert _kept(rows, field).exists(), (
                f"the fixture must fill {model._meta.label}.{field.name}"
            )
    personal_files = {
        value.name for value in before.values() if isinstance(value, models.fields.files.FieldFile)
    }
    assert personal_files <= _private_files()
    assert NAME in _pdf_text(request.notice_pdf)

    # Retention counts from the last event, which happened today: travel to the morning of the
    # day it ends, on the agency's own calendar (the job reads `agency.today()`).
    ends = datetime.combine(
        request.retain_personal_data_until, time(10, 0), tzinfo=request.agency.zone
    )
    with time_machine.travel(ends, tick=False):
        jobs.erase_expired_personal_data()  # the daily job of `lontar worker`

    request.refresh_from_db()
    for field in personal_fields(InformationRequest):
        value = getattr(request, field.name)
        if isinstance(field, models.FileField):
            assert value.name != before[field.name].name, field.name
            if value:  # generated again (the written notice): without the requester
                assert NAME not in _pdf_text(value) and ERASED in _pdf_text(value)
        else:
            assert value in ("", None, ERASED), f"{field.name} kept {value!r}"
    for model, fields, rows in _related_rows(request):
        for field in fields:
            assert not _kept(rows, field).exists(), f"{model._meta.label}.{field.name} kept"
    left = _private_files()
    assert not personal_files & left, "personal files are still in private storage"
    assert request.personal_data_erased_at is not None

    # The register keeps the row: number, date of the request and the outcome.
    register = client.get("/ppid/register/").content.decode()
    assert request.number in register and "2026-11-02" in register
    assert request.get_decision_display() in register
    assert NAME not in register and NIK not in register and PHONE not in register
    assert request.events.filter(kind="registered").exists()  # the timeline stays


def test_nothing_is_erased_before_the_retention_period_ends(closed_request):
    until = closed_request.retain_personal_data_until
    day_before = datetime.combine(
        until - timedelta(days=1), datetime.min.time(), tzinfo=ZoneInfo("UTC")
    )
    with time_machine.travel(day_before, tick=False):
        jobs.erase_expired_personal_data()

    closed_request.refresh_from_db()
    assert closed_request.name == NAME and closed_request.identity_scan
    assert closed_request.events.exclude(ip_address=None).exists()
