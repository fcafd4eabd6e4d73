"""Issue 18's forwarding in a real browser, each person in their own session: agency A's PPID
officer opens a request in the admin and forwards it to agency B on the platform (UU 14/2008
Pasal 22 ayat (7) huruf b); the citizen's tracking page then names the body that holds the
information and the new number; B's officer finds it in B's queue with what happened at A."""

from __future__ import annotations

import pytest

from lontar.accounts.tests.helpers import browser_sign_in
from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import staff_member
from lontar.ppid.models import InformationRequest
from lontar.ppid.states import Decision, Status
from lontar.ppid.tests.helpers import make_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-123"  # UserFactory's


def test_a_request_forwarded_to_another_agency_is_tracked_and_lands_in_its_queue(
    agency_a, agency_b, browser_page, _chromium, live_server
):
    officer_a = staff_member(agency_a, Role.PPID_OFFICER, username="ppid-a")
    officer_b = staff_member(agency_b, Role.PPID_OFFICER, username="ppid-b")
    original, code = make_request(
        agency_a, information_requested="Data jalan rusak yang ditangani dinas B"
    )

    # A's officer forwards it from the request's admin page.
    context_a = _chromium.new_context(base_url=live_server.url)
    page = context_a.new_page()
    page.set_default_timeout(15_000)
    browser_sign_in(page, officer_a.username, PASSWORD)
    page.goto("/admin/ppid/permohonan/")
    page.get_by_role("link", name=original.number).click()
    page.wait_for_url(f"**/admin/ppid/permohonan/{original.pk}/")
    form = page.locator("form[data-province-action=forward]")
    assert "Pasal 22 ayat (7) huruf b" in form.inner_text()
    form.get_by_label("Instansi di platform ini").select_option(str(agency_b.pk))
    form.get_by_label("Catatan internal").fill("Jalan itu kewenangan dinas B.")
    form.get_by_role("button", name="Teruskan").click()
    page.get_by_text("Permohonan diteruskan kepada").first.wait_for()
    context_a.close()

    original.refresh_from_db()
    copy = InformationRequest.objects.get(forwarded_from=original)
    assert original.status == Status.COMPLETED and original.decision == Decision.NOT_HELD
    assert copy.agency == agency_b and copy.status == Status.REGISTERED

    # The citizen, with the number and code A gave, learns who holds it now.
    citizen = browser_page
    citizen.goto("/ppid/lacak/")
    citizen.get_by_label("Nomor pendaftaran").fill(original.number)
    citizen.get_by_label("Kode lacak").fill(code)
    citizen.get_by_role("button", name="Lacak").click()
    citizen.wait_for_url("**/ppid/lacak/permohonan/")
    tracked = citizen.content()
    assert agency_b.name in tracked and copy.number in tracked

    # B's officer finds it in B's own queue, with A's history.
    context_b = _chromium.new_context(base_url=live_server.url)
    page = context_b.new_page()
    page.set_default_timeout(15_000)
    browser_sign_in(page, officer_b.username, PASSWORD)
    page.goto("/admin/ppid/permohonan/")
    assert page.get_by_role("link", name=original.number).count() == 0  # A's, not B's
    page.get_by_role("link", name=copy.number).click()
    page.wait_for_url(f"**/admin/ppid/permohonan/{copy.pk}/")
    history = page.locator("[data-forwarded-history]").inner_text()
    assert "Riwayat sebelum diteruskan" in history
    assert agency_a.name in history and original.number in history
    assert "Jalan itu kewenangan dinas B." in history  # the note A's officer left
    context_b.close()
