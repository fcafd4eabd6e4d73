"""Snippet choosers and every side endpoint stay inside the user's agency and need a permission.

Each test iterates the registered `AgencyScopedSnippetViewSet`s, so a model registered later is
covered without editing this file (and fails loudly if `access_world` cannot build one).
"""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import staff_member
from lontar.core.tests.access_world import build_records, scoped_snippet_viewsets

pytestmark = pytest.mark.django_db


@pytest.fixture
def records_a(agency_a):
    return build_records(agency_a)


@pytest.fixture
def superior_b(agency_b):
    """Agency B's staff with every non-platform role: the widest permissions short of superuser."""
    return staff_member(
        agency_b,
        Role.AGENCY_ADMIN,
        Role.EDITOR,
        Role.PPID_SUPERIOR,
        username="serba-bisa-b",
    )


def _label(viewset) -> str:
    return viewset.model._meta.label_lower


def _chooser_url(viewset, name: str, *args) -> str:
    return reverse(f"{viewset.get_chooser_admin_url_namespace()}:{name}", args=args)


def test_every_scoped_model_has_a_sample_record(records_a):
    missing = [_label(v) for v in scoped_snippet_viewsets() if _label(v) not in records_a]
    assert missing == [], f"add these models to lontar/core/tests/access_world.py: {missing}"


def test_staff_of_another_agency_get_404_on_chosen(client, records_a, superior_b):
    client.force_login(superior_b)
    answers = {}
    for viewset in scoped_snippet_viewsets():
        obj = records_a[_label(viewset)]
        answers[_label(viewset)] = client.get(_chooser_url(viewset, "chosen", obj.pk)).status_code
    assert {label: code for label, code in answers.items() if code != 404} == {}


def test_chooser_listings_do_not_show_another_agency(client, agency_b, records_a, superior_b):
    records_b = build_records(agency_b)
    client.force_login(superior_b)
    leaks = []
    for viewset in scoped_snippet_viewsets():
        label = _label(viewset)
        hidden, own = str(records_a[label]), str(records_b[label])
        for name in ("choose", "choose_results"):
            response = client.get(_chooser_url(viewset, name), {"q": ""})
            body = response.content.decode()
            if response.status_code == 200 and hidden in body and hidden != own:
                leaks.append((label, name))
        multiple = client.get(
            _chooser_url(viewset, "chosen_multiple"), {"id": [records_a[label].pk]}
        )
        if hidden in multiple.content.decode() and hidden != own:
            leaks.append((label, "chosen_multiple"))
    assert leaks == []


def test_own_agency_records_are_offered_by_the_chooser(client, agency_b, agency_admin_b):
    records_b = build_records(agency_b)
    client.force_login(agency_admin_b)
    for label in ("opendata.partneragreement", "agencies.staffprofile", "ppid.ppidsettings"):
        viewset = records_b[label].snippet_viewset
        listing = client.get(_chooser_url(viewset, "choose_results"))
        chosen = client.get(_chooser_url(viewset, "chosen", records_b[label].pk))
        assert listing.status_code == 200, label
        assert str(records_b[label]) in listing.content.decode(), label
        assert chosen.status_code == 200, label


@pytest.mark.parametrize(
    "label", ["ppid.ppidsettings", "opendata.partneragreement", "agencies.staffprofile"]
)
def test_writer_without_permission_is_refused_the_chooser(client, records_a, writer, label):
    obj = records_a[label]
    viewset = obj.snippet_viewset
    client.force_login(writer)
    for name, args in (("choose", ()), ("choose_results", ()), ("chosen", (obj.pk,))):
        response = client.get(_chooser_url(viewset, name, *args))
        assert response.status_code in (302, 403), (label, name)
        assert str(obj) not in response.content.decode()
        if response.status_code == 302:
            assert _chooser_url(viewset, name, *args) not in response["Location"]


