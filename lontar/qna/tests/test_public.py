import time

from django.core import mail, signing
from django.urls import reverse

from lontar.qna.forms import _FORM_SALT
from lontar.qna.models import Question, Status
from lontar.qna.tests.helpers import make_question

ASK_URL = "/tanya-jawab/tanya/"


def _form_data(**overrides) -> dict:
    data = {
        "asker_name": "Budi Santoso",
        "email": "budi@example.id",
        "phone": "",
        "category": "pensiun",
        "question_text": "Kapan batas usia pensiun pejabat fungsional?",
        "anonymous_in_public": "on",
        "website": "",
        "shown_at": signing.dumps(time.time() - 60, salt=_FORM_SALT),
    }
    return {**data, **overrides}


def test_asking_stores_the_question_privately_and_mails_the_tracking_link(
    client, agency_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ASK_URL, _form_data())
    question = Question.objects.get()
    assert question.status == Status.NEW and question.agency == agency_a
    assert response.status_code == 302
    assert response["Location"].startswith(question.tracking_url())
    page = client.get(response["Location"])
    assert "telah kami terima" in page.content.decode()
    assert len(mail.outbox) == 1
    assert question.tracking_token in mail.outbox[0].body
    # Pre-moderation: nothing public yet.
    assert "batas usia pensiun" not in client.get("/tanya-jawab/").content.decode()
    assert client.get(question.get_absolute_url()).status_code == 404


def test_honeypot_and_too_fast_submissions_are_refused(client, agency_a):
    client.post(ASK_URL, _form_data(website="http://spam.example"))
    client.post(ASK_URL, _form_data(shown_at=signing.dumps(time.time(), salt=_FORM_SALT)))
    assert not Question.objects.exists()


def test_asking_is_rate_limited(client, agency_a):
    for _ in range(5):
        client.post(ASK_URL, _form_data())
    response = client.post(ASK_URL, _form_data())
    assert response.status_code == 429
    assert Question.objects.count() == 5


def test_unknown_tracking_token_is_not_found(client, agency_a):
    assert client.get("/tanya-jawab/lacak/tidak-ada/").status_code == 404


def test_faq_lists_published_entries_by_category_and_search(
    client, agency_a, agency_b, django_assert_max_num_queries
):
    make_question(
        agency_a,
        text="Syarat cuti besar?",
        answer_text="Lima tahun masa kerja.",
        status=Status.PUBLISHED,
    )
    make_question(
        agency_a,
        text="Kenaikan pangkat reguler kapan?",
        category="kenaikan-pangkat",
        answer_text="April dan Oktober.",
        status=Status.PUBLISHED,
    )
    make_question(agency_a, text="Rahasia belum terbit", answer_text="x", status=Status.ANSWERED)
    make_question(
        agency_b, text="Pertanyaan instansi lain", answer_text="y", status=Status.PUBLISHED
    )
    with django_assert_max_num_queries(12):
        html = client.get("/tanya-jawab/").content.decode()
    assert "Syarat cuti besar?" in html and "Kenaikan pangkat reguler" in html
    assert "Rahasia belum terbit" not in html and "instansi lain" not in html
    html = client.get("/tanya-jawab/?kategori=cuti").content.decode()
    assert "Syarat cuti besar?" in html and "Kenaikan pangkat reguler" not in html
    html = client.get("/tanya-jawab/?q=pangkat").content.decode()
    assert "Kenaikan pangkat reguler" in html and "Syarat cuti besar?" not in html


def test_faq_entry_shows_unit_regulations_similar_and_takes_feedback(
    client, agency_a, django_assert_max_num_queries
):
    from lontar.agencies.tests.factories import UnitFactory

    unit = UnitFactory(agency=agency_a, name="Bidang Mutasi")
    entry = make_question(
        agency_a,
        text="Bagaimana syarat cuti besar bagi guru?",
        answer_text="Masa kerja lima tahun.",
        unit=unit,
        status=Status.PUBLISHED,
    )
    similar = make_question(
        agency_a, text="Berapa lama cuti besar?", answer_text="Tiga bulan.", status=Status.PUBLISHED
    )
    make_question(
        agency_a,
        text="Gaji ke-13 kapan cair?",
        category="gaji",
        answer_text="Juni.",
        status=Status.PUBLISHED,
    )
    with django_assert_max_num_queries(14):
        html = client.get(entry.get_absolute_url()).content.decode()
    assert "Bidang Mutasi" in html
    assert "Apakah jawaban ini membantu?" in html
    assert "Pertanyaan serupa" in html and similar.public_question in html
    assert "Gaji ke-13" not in html
    response = client.post(reverse("qna:feedback", args=[entry.pk]), {"membantu": "ya"})
    assert response.status_code == 302
    client.post(reverse("qna:feedback", args=[entry.pk]), {"membantu": "ya"})  # counted once
    entry.refresh_from_db()
    assert (entry.helpful_yes, entry.helpful_no) == (1, 0)
    assert "Terima kasih atas masukan" in client.get(response["Location"]).content.decode()


def test_feedback_needs_csrf(agency_a):
    from django.test import Client

    entry = make_question(agency_a, answer_text="Ya.", status=Status.PUBLISHED)
    response = Client(enforce_csrf_checks=True).post(
        reverse("qna:feedback", args=[entry.pk]), {"membantu": "ya"}
    )
    assert response.status_code == 403


def test_published_entries_are_found_by_site_search(client, agency_a):
    make_question(
        agency_a,
        text="Bagaimana mutasi antar kabupaten?",
        category="mutasi",
        answer_text="Ajukan lewat BKD asal.",
        status=Status.PUBLISHED,
    )
    make_question(
        agency_a,
        text="Mutasi rahasia belum terbit",
        category="mutasi",
        answer_text="-",
        status=Status.ANSWERED,
    )
    html = client.get("/cari/?q=mutasi").content.decode()
    assert "antar kabupaten" in html
    assert "rahasia belum terbit" not in html
