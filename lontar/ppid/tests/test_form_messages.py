"""A malformed e-mail gets one message, not also "phone or e-mail" (issue 17)."""

import pytest

from lontar.ppid.tests.helpers import form_data

pytestmark = pytest.mark.django_db


def test_malformed_email_is_not_also_reported_as_missing_contact(client, agency_a):
    data = form_data(phone="", email="bukan-surel")
    body = client.post("/ppid/permohonan/baru/", data).content.decode()
    assert "Isi nomor telepon atau surel" not in body
    assert "surel" in body.lower() and "error-message" in body


def test_no_contact_at_all_is_still_refused(client, agency_a):
    body = client.post("/ppid/permohonan/baru/", form_data(phone="", email="")).content.decode()
    assert "Isi nomor telepon atau surel" in body