def test_every_object_endpoint_of_another_agency_answers_404(client, records_a, superior_b):
    """Edit, delete, copy, inspect, history, usage, revisions...: whatever the viewset serves."""
    client.force_login(superior_b)
    wrong = []
    for viewset in scoped_snippet_viewsets():
        obj = records_a[_label(viewset)]
        for pattern in viewset.get_urlpatterns():
            if "pk" not in pattern.pattern.converters and "<pk>" not in str(pattern.pattern):
                continue
            kwargs = {"pk": obj.pk}
            kwargs.update({name: 1 for name in pattern.pattern.converters if name != "pk"})
            try:
                url = reverse(viewset.get_url_name(pattern.name), kwargs=kwargs)
            except NoReverseMatch:
                continue
            for method in (client.get, client.post):
                code = method(url).status_code
                if code != 404:
                    wrong.append((url, method.__name__, code))
    assert wrong == []


def test_editor_files_a_program_under_a_unit_without_the_unit_chooser(client, agency_a, editor):
    """Editors hold no permission on units; the program form offers them a plain select."""
    from lontar.agencies.models import Unit

    Unit.objects.create(agency=agency_a, name="Bidang Mutasi", slug="mutasi")
    client.force_login(editor)

    response = client.get(reverse("wagtailsnippets_programs_program:add"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Bidang Mutasi" in body  # offered as a <select> option, not through a modal
    assert "/admin/snippets/choose/agencies/unit/" not in body


def test_site_history_report_is_for_platform_admins_only(
    client, agency_admin_b, platform_admin, records_a
):
    client.force_login(agency_admin_b)
    refused = client.get(reverse("wagtailadmin_reports:site_history"))
    client.force_login(platform_admin)
    allowed = client.get(reverse("wagtailadmin_reports:site_history"))

    assert refused.status_code in (302, 403)
    assert allowed.status_code == 200


def test_page_chooser_offers_only_own_agency_pages(client, agency_a, agency_b, editor_b):
    client.force_login(editor_b)

    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Profil"})
    browse = client.get(reverse("wagtailadmin_choose_page"))

    assert search.status_code == 200
    assert f"Profil {agency_b.short_name}" in search.content.decode()
    for response in (search, browse):
        assert f"Profil {agency_a.short_name}" not in response.content.decode()
        assert f"Beranda {agency_a.short_name}" not in response.content.decode()


def test_admin_api_hides_another_agency_documents_and_images(client, records_a, editor_b):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    document = records_a["programs.planningdocument"].document
    image = get_image_model().objects.create(
        title="Foto internal A",
        file=get_test_image_file(),
        collection=records_a["agencies.agency"].collection,
    )
    client.force_login(editor_b)

    doc_detail = client.get(reverse("wagtailadmin_api:documents:detail", args=[document.pk]))
    image_detail = client.get(reverse("wagtailadmin_api:images:detail", args=[image.pk]))
    listings = [
        client.get(reverse("wagtailadmin_api:documents:listing")).content.decode(),
        client.get(reverse("wagtailadmin_api:images:listing")).content.decode(),
    ]

    assert (doc_detail.status_code, image_detail.status_code) == (404, 404)
    assert all(document.title not in body and "Foto internal A" not in body for body in listings)


def test_every_page_action_on_another_agency_page_answers_404(client, agency_a, editor_b):
    from wagtail.admin.urls import pages

    page = agency_a.site.root_page.get_children().get(slug="profil")
    samples = {
        "revision_id": page.latest_revision_id,
        "task_state_id": 1,
        "task_id": 1,
        "workflow_state_id": 1,
        "action_name": "approve",
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "content_type_app_name": "pages",
        "content_type_model_name": "standardpage",
    }
    client.force_login(editor_b)
    wrong = []
    for pattern in pages.urlpatterns:
        names = pattern.pattern.regex.groupindex
        page_args = [
            name for name in names if name in ("page_id", "parent_page_id", "page_to_move_id", "pk")
        ]
        if not page_args:
            continue
        kwargs = {name: samples.get(name, page.pk) for name in names}
        url = reverse(f"wagtailadmin_pages:{pattern.name}", kwargs=kwargs)
        code = client.get(url).status_code
        if code != 404:
            wrong.append((url, code))
    assert wrong == []
