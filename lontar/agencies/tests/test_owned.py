"""The agency-owned bases keep each record inside its agency and its schema as it was."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import IntegrityError, models, transaction
from django.urls import reverse

from lontar.agencies.admin_scoping import agency_path_of, scope_queryset
from lontar.agencies.forms import AgencyScopedAdminForm
from lontar.agencies.owned import AgencyOwned, AgencySlugged
from lontar.news.models import NewsCategory
from lontar.news.tests.helpers import category

# The reverse accessors and on_delete the records had before the bases: the database and every
# `agency.<name>` in the code depend on them.
OWNED = {
    "news.NewsCategory": ("news_categories", models.CASCADE),
    "survey.SurveyUnit": ("survey_units", models.CASCADE),
    "survey.SurveyPeriod": ("survey_periods", models.CASCADE),
    "programs.Program": ("programs", models.CASCADE),
    "programs.Event": ("events", models.CASCADE),
    "programs.PlanningDocument": ("planning_documents", models.CASCADE),
    "regulations.Subject": ("regulation_subjects", models.CASCADE),
    "regulations.LegalDocument": ("legal_documents", models.PROTECT),
    "podcast.Show": ("podcast_shows", models.CASCADE),
    "qna.Question": ("questions", models.CASCADE),
    "infolist.InfoItem": ("info_items", models.CASCADE),
    "infolist.ExemptInfo": ("exempt_infos", models.CASCADE),
    "infolist.SourceConfirmation": ("dip_confirmations", models.CASCADE),
    "infolist.UrgentNotice": ("urgent_notices", models.CASCADE),
    "infolist.ServiceStandard": ("service_standards", models.CASCADE),
    "annualreport.AnnualReport": ("annual_reports", models.CASCADE),
    "newsroom.Prompt": ("writing_prompts", models.CASCADE),
    "newsroom.ArticleTemplate": ("article_templates", models.CASCADE),
}
LIST = "wagtailsnippets_news_newscategory"


def test_every_agency_owned_record_keeps_its_key_and_scope():
    owned = {m._meta.label: m for m in apps.get_models() if issubclass(m, AgencyOwned)}
    assert set(owned) == set(OWNED)
    for label, (related_name, on_delete) in OWNED.items():
        field = owned[label]._meta.get_field("agency")
        assert field.related_model._meta.label == "agencies.Agency", label
        assert field.remote_field.related_name == related_name, label
        assert field.remote_field.on_delete is on_delete, label
        assert str(field.verbose_name) == "instansi", label
        assert agency_path_of(owned[label]) == "agency", label
        assert issubclass(owned[label].base_form_class, AgencyScopedAdminForm), label


def test_slugged_records_keep_their_order_and_constraint_names():
    from lontar.survey.models import SurveyUnit

    for model, name in [
        (NewsCategory, "news_category_slug_unique_in_agency"),
        (SurveyUnit, "survey_unit_slug_unique_in_agency"),
    ]:
        assert issubclass(model, AgencySlugged)
        assert model._meta.ordering == ["agency", "sort_order", "name"]
        assert [c.name for c in model._meta.constraints] == [name]


@pytest.mark.django_db
def test_a_slug_is_unique_within_an_agency_only(agency_a, agency_b):
    category(agency_a, "Umum", "umum")
    category(agency_b, "Umum", "umum")  # another agency may use the same address

    with pytest.raises(IntegrityError), transaction.atomic():
        NewsCategory.objects.create(agency=agency_a, name="Umum lagi", slug="umum")


@pytest.mark.django_db
def test_scope_queryset_keeps_an_owned_record_inside_its_agency(agency_a, agency_b, editor_b):
    category(agency_a, "Kepegawaian")
    own = category(agency_b, "Pengumuman")

    visible = scope_queryset(NewsCategory.objects.all(), editor_b, agency_path_of(NewsCategory))

    assert list(visible) == [own]


@pytest.mark.django_db
def test_an_editor_lists_and_opens_only_own_agency_categories(client, agency_a, agency_b, editor_b):
    other = category(agency_a, "Kepegawaian")
    category(agency_b, "Pengumuman")
    client.force_login(editor_b)

    listing = client.get(reverse(f"{LIST}:list")).content.decode()
    edit = client.get(reverse(f"{LIST}:edit", args=[other.pk]))

    assert "Pengumuman" in listing
    assert "Kepegawaian" not in listing
    assert edit.status_code == 404
