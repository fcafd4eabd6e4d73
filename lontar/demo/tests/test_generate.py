"""`lontar generate_data`: bulk-built agencies, articles and regulations that the portal serves."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from lontar.news.models import NewsArticlePage, NewsIndexPage
from lontar.regulations.models import LegalDocument

pytestmark = pytest.mark.django_db


def test_generated_articles_form_a_valid_page_tree_and_are_served(agency_a):
    call_command("generate_data", agencies=2, articles=301, regulations=40, stdout=None)

    problems = Page.find_problems()
    assert all(not found for found in problems), problems
    assert NewsArticlePage.objects.live().count() == 301
    assert LegalDocument.objects.count() == 40
    index = NewsIndexPage.objects.get(url_path__startswith="/gen-opd-2/")
    assert index.numchild == index.get_children().count() == 150
    newest = NewsArticlePage.objects.child_of(index).order_by("-date").first()
    response = Client().get(newest.url, HTTP_HOST="opd2.generated.localhost")
    listing = Client().get("/berita/", HTTP_HOST="opd2.generated.localhost")
    assert response.status_code == 200 and newest.title in response.content.decode()
    assert listing.status_code == 200 and newest.title in listing.content.decode()


def test_a_second_run_adds_agencies_and_pages_next_to_the_first(agency_a):
    call_command("generate_data", agencies=1, articles=10, regulations=0, stdout=None)
    call_command("generate_data", agencies=1, articles=10, regulations=0, stdout=None)

    assert all(not found for found in Page.find_problems())
    assert NewsArticlePage.objects.count() == 20
    # A new page added the ordinary way lands after the generated ones.
    index = NewsIndexPage.objects.get(url_path__startswith="/gen-opd-1/")
    index.add_child(instance=NewsArticlePage(title="Tangan", slug="tangan", lead="x"))
    assert all(not found for found in Page.find_problems())


def test_requests_questions_objections_and_datasets_are_generated_and_served(agency_a):
    from lontar.objections.models import Objection
    from lontar.opendata.models import Dataset
    from lontar.ppid.models import InformationRequest, Notice, RegistrationCounter, RequestEvent
    from lontar.qna.models import Question

    call_command(
        "generate_data",
        agencies=1,
        articles=5,
        regulations=2,
        requests=120,
        questions=20,
        objections=2,
        datasets=3,
        stdout=None,
    )

    assert InformationRequest.objects.count() == 120
    assert RequestEvent.objects.count() >= 120 and Notice.objects.count() >= 120
    assert Objection.objects.count() == 2 and Dataset.objects.count() == 3
    assert Question.objects.published().count() == 18
    newest = InformationRequest.objects.order_by("-received_at").first()
    counter = RegistrationCounter.objects.get(agency=newest.agency, year=newest.year)
    assert counter.last_number == newest.sequence  # the next request continues the sequence
    host = "opd1.generated.localhost"
    assert newest.number in Client().get("/ppid/register/", HTTP_HOST=host).content.decode()
    assert Client().get("/tanya-jawab/", HTTP_HOST=host).status_code == 200


def test_scale_sets_the_counts_and_agency_puts_everything_into_one_agency(agency_a):
    from lontar.ppid.models import InformationRequest

    home = agency_a.site.root_page
    home.add_child(instance=NewsIndexPage(title="Berita", slug="berita"))
    call_command("generate_data", scale=0.001, agency=agency_a.slug, stdout=None)

    assert NewsArticlePage.objects.live().count() == 100  # 100,000 × 0.001
    assert InformationRequest.objects.filter(agency=agency_a).count() == 200
    assert LegalDocument.objects.filter(agency=agency_a).count() == 5
