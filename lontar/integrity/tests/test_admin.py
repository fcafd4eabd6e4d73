"""The findings report: platform admins see every finding, agency admins their agency's only."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from lontar.integrity.models import Finding
from lontar.integrity.services import FINDINGS_URL_NAME

pytestmark = pytest.mark.django_db


def finding(agency, label: str, **fields) -> Finding:
    return Finding.objects.create(
        agency=agency,
        kind=Finding.Kind.KEYWORD,
        object_type="wagtailcore.page",
        object_id="1",
        object_repr=label,
        snippet="slot gacor",
        fingerprint=label,
        last_seen_at=timezone.now(),
        **fields,
    )


@pytest.fixture
def findings(agency_a, agency_b):
    finding(agency_a, "temuan-a")
    finding(agency_b, "temuan-b")
    finding(None, "temuan-platform")
    finding(agency_a, "temuan-lama", resolved_at=timezone.now())


def test_platform_admin_sees_every_open_finding(client, platform_admin, findings):
    client.force_login(platform_admin)
    body = client.get(reverse(FINDINGS_URL_NAME)).content.decode()
    assert "temuan-a" in body and "temuan-b" in body and "temuan-platform" in body
    assert "temuan-lama" not in body
    resolved = client.get(reverse(FINDINGS_URL_NAME), {"status": "selesai"}).content.decode()
    assert "temuan-lama" in resolved and "temuan-a" not in resolved


def test_agency_admin_sees_own_agency_only(client, agency_admin_a, findings):
    client.force_login(agency_admin_a)
    body = client.get(reverse(FINDINGS_URL_NAME)).content.decode()
    assert "temuan-a" in body
    assert "temuan-b" not in body and "temuan-platform" not in body


def test_editors_may_not_open_the_report_and_junk_parameters_are_refused(
    client, editor, platform_admin, findings
):
    client.force_login(editor)
    assert client.get(reverse(FINDINGS_URL_NAME)).status_code in (302, 403)
    client.force_login(platform_admin)
    assert client.get(reverse(FINDINGS_URL_NAME), {"jenis": "x"}).status_code == 400
