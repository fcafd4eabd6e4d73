"""A staff member of agency B can neither see nor edit agency A's pages or records."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page

from lontar.agencies.models import Unit
from lontar.agencies.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

EMPTY_RICH_TEXT = '{"blocks": [], "entityMap": {}}'


def _profile_page(agency) -> Page:
    return agency.site.root_page.get_children().get(slug="profil")


def test_editor_of_b_is_refused_agency_a_page_editor(client, agency_a, editor_b):
    client.force_login(editor_b)
    page = _profile_page(agency_a)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == 404  # another agency's page is not confirmed to exist


def test_editor_of_b_cannot_publish_a_change_to_agency_a_page(client, agency_a, editor_b):
    client.force_login(editor_b)
    page = _profile_page(agency_a)

    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "Diubah oleh instansi lain", "slug": "profil", "action-publish": "1"},
    )

    page.refresh_from_db()
    assert page.title != "Diubah oleh instansi lain"


def test_editor_of_b_can_edit_own_agency_page(client, agency_b, editor_b):
    client.force_login(editor_b)
    page = _profile_page(agency_b)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == 200


def test_explorer_of_b_does_not_list_agency_a_pages(client, agency_a, agency_b, editor_b):
    client.force_login(editor_b)

    response = client.get(
        reverse("wagtailadmin_explore", args=[agency_a.site.root_page.pk]), follow=True
    )

    assert f"Profil {agency_a.short_name}" not in response.content.decode()


def test_writer_can_draft_but_not_publish(client, agency_a, writer):
    client.force_login(writer)
    home = agency_a.site.root_page

    response = client.post(
        reverse("wagtailadmin_pages:add", args=["pages", "standardpage", home.pk]),
        {
            "title": "Draf penulis",
            "slug": "draf-penulis",
            "lead": "",
            "body-count": "0",
            "action-publish": "1",
        },
    )

    page = home.get_children().get(slug="draf-penulis")
    assert response.status_code in (200, 302)
    assert not page.live


def test_unit_list_shows_only_own_agency_units(client, agency_a, agency_b, agency_admin_b):
    UnitFactory(agency=agency_a, name="Bidang Rahasia A")
    UnitFactory(agency=agency_b, name="Bidang Milik B")
    client.force_login(agency_admin_b)

    response = client.get(reverse("wagtailsnippets_agencies_unit:list"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Bidang Milik B" in body
    assert "Bidang Rahasia A" not in body


def test_agency_admin_of_b_is_refused_agency_a_unit(client, agency_a, agency_admin_b):
    unit = UnitFactory(agency=agency_a, name="Bidang Rahasia A")
    client.force_login(agency_admin_b)

    edit = client.get(reverse("wagtailsnippets_agencies_unit:edit", args=[unit.pk]))
    post = client.post(
        reverse("wagtailsnippets_agencies_unit:edit", args=[unit.pk]),
        {
            "agency": unit.agency_id,
            "name": "Dibajak",
            "slug": unit.slug,
            "kind": "bidang",
            "sort_order": 0,
            "duties": EMPTY_RICH_TEXT,
        },
    )

    # Another agency's record is not confirmed to exist.
    assert edit.status_code == 404
    assert post.status_code == 404
    unit.refresh_from_db()
    assert unit.name == "Bidang Rahasia A"


def test_agency_admin_cannot_move_a_unit_to_another_agency(
    client, agency_a, agency_b, agency_admin_b
):
    unit = UnitFactory(agency=agency_b, name="Bidang B")
    client.force_login(agency_admin_b)

    response = client.post(
        reverse("wagtailsnippets_agencies_unit:edit", args=[unit.pk]),
        {
            "agency": agency_a.pk,
            "name": "Bidang B",
            "slug": unit.slug,
            "kind": "bidang",
            "sort_order": 0,
            "duties": EMPTY_RICH_TEXT,
        },
    )

    assert response.status_code == 200  # the form is shown again with the error
    assert Unit.objects.get(pk=unit.pk).agency == agency_b


def test_agency_admin_edits_own_agency_profile_but_not_another(
    client, agency_a, agency_b, agency_admin_b
):
    client.force_login(agency_admin_b)

    own = client.get(reverse("wagtailsnippets_agencies_agency:edit", args=[agency_b.pk]))
    other = client.get(reverse("wagtailsnippets_agencies_agency:edit", args=[agency_a.pk]))

    assert own.status_code == 200
    assert other.status_code == 404


def test_images_of_agency_a_are_not_offered_to_agency_b(client, agency_a, editor_b):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    get_image_model().objects.create(
        title="Foto internal A", file=get_test_image_file(), collection=agency_a.collection
    )
    client.force_login(editor_b)

    response = client.get(reverse("wagtailimages:index"))

    assert "Foto internal A" not in response.content.decode()


def test_platform_admin_sees_every_agency(client, agency_a, agency_b, platform_admin):
    client.force_login(platform_admin)

    response = client.get(reverse("wagtailsnippets_agencies_agency:list"))

    body = response.content.decode()
    assert agency_a.name in body and agency_b.name in body


def test_history_and_usage_of_own_unit_open(client, agency_b, agency_admin_b):
    unit = UnitFactory(agency=agency_b)
    client.force_login(agency_admin_b)

    history = client.get(reverse("wagtailsnippets_agencies_unit:history", args=[unit.pk]))
    usage = client.get(reverse("wagtailsnippets_agencies_unit:usage", args=[unit.pk]))

    assert (history.status_code, usage.status_code) == (200, 200)


def test_copying_another_agency_unit_is_refused(client, agency_a, agency_admin_b):
    unit = UnitFactory(agency=agency_a, name="Bidang Rahasia A")
    client.force_login(agency_admin_b)

    response = client.get(reverse("wagtailsnippets_agencies_unit:copy", args=[unit.pk]))

    assert response.status_code == 404
    assert "Bidang Rahasia A" not in response.content.decode()


def test_bulk_delete_of_another_agency_unit_is_refused(client, agency_a, agency_admin_b):
    unit = UnitFactory(agency=agency_a)
    client.force_login(agency_admin_b)

    client.post(f"/admin/bulk/agencies/unit/delete/?id={unit.pk}")
    client.post("/admin/bulk/agencies/unit/delete/?id=all")

    assert Unit.objects.filter(pk=unit.pk).exists()


def test_agency_admin_cannot_delete_the_site_home_page(client, agency_b, agency_admin_b):
    home = agency_b.site.root_page
    client.force_login(agency_admin_b)

    client.post(reverse("wagtailadmin_pages:delete", args=[home.pk]))

    assert Page.objects.filter(pk=home.pk).exists()


def test_writer_submission_waits_for_own_agency_editor(agency_a, writer, editor, editor_b):
    from wagtail.models import Task

    from lontar.pages.models import StandardPage

    home = agency_a.site.root_page
    page = StandardPage(title="Draf untuk ditelaah", slug="draf-telaah", live=False)
    home.add_child(instance=page)
    page.save_revision(user=writer)
    page.get_workflow().start(page, writer)

    state = page.current_workflow_state
    task = Task.objects.get(pk=state.current_task_state.task_id).specific
    assert task.user_can_access_editor(page, editor)
    assert not task.user_can_access_editor(page, editor_b)
