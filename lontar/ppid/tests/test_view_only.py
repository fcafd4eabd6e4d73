"""Seeing the information needs no delivery (issue 21 §4): the delivery question is asked only
of a requester who wants a copy, on the public form and at the officer's intake. The server
accepts it empty for viewing and drops whatever was picked; the page presents it as a question
for copies, and CSS (no script) hides it once "melihat" is chosen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

from lontar.ppid.models import InformationRequest
from lontar.ppid.tests.helpers import form_data
from lontar.ppid.tests.test_admin import _intake_data

pytestmark = pytest.mark.django_db

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "lontar.css"


@pytest.mark.parametrize(
    ("obtain", "delivery", "accepted", "stored"),
    [
        ("melihat", "", True, ""),  # viewing: no question to answer
        ("melihat", "pos", True, ""),  # a stray choice is not kept
        ("salinan_cetak", "pos", True, "pos"),
        ("salinan_elektronik", "", False, None),  # a copy must say how it is delivered
    ],
)
def test_the_public_form_asks_how_to_deliver_only_for_copies(
    client, agency_a, obtain, delivery, accepted, stored
):
    response = client.post(
        "/ppid/permohonan/baru/", form_data(obtain_method=obtain, delivery_method=delivery)
    )
    if accepted:
        assert response.status_code == 302
        assert InformationRequest.objects.get().delivery_method == stored
    else:
        assert "delivery_method" in response.context["form"].errors
        assert not InformationRequest.objects.exists()


@pytest.mark.parametrize(
    ("obtain", "delivery", "accepted", "stored"),
    [
        ("melihat", "", True, ""),
        ("melihat", "ambil", True, ""),
        ("salinan_cetak", "ambil", True, "ambil"),
        ("salinan_cetak", "", False, None),
        ("", "", False, None),  # the officer must say what the requester asked for
    ],
)
def test_the_intake_asks_how_to_deliver_only_for_copies(
    client, agency_a, ppid_officer_a, obtain, delivery, accepted, stored
):
    client.force_login(ppid_officer_a)
    response = client.post(
        reverse("ppid_admin_intake"), _intake_data(obtain_method=obtain, delivery_method=delivery)
    )
    if accepted:
        assert response.status_code == 302
        assert InformationRequest.objects.get().delivery_method == stored
    else:
        assert response.status_code == 400
        assert not InformationRequest.objects.exists()


def test_the_question_is_presented_as_one_for_copies_only(client, agency_a, ppid_officer_a):
    page = client.get("/ppid/permohonan/baru/").content.decode()
    block = re.search(r'<div class="copies-only" data-copies-only>(.*?)</div>\s*</div>', page, re.S)
    assert block and 'name="delivery_method"' in block.group(1)
    assert "hanya bila meminta salinan" in block.group(1)
    assert "Lewati pertanyaan ini bila Anda hanya ingin melihat" in block.group(1)
    assert "(wajib)" not in block.group(1)
    # No script needed: the stylesheet hides it while "melihat" is chosen.
    css = CSS.read_text()
    assert 'form:has(input[name="obtain_method"][value="melihat"]:checked) .copies-only' in css

    client.force_login(ppid_officer_a)
    intake = client.get(reverse("ppid_admin_intake")).content.decode()
    wrapped = intake.split("data-copies-only>", 1)[1].split("</div>", 1)[0]
    assert "hanya bila meminta salinan" in intake and 'name="delivery_method"' in intake
    assert 'name="delivery_method"' in intake.split("data-copies-only>", 1)[1]
    assert wrapped  # the field sits inside the copies-only wrapper
