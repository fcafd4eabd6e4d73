"""Writers draft and submit, editors of the same agency approve: the agency's workflow."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from lontar.news.models import NewsArticlePage
from lontar.news.tests.helpers import category, news_index

pytestmark = pytest.mark.django_db


def _article_form(title="Tulisan penulis", **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": "tulisan-penulis",
            "lead": "Ringkasan tulisan.",
            "date": "2026-03-02",
            "body": streamfield([("paragraph", rich_text("<p>Isi tulisan tentang layanan.</p>"))]),
            "tags": "layanan, asn",
            "source": "Bidang Uji",
            **extra,
        }
    )


def _submit_as(client, user, index, **extra):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", index.pk))
    data = _article_form(**extra)
    data["action-submit"] = "Kirim untuk ditelaah"
    return client.post(url, data)


def test_writer_submits_and_cannot_publish_editor_approves(client, agency_a, writer, editor):
    editor.email = "editor@example.invalid"
    editor.save()
    index = news_index(agency_a)
    cat = category(agency_a, "Umum")

    response = _submit_as(client, writer, index, category=cat.pk)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsArticlePage.objects.get(slug="tulisan-penulis")
    assert not page.live
    assert page.author == writer.staff_profile  # the default: the writer's own profile
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == f"Moderasi {agency_a.short_name}"
    assert any("editor@example.invalid" in m.to for m in mail.outbox)
    assert not any(writer.email in m.to for m in mail.outbox)

    # The writer's attempt to publish is not honoured.
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = _article_form(title="Tulisan penulis (revisi)")
    data["action-publish"] = "Terbitkan"
    client.post(edit, data)
    page.refresh_from_db()
    assert not page.live

    mail.outbox.clear()
    client.force_login(editor)
    task_state = WorkflowState.objects.get(pk=state.pk).current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
    )
    response = client.post(approve, {"comment": "Bagus, terbitkan."})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert any(writer.email in m.to for m in mail.outbox)  # the writer hears it was approved


def test_editor_of_another_agency_cannot_approve(client, agency_a, agency_b, writer, editor_b):
    index = news_index(agency_a)
    _submit_as(client, writer, index)
    page = NewsArticlePage.objects.get(slug="tulisan-penulis")
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    client.force_login(editor_b)
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
    )
    response = client.post(approve, {"comment": ""})
    # Another agency's page does not exist for this editor (issue 12: 404, not 403).
    assert response.status_code == 404
    page.refresh_from_db()
    assert not page.live


def test_writer_cannot_add_articles_to_another_agency(client, agency_a, agency_b, writer):
    index_b = news_index(agency_b)
    response = _submit_as(client, writer, index_b)
    assert response.status_code == 404
    assert not NewsArticlePage.objects.filter(slug="tulisan-penulis").exists()


def test_editor_can_request_changes_and_the_writer_is_told(client, agency_a, writer, editor):
    index = news_index(agency_a)
    _submit_as(client, writer, index)
    page = NewsArticlePage.objects.get(slug="tulisan-penulis")
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    mail.outbox.clear()
    client.force_login(editor)
    reject = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    client.post(reject, {"comment": "Tambahkan jadwal layanan."})
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert any(writer.email in m.to for m in mail.outbox)
    page.refresh_from_db()
    assert not page.live


def test_writer_previews_a_new_article_and_an_edited_one(client, agency_a, writer):
    index = news_index(agency_a)
    client.force_login(writer)
    url = reverse("wagtailadmin_pages:preview_on_add", args=("news", "newsarticlepage", index.pk))
    assert client.post(url, _article_form()).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    assert "Tulisan penulis" in response.content.decode()

    _submit_as(client, writer, index)
    page = NewsArticlePage.objects.get(slug="tulisan-penulis")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    assert client.post(url, _article_form(title="Judul baru")).json()["is_valid"]
    assert "Judul baru" in client.get(url).content.decode()


def test_scheduled_article_goes_live_through_the_worker_job(agency_a, editor, time_machine):
    from datetime import timedelta

    from django.utils import timezone

    from lontar.core.jobs import publish_scheduled_pages
    from lontar.news.tests.helpers import article

    page = article(news_index(agency_a), "Terjadwal", publish=False)
    page.go_live_at = timezone.now() + timedelta(hours=2)
    page.save_revision(user=editor).publish(user=editor)
    page.refresh_from_db()
    assert not page.live

    time_machine.move_to(timezone.now() + timedelta(hours=3))
    publish_scheduled_pages()
    page.refresh_from_db()
    assert page.live
