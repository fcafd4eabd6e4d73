"""Each agency's accessibility statement: what the tests verify and how to report a barrier."""

import pytest

pytestmark = pytest.mark.django_db


def test_statement_names_the_agency_and_a_way_to_report_a_barrier(client, agency_a):
    html = client.get("/aksesibilitas/").content.decode()
    assert agency_a.name in html
    assert "WCAG 2.1" in html and "320 piksel" in html
    assert "Laporkan hambatan" in html and 'href="/tanya-jawab/tanya/"' in html


def test_every_page_links_to_it(client, agency_a):
    assert 'href="/aksesibilitas/"' in client.get("/ppid/").content.decode()


def test_favicon_answers(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("img/favicon.svg")
