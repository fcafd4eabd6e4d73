"""Staff use Wagtail's admin in Indonesian: no English left in the editor's moderation path.

Wagtail's own Indonesian catalogue leaves most admin messages untranslated; the project
catalogue (lontar/locale/id) fills the gaps. English-speaking staff still get English.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from lontar.news.models import NewsArticlePage
from lontar.news.tests.helpers import news_index
from lontar.news.tests.test_workflow import _submit_as

pytestmark = pytest.mark.django_db

ENGLISH_LABELS = ("Request changes", "Approve with comment", "Save draft", "Publish")
INDONESIAN_LABELS = ("Minta perubahan", "Setujui dengan komentar", "Simpan draf", "Terbitkan")


def _button_labels(html: str) -> set[str]:
    """The visible text of every button and menu item of the page editor's action menu."""
    labels = re.findall(r"<button[^>]*>(.*?)</button>", html, flags=re.S)
    labels += re.findall(r'<a[^>]*class="[^"]*button[^"]*"[^>]*>(.*?)</a>', html, flags=re.S)
    return {" ".join(re.sub(r"<[^>]+>", " ", label).split()) for label in labels}


@pytest.fixture
def submitted_page(client, agency_a, writer, editor):
    editor.email = "editor@example.invalid"
    editor.save()
    mail.outbox.clear()
    response = _submit_as(client, writer, news_index(agency_a))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsArticlePage.objects.get(slug="tulisan-penulis")
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "in_progress"
    return page


def test_editor_action_menu_is_indonesian(client, editor, submitted_page):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(submitted_page.pk,)))
    assert response.status_code == 200
    labels = _button_labels(response.content.decode())
    assert "Minta perubahan" in labels, sorted(labels)
    assert "Setujui dengan komentar dan Terbitkan" in labels, sorted(labels)
    assert "Ubah privasi" in labels, sorted(labels)
    english = {label for label in labels if any(e in label for e in ENGLISH_LABELS)}
    assert not english, english


def test_writer_sees_indonesian_draft_and_publish_labels(client, agency_a, editor):
    client.force_login(editor)
    index = news_index(agency_a)
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", index.pk))
    labels = _button_labels(client.get(url).content.decode())
    assert "Simpan draf" in labels, sorted(labels)
    assert "Terbitkan" in labels, sorted(labels)
    english = {label for label in labels if any(e in label for e in ENGLISH_LABELS)}
    assert not english, english


def test_moderation_notification_mail_is_indonesian(submitted_page):
    to_editor = [m for m in mail.outbox if "editor@example.invalid" in m.to]
    assert to_editor
    message = to_editor[-1]
    text = re.sub(r"https?://\S+", "", f"{message.subject}\n{message.body}")
    assert "telah diajukan untuk disetujui" in text, text
    assert "tahap moderasi" in text, text
    for english in ("has been submitted", "moderation stage", "You can preview", "You can edit"):
        assert english not in text, text


def test_english_speaking_staff_keep_an_english_admin(client, editor, submitted_page):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(submitted_page.pk,)))
    labels = _button_labels(response.content.decode())
    assert "Request changes" in labels, sorted(labels)
    assert "Approve with comment and Publish" in labels, sorted(labels)
    assert "Minta perubahan" not in labels
