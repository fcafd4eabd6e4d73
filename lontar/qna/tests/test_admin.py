import re

import pytest
from django.core import mail

from lontar.agencies.tests.factories import UnitFactory
from lontar.core.audit import events_for
from lontar.qna import services
from lontar.qna.models import Status
from lontar.qna.redaction import MASK
from lontar.qna.tests.helpers import grant_question_desk, make_question


def test_staff_assign_answer_redact_and_publish(
    client, agency_a, agency_admin_a, django_capture_on_commit_callbacks
):
    grant_question_desk(agency_admin_a)
    client.force_login(agency_admin_a)
    unit = UnitFactory(agency=agency_a, name="Bidang Kepegawaian")
    question = make_question(
        agency_a,
        asker_name="Siti Rahmawati",
        text="Saya Siti, HP 0812-3456-7890, NIP 199001012015031001. Kapan naik pangkat?",
    )
    assert "Kapan naik pangkat" in client.get("/admin/tanya-jawab/").content.decode()
    client.post(f"/admin/tanya-jawab/{question.pk}/disposisi/", {"unit": unit.pk})
    question.refresh_from_db()
    assert question.status == Status.ASSIGNED and question.assigned_unit == unit
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/tanya-jawab/{question.pk}/jawab/",
            {"text": "Bu Siti, kenaikan pangkat April.", "unit": unit.pk},
        )
    assert response["Location"].endswith(f"/admin/tanya-jawab/{question.pk}/terbitkan/")
    assert len(mail.outbox) == 1 and question.tracking_token in mail.outbox[0].body
    screen = client.get(response["Location"]).content.decode()
    assert "0812-3456-7890" in screen and "Nomor telepon" in screen and "NIP" in screen
    # Question hits: name "Siti"(0), phone(1), NIP(2); leave the NIP unchecked.
    client.post(response["Location"], {"q_hit": ["0", "1"], "a_hit": ["0"]})
    question.refresh_from_db()
    assert question.status == Status.PUBLISHED
    assert question.public_question == (
        f"Saya {MASK}, HP {MASK}, NIP 199001012015031001. Kapan naik pangkat?"
    )
    assert question.public_answer == f"Bu {MASK}, kenaikan pangkat April."
    assert "0812-3456-7890" not in client.get(question.get_absolute_url()).content.decode()


def test_staff_of_another_agency_cannot_open_the_question(client, agency_a, agency_admin_b):
    grant_question_desk(agency_admin_b)
    client.force_login(agency_admin_b)
    question = make_question(agency_a)
    assert client.get(f"/admin/tanya-jawab/{question.pk}/").status_code == 404
    assert "cuti besar" not in client.get("/admin/tanya-jawab/").content.decode()


def test_staff_without_the_permission_are_refused(client, agency_a, writer):
    client.force_login(writer)  # writers draft news; answering the public is the editors' job
    question = make_question(agency_a)
    assert client.get(f"/admin/tanya-jawab/{question.pk}/").status_code in (302, 403)


def _buttons(html: str) -> list[str]:
    return re.findall(r'data-qna-action="([a-z]+)"', html)


@pytest.mark.parametrize("status", Status.values)
def test_the_buttons_shown_are_the_allowed_actions(client, agency_a, editor, status):
    client.force_login(editor)
    question = make_question(agency_a, status=status, answer_text="Jawaban.")
    html = client.get(f"/admin/tanya-jawab/{question.pk}/").content.decode()
    assert _buttons(html) == services.allowed_actions(question, editor)


def test_a_new_question_without_an_answer_offers_no_publishing(client, agency_a, editor):
    client.force_login(editor)
    question = make_question(agency_a)
    html = client.get(f"/admin/tanya-jawab/{question.pk}/").content.decode()
    assert _buttons(html) == ["assign", "answer", "decline"]
    response = client.get(f"/admin/tanya-jawab/{question.pk}/terbitkan/")
    assert response.status_code == 302  # nothing to publish yet


def test_publishing_through_the_desk_leaves_an_audit_event_on_the_page(client, agency_a, editor):
    client.force_login(editor)
    question = make_question(agency_a, status=Status.ANSWERED, answer_text="April.")
    response = client.post(
        f"/admin/tanya-jawab/{question.pk}/terbitkan/", {}, REMOTE_ADDR="198.51.100.4"
    )
    assert response.status_code == 302
    event = events_for(question).get()
    assert (event.action, event.actor, event.ip_address) == ("qna.publish", editor, "198.51.100.4")
    assert (event.from_state, event.to_state) == (Status.ANSWERED, Status.PUBLISHED)
    html = client.get(f"/admin/tanya-jawab/{question.pk}/").content.decode()
    history = html[html.index("data-qna-history") :]
    who = editor.get_full_name() or editor.get_username()
    assert "Diterbitkan" in history and who in history
    assert "198.51.100.4" not in html


def test_a_refused_action_changes_nothing_and_says_why(client, agency_a, editor):
    client.force_login(editor)
    question = make_question(agency_a, status=Status.DECLINED)
    response = client.post(
        f"/admin/tanya-jawab/{question.pk}/tarik/", {"action": "unpublish"}, follow=True
    )
    assert "sedang terbit" in response.content.decode()
    question.refresh_from_db()
    assert question.status == Status.DECLINED and not events_for(question).exists()
    assert client.post(f"/admin/tanya-jawab/{question.pk}/tarik/").status_code == 400


def test_unpublish_and_decline_each_have_their_button(client, agency_a, editor):
    client.force_login(editor)
    published = make_question(agency_a, status=Status.PUBLISHED, answer_text="April.")
    client.post(f"/admin/tanya-jawab/{published.pk}/tarik/", {"action": "unpublish"})
    published.refresh_from_db()
    assert published.status == Status.ANSWERED
    client.post(f"/admin/tanya-jawab/{published.pk}/tarik/", {"action": "decline"})
    published.refresh_from_db()
    assert published.status == Status.DECLINED
    assert [e.action for e in events_for(published)] == ["qna.unpublish", "qna.decline"]


ADMIN_URLS = [
    ("get", "/admin/tanya-jawab/{pk}/"),
    ("get", "/admin/tanya-jawab/{pk}/terbitkan/"),
    ("post", "/admin/tanya-jawab/{pk}/terbitkan/"),
    ("post", "/admin/tanya-jawab/{pk}/disposisi/"),
    ("post", "/admin/tanya-jawab/{pk}/jawab/"),
    ("post", "/admin/tanya-jawab/{pk}/tarik/"),
]


@pytest.mark.parametrize(("method", "url"), ADMIN_URLS)
def test_another_agencys_question_is_not_found_on_every_desk_url(
    client, agency_a, agency_b, editor_b, method, url
):
    client.force_login(editor_b)
    question = make_question(agency_a, status=Status.ANSWERED, answer_text="April.")
    unit = UnitFactory(agency=agency_b)
    data = {"unit": unit.pk, "text": "Jawaban lain.", "action": "decline"}
    response = getattr(client, method)(url.format(pk=question.pk), data)
    assert response.status_code == 404
    question.refresh_from_db()
    assert question.status == Status.ANSWERED and not events_for(question).exists()
