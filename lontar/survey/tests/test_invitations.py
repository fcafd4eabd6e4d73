"""Single-use invitations sent after a service, e.g. when an information request is closed."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from lontar.survey import ratelimit, services
from lontar.survey.models import SurveyInvitation, SurveyResponse
from lontar.survey.tests.helpers import all_answers, form_data, submit

pytestmark = pytest.mark.django_db


def token_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["undangan"][0]


def local(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def test_invite_after_service_returns_the_questionnaire_link_of_the_agency_site(period_a):
    url = services.invite_after_service(period_a.agency, "ppid", "permohonan:42")

    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.hostname == "localhost"
    assert parts.path == "/survei/ppid/"
    invitation = SurveyInvitation.objects.get()
    assert invitation.token == token_of(url) and len(invitation.token) >= 32
    assert invitation.reference == "permohonan:42"
    assert invitation.unit == period_a.unit and invitation.used_at is None


def test_the_same_service_is_invited_once(period_a):
    first = services.invite_after_service(period_a.agency, "ppid", "permohonan:42")
    again = services.invite_after_service(period_a.agency, "ppid", "permohonan:42")
    other = services.invite_after_service(period_a.agency, "ppid", "permohonan:43")

    assert first == again != other
    assert SurveyInvitation.objects.count() == 2


@pytest.mark.parametrize(
    "reference",
    ["budi@example.com", "permohonan:3201010101900001", "telepon:081234567890", "Budi Santoso"],
)
def test_a_reference_holding_personal_data_is_refused(period_a, reference):
    with pytest.raises(services.InvalidReference):
        services.invite_after_service(period_a.agency, "ppid", reference)

    assert not SurveyInvitation.objects.exists()


def test_an_unknown_or_foreign_unit_is_refused(period_a, period_b):
    with pytest.raises(services.UnknownUnit):
        services.invite_after_service(period_a.agency, "perizinan", "permohonan:1")


def test_an_invitation_takes_one_response_and_then_says_so_politely(client, period_a):
    url = local(services.invite_after_service(period_a.agency, "ppid", "permohonan:42"))

    form = client.get(url)
    answered = client.post(url, form_data(all_answers(4), undangan=token_of(url)))
    again = client.get(url)
    posted_again = client.post(url, form_data(all_answers(1), undangan=token_of(url)))

    assert f'name="undangan" value="{token_of(url)}"' in form.content.decode()
    assert answered.status_code == 302
    assert again.status_code == 410
    assert "Undangan ini sudah dipakai untuk mengisi survei" in again.content.decode()
    assert posted_again.status_code == 410
    assert SurveyResponse.objects.count() == 1
    invitation = SurveyInvitation.objects.get()
    assert invitation.is_used
    # Nothing ties the anonymous answer back to the service any more.
    assert invitation.reference == ""
    assert (invitation.used_at.hour, invitation.used_at.minute) == (0, 0)


def test_an_unknown_token_is_not_a_questionnaire(client, period_a):
    response = client.get("/survei/ppid/?undangan=tidak-ada")
    posted = client.post("/survei/ppid/", form_data(all_answers(4), undangan="tidak-ada"))

    assert response.status_code == 404
    assert "Tautan undangan ini tidak kami kenali" in response.content.decode()
    assert posted.status_code == 404
    assert not SurveyResponse.objects.exists()


def test_an_invitation_of_another_unit_does_not_open_this_one(client, agency_a, period_a):
    from lontar.survey.tests.conftest import make_period

    make_period(agency_a, unit_name="Layanan Kepegawaian", slug="kepegawaian")
    url = services.invite_after_service(agency_a, "kepegawaian", "usul:7")

    response = client.get(f"/survei/ppid/?undangan={token_of(url)}")

    assert response.status_code == 404


def test_invited_submissions_bypass_the_anonymous_rate_limit(client, period_a, monkeypatch):
    monkeypatch.setattr(ratelimit, "SUBMISSIONS_PER_WINDOW", 1)
    assert client.post("/survei/ppid/", form_data(all_answers(3))).status_code == 302
    assert client.post("/survei/ppid/", form_data(all_answers(3))).status_code == 429

    for number in range(2):
        url = local(services.invite_after_service(period_a.agency, "ppid", f"permohonan:{number}"))
        response = client.post(url, form_data(all_answers(4), undangan=token_of(url)))
        assert response.status_code == 302

    assert SurveyResponse.objects.count() == 3
    assert client.post("/survei/ppid/", form_data(all_answers(3))).status_code == 429


def test_a_used_invitation_is_refused_by_the_service_too(period_a):
    services.invite_after_service(period_a.agency, "ppid", "permohonan:1")
    invitation = SurveyInvitation.objects.get()
    submit(period_a, all_answers(4), invitation=invitation)

    with pytest.raises(services.InvitationUsed):
        submit(period_a, all_answers(4), invitation=SurveyInvitation.objects.get())

    assert SurveyResponse.objects.count() == 1
