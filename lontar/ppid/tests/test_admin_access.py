"""Only PPID roles of the request's own agency reach requests, queues and personal files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lontar.core.tests.files import pdf_bytes
from lontar.ppid.models import PersonalFileAccess
from lontar.ppid.states import Decision, Status
from lontar.ppid.tests.helpers import make_request

pytestmark = pytest.mark.django_db

SCAN = b"\xff\xd8\xff\xe0 pretend jpeg of a KTP"
LETTER = b"%PDF-1.4 surat kuasa"


@pytest.fixture
def request_a(agency_a):
    request, _ = make_request(
        agency_a,
        files={
            "identity_scan": SimpleUploadedFile("ktp.jpg", SCAN, "image/jpeg"),
            "proxy_letter": SimpleUploadedFile("kuasa.pdf", LETTER, "application/pdf"),
        },
    )
    return request


def _refused(response) -> bool:
    # Wagtail turns PermissionDenied inside the admin into a redirect to the dashboard.
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def _get_urls(request) -> list[str]:
    return [
        reverse("ppid_admin_detail", args=[request.pk]),
        reverse("ppid_admin_file", args=[request.pk, "identitas"]),
        reverse("ppid_admin_file", args=[request.pk, "kuasa"]),
        reverse("ppid_admin_intake_done", args=[request.pk]),
    ]


def _post_urls(request) -> list[str]:
    return [
        reverse(f"ppid_admin_{name}", args=[request.pk])
        for name in ("nik", "assign", "extend", "answer", "complete", "summary")
    ]


def test_officer_of_another_agency_gets_404_for_requests_files_and_actions(
    client, ppid_officer_b, request_a, agency_a
):
    client.force_login(ppid_officer_b)
    for url in _get_urls(request_a):
        assert client.get(url).status_code == 404, url
    for url in _post_urls(request_a):
        assert client.post(url, {}).status_code == 404, url
    queue_a = client.get(reverse("ppid_admin_queue"), {"instansi": agency_a.pk})
    assert queue_a.status_code == 404
    own_queue = client.get(reverse("ppid_admin_queue"))
    assert own_queue.status_code == 200 and request_a.number not in own_queue.text
    assert not PersonalFileAccess.objects.exists()
    request_a.refresh_from_db()
    assert request_a.status == Status.REGISTERED and request_a.events.count() == 1


def test_released_documents_of_another_agency_are_not_found(
    client, ppid_officer_a, ppid_officer_b, request_a
):
    client.force_login(ppid_officer_a)
    client.post(
        reverse("ppid_admin_answer", args=[request_a.pk]),
        {
            "answer-decision": Decision.GRANTED,
            "answer-material_given": "Rekap formasi.",
            "answer-documents": [SimpleUploadedFile("rekap.pdf", pdf_bytes("rekap"))],
        },
    )
    document = request_a.documents.get()
    url = reverse("ppid_admin_document", args=[request_a.pk, document.pk])
    notice = reverse("ppid_admin_file", args=[request_a.pk, "pemberitahuan"])
    assert client.get(url).status_code == 200
    assert client.get(notice).status_code == 200

    client.force_login(ppid_officer_b)
    assert client.get(url).status_code == 404
    assert client.get(notice).status_code == 404


@pytest.mark.parametrize("persona", ["writer", "editor", "agency_admin_a"])
def test_staff_without_a_ppid_role_are_refused(client, request, persona, request_a):
    client.force_login(request.getfixturevalue(persona))
    urls = [reverse("ppid_admin_queue"), reverse("ppid_admin_intake"), *_get_urls(request_a)]
    for url in urls:
        assert _refused(client.get(url)), url
    for url in _post_urls(request_a):
        assert _refused(client.post(url, {})), url
    assert not PersonalFileAccess.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(client, request_a):
    for url in [reverse("ppid_admin_queue"), *_get_urls(request_a)]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response.url, url


def test_file_view_serves_the_scan_uncached_and_logs_each_access(client, ppid_officer_a, request_a):
    client.force_login(ppid_officer_a)
    url = reverse("ppid_admin_file", args=[request_a.pk, "identitas"])

    first = client.get(url, REMOTE_ADDR="198.51.100.4")
    client.get(reverse("ppid_admin_file", args=[request_a.pk, "kuasa"]))

    assert first.status_code == 200
    assert b"".join(first.streaming_content) == SCAN
    cache_control = {part.strip() for part in first["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "attachment" in first["Content-Disposition"]
    accesses = list(PersonalFileAccess.objects.order_by("pk"))
    assert [(a.user, a.which) for a in accesses] == [
        (ppid_officer_a, "identity_scan"),
        (ppid_officer_a, "proxy_letter"),
    ]
    assert accesses[0].ip_address == "198.51.100.4"
    assert accesses[0].information_request == request_a


def test_unknown_or_missing_files_are_not_found(client, ppid_officer_a, agency_a):
    request, _ = make_request(agency_a)
    client.force_login(ppid_officer_a)
    assert client.get(reverse("ppid_admin_file", args=[request.pk, "identitas"])).status_code == 404
    assert client.get(reverse("ppid_admin_file", args=[request.pk, "lainnya"])).status_code == 404
    assert not PersonalFileAccess.objects.exists()


def test_platform_admin_sees_every_agency(client, platform_admin, agency_b, request_a):
    request_b, _ = make_request(agency_b)
    client.force_login(platform_admin)
    assert client.get(reverse("ppid_admin_detail", args=[request_b.pk])).status_code == 200
    response = client.get(reverse("ppid_admin_queue"), {"instansi": agency_b.pk})
    assert response.status_code == 200
    assert [row.request for row in response.context["rows"]] == [request_b]


def test_the_queue_selector_scopes_by_agency_in_the_query(
    platform_admin, ppid_officer_b, agency_a, agency_b, request_a
):
    from lontar.ppid.selectors import officer_queue

    request_b, _ = make_request(agency_b)
    today = agency_a.today()
    assert [row.request for row in officer_queue(platform_admin, agency_a, today)] == [request_a]
    assert [row.request for row in officer_queue(platform_admin, agency_b, today)] == [request_b]
    # An agency the user does not serve gives an empty queue, never its rows.
    assert officer_queue(ppid_officer_b, agency_a, today) == []


def test_admin_views_load_requests_only_through_the_staff_selector():
    from pathlib import Path

    import lontar.ppid.admin_views as admin_views

    source = Path(admin_views.__file__).read_text()
    assert "InformationRequest.objects" not in source
    assert "agency_id ==" not in source  # no filtering by agency in Python after loading
    assert "get_request_for_staff(request.user, pk)" in source
