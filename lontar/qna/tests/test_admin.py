from django.core import mail

from lontar.agencies.tests.factories import UnitFactory
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
        agency_a, asker_name="Siti Rahmawati",
        text="Saya Siti, HP 0812-3456-7890, NIP 199001012015031001. Kapan naik pangkat?",
    )
    assert "Kapan naik pangkat" in client.get("/admin/tanya-jawab/").content.decode()
    client.post(f"/admin/tanya-jawab/{question.pk}/disposisi/", {"unit": unit.pk})
    question.refresh_from_db()
    assert question.status == Status.ASSIGNED and question.assigned_unit == unit
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/tanya-jawab/{question.pk}/jawab/",
                               {"text": "Bu Siti, kenaikan pangkat April.", "unit": unit.pk})
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
