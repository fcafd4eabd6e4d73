"""One public base URL per agency: how it is checked, filled and used by Wagtail and e-mails."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps as global_apps
from django.core import mail
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.test import override_settings

from lontar.agencies.models import Agency
from lontar.core import public_urls
from lontar.core.public_urls import absolute_url, normalise_base_url
from lontar.demo.loader import set_demo_addresses


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://bkd.example.go.id", "https://bkd.example.go.id"),
        ("https://BKD.Example.go.id/", "https://bkd.example.go.id"),
        ("https://bkd.example.go.id:443", "https://bkd.example.go.id"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://localhost:80/", "http://localhost"),
        ("http://[::1]:8000", "http://[::1]:8000"),
    ],
)
def test_a_base_url_is_kept_as_its_origin(value, expected):
    assert normalise_base_url(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "bkd.example.go.id",
        "ftp://bkd.example.go.id",
        "https://bkd.example.go.id/portal",
        "https://bkd.example.go.id/?a=1",
        "https://user:secret@bkd.example.go.id",
        "https://bkd.example.go.id:99999",
        "https://bkd.example.go.id:port",
        "https://",
    ],
)
def test_a_malformed_base_url_is_refused_with_a_reason(value):
    with pytest.raises(ValueError):
        normalise_base_url(value)
    if value:
        with pytest.raises(ValidationError):
            public_urls.validate_base_url(value)


def test_absolute_url_joins_paths_and_leaves_absolute_media_alone(agency_a):
    agency_a.public_base_url = "https://bkd.example.go.id:8443"
    assert absolute_url(agency_a, "/berita/x/") == "https://bkd.example.go.id:8443/berita/x/"
    assert absolute_url(agency_a, "berita/") == "https://bkd.example.go.id:8443/berita/"
    assert absolute_url(agency_a, "https://cdn.example/a.png") == "https://cdn.example/a.png"
    assert absolute_url(agency_a, "//cdn.example/a.png") == "https://cdn.example/a.png"


@pytest.mark.django_db
def test_wagtail_page_urls_and_the_admin_view_live_link_use_the_base_url(
    client, agency_a, agency_b, agency_admin_a
):
    agency_a.public_base_url = "https://bkd.example.go.id:8443"
    agency_a.save()
    home = agency_a.site.root_page.specific
    assert home.full_url == "https://bkd.example.go.id:8443/"
    client.force_login(agency_admin_a)
    html = client.get(f"/admin/pages/{home.pk}/edit/").content.decode()
    assert "https://bkd.example.go.id:8443/" in html  # "Lihat langsung" (view live)
    assert "http://localhost/" not in html


@pytest.mark.django_db
def test_an_agency_onboarded_before_the_field_gets_its_sites_address():
    migration = importlib.import_module("lontar.agencies.migrations.0007_public_base_url_urls")
    from lontar.agencies.tests.factories import agency_with_site

    plain = agency_with_site(hostname="dinas-c.localhost", short_name="DINAS-C")
    secure = agency_with_site(hostname="dinas-d.example.go.id", short_name="DINAS-D")
    secure.site.port = 443
    secure.site.save()
    other = agency_with_site(hostname="dinas-e.localhost", short_name="DINAS-E")
    other.site.port = 8001
    other.site.save()
    Agency.objects.filter(pk__in=[plain.pk, secure.pk, other.pk]).update(public_base_url="")
    migration.fill_from_sites(global_apps, None)
    for agency, expected in [
        (plain, "http://dinas-c.localhost"),
        (secure, "https://dinas-d.example.go.id"),
        (other, "http://dinas-e.localhost:8001"),
    ]:
        agency.refresh_from_db()
        assert agency.public_base_url == expected


@pytest.mark.django_db
@override_settings(DEBUG=False, TESTING=False)
def test_production_refuses_to_start_while_an_agency_has_no_valid_base_url(agency_a, agency_b):
    agency_a.public_base_url = "https://bkd.example.go.id"
    agency_a.save()
    agency_b.public_base_url = ""  # onboarded without one
    agency_b.save()
    with pytest.raises(ImproperlyConfigured, match="DINAS-B.*no public base URL"):
        public_urls.verify_at_startup()
    agency_b.public_base_url = "https://dinas-b.example.go.id/portal"
    agency_b.save()
    with pytest.raises(ImproperlyConfigured, match="DINAS-B.*without a path"):
        public_urls.verify_at_startup()
    agency_b.public_base_url = "https://dinas-b.example.go.id"
    agency_b.save()
    public_urls.verify_at_startup()  # all set: starts


@pytest.mark.django_db
def test_load_demo_port_moves_every_agency_to_that_port(agency_a, agency_b):
    set_demo_addresses(8123)
    agency_a.refresh_from_db()
    agency_b.refresh_from_db()
    assert agency_a.public_base_url == "http://127.0.0.1:8123"  # the default site
    assert agency_b.public_base_url == "http://dinas-b.localhost:8123"
    assert agency_b.site.root_page.specific.full_url == "http://dinas-b.localhost:8123/"


@pytest.mark.django_db
def test_the_mail_a_citizen_gets_links_to_the_agency_not_the_requests_host(
    client, agency_a, django_capture_on_commit_callbacks
):
    from lontar.ppid.tests.helpers import form_data

    agency_a.public_base_url = "https://bkd.example.go.id"
    agency_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ppid/permohonan/baru/", form_data(), HTTP_HOST="localhost:8123")
    [message] = mail.outbox
    assert "https://bkd.example.go.id/ppid/lacak/" in message.body
    assert "localhost" not in message.body and "testserver" not in message.body
