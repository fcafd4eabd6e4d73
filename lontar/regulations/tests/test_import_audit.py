"""A real regulation import leaves one audit event on the agency; a dry run or a refused file
leaves none."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from lontar.core.audit import Actor, events_for
from lontar.core.models import AuditEvent
from lontar.regulations import importer, services
from lontar.regulations.models import LegalDocument
from lontar.regulations.tests.test_admin import grant_library

pytestmark = pytest.mark.django_db

CSV = "jenis,nomor,tahun,judul\nPeraturan Gubernur,1,2020,Cuti\nKeputusan Gubernur,2,2021,Formasi\n"


def actor_of(user) -> Actor:
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.44")
    request.user = user
    return Actor.from_request(request)


def _rows(text: str = CSV):
    return importer.read_rows("pergub.csv", text.encode())


def test_a_real_import_records_one_event_with_counts_and_file(agency_a, agency_admin_a):
    report = services.import_file(
        agency_a, _rows(), file_name="pergub.csv", dry_run=False, actor=actor_of(agency_admin_a)
    )

    assert report.imported == 2
    event = events_for(agency_a).get()
    assert event.action == "import_regulations"
    assert (event.actor, event.ip_address, event.agency_id) == (
        agency_admin_a,
        "203.0.113.44",
        agency_a.pk,
    )
    assert event.changes == {"file": "pergub.csv", "rows": 2, "imported": 2}


def test_a_dry_run_and_a_refused_file_record_nothing(agency_a, agency_admin_a):
    services.import_file(
        agency_a, _rows(), file_name="a.csv", dry_run=True, actor=actor_of(agency_admin_a)
    )
    bad = "jenis,nomor,tahun,judul\nPeraturan Gubernur,1,2020,Cuti\n,2,20x1,\n"
    report = services.import_file(
        agency_a, _rows(bad), file_name="b.csv", dry_run=False, actor=actor_of(agency_admin_a)
    )

    assert not report.ok
    assert not LegalDocument.objects.exists()
    assert not AuditEvent.objects.exists()


def test_the_admin_import_is_audited_with_the_uploader(client, agency_a, agency_admin_a):
    grant_library(agency_admin_a)
    client.force_login(agency_admin_a)

    client.post(
        reverse("regulations_import"),
        {"file": SimpleUploadedFile("daftar.csv", CSV.encode()), "agency": agency_a.pk},
        REMOTE_ADDR="198.51.100.9",
    )

    event = events_for(agency_a).get()
    assert (event.actor, event.ip_address) == (agency_admin_a, "198.51.100.9")
    assert event.changes["file"] == "daftar.csv"


def test_allowed_actions(agency_a, agency_b, agency_admin_a, editor):
    grant_library(agency_admin_a)
    assert services.allowed_actions(agency_a, agency_admin_a) == ["import"]
    assert services.allowed_actions(agency_b, agency_admin_a) == []
    assert services.allowed_actions(agency_a, editor) == []
