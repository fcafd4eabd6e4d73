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
