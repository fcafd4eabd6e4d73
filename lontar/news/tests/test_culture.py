"""The writing-culture dashboard: per unit and ASN, waiting drafts, review time, quiet staff."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import WorkflowState

from lontar.agencies.tests.factories import UnitFactory
from lontar.news import culture
from lontar.news.culture import period_start
from lontar.news.tests.helpers import article, news_index

pytestmark = pytest.mark.django_db


def test_period_starts():
    from datetime import date

    today = date(2026, 8, 20)
    assert period_start("bulan", today) == date(2026, 8, 1)
    assert period_start("triwulan", today) == date(2026, 7, 1)
    assert period_start("tahun", today) == date(2026, 1, 1)


@pytest.fixture
def newsroom(agency_a, writer, editor):
    unit_w, unit_e, quiet = (
        UnitFactory(agency=agency_a, name=n) for n in ("Bidang Mutasi", "Sekretariat", "UPT Sepi")
    )
    writer.staff_profile.unit = unit_w
    writer.staff_profile.save()
    editor.staff_profile.unit = unit_e
    editor.staff_profile.save()
    index = news_index(agency_a)
    article(index, "Satu", author=writer.staff_profile)
    article(index, "Dua", author=writer.staff_profile)
    draft = article(index, "Menunggu", author=editor.staff_profile, publish=False)
    workflow = draft.get_workflow()
    workflow.start(draft, writer)
    WorkflowState.objects.filter(object_id=str(draft.pk)).update(
        created_at=timezone.now() - timedelta(days=3)
    )
    return index


def test_culture_counts_per_unit_and_author_and_lists_waiting_and_quiet(
    agency_a, newsroom, writer, editor
):
    report = culture.culture_of(agency_a, "tahun")
    assert report.per_unit == [("Bidang Mutasi", 2)]
    assert report.per_author == [(writer.get_full_name(), "Bidang Mutasi", 2)]
    assert [(w.title, w.days) for w in report.waiting] == [("Menunggu", 3)]
    assert "UPT Sepi" in report.quiet_units and "Sekretariat" in report.quiet_units
    assert "Bidang Mutasi" not in report.quiet_units
    assert editor.get_full_name() in report.quiet_staff
    assert writer.get_full_name() not in report.quiet_staff


def test_median_days_from_submission_to_publication(agency_a, writer, editor):
    index = news_index(agency_a)
    page = article(index, "Ditelaah", author=writer.staff_profile, publish=False)
    state = page.get_workflow().start(page, writer)
    WorkflowState.objects.filter(pk=state.pk).update(created_at=timezone.now() - timedelta(days=2))
    state.refresh_from_db()
    state.current_task_state.approve(user=editor)
    report = culture.culture_of(agency_a, "tahun")
    assert report.median_days_to_publish == 2.0


def test_dashboard_page_and_csv_show_only_the_users_agency(
    client, agency_a, agency_b, newsroom, editor, editor_b
):
    client.force_login(editor)
    response = client.get("/admin/berita/budaya-menulis/?periode=tahun")
    assert response.status_code == 200
    assert "Bidang Mutasi" in response.content.decode()
    response = client.get("/admin/berita/budaya-menulis/?periode=tahun&format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["bagian", "nama", "unit", "nilai"]
    assert ["terbit per unit", "Bidang Mutasi", "Bidang Mutasi", "2"] in rows

    client.force_login(editor_b)
    other = client.get(f"/admin/berita/budaya-menulis/?periode=tahun&instansi={agency_a.pk}")
    assert "Bidang Mutasi" not in other.content.decode()
