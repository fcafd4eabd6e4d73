"""The contrast rule as a pure function (no database), and theming seen by staff and citizens."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from lontar.agencies import theme
from lontar.agencies.models import Agency


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#777777", "#ffffff", 4.48),  # the classic "just fails AA" grey
        ("#767676", "#ffffff", 4.54),  # the lightest grey that passes
        ("#0b4f6c", "#ffffff", 8.94),  # Lontar's default brand colour
        ("#ff0000", "#ffffff", 4.0),
        ("#0000ff", "#ffffff", 8.59),
        ("#fff", "#000", 21.0),  # short form, either order
    ],
)
def test_contrast_ratio_follows_wcag(first, second, ratio):
    assert theme.contrast_ratio(first, second) == pytest.approx(ratio, abs=0.01)


@pytest.mark.parametrize(
    ("colour", "refused_because"),
    [
        ("#0b4f6c", ""),
        ("#8a4b08", ""),
        ("#767676", ""),
        ("0B4F6C", ""),  # without "#", upper case
        ("#777777", "4.48:1"),
        ("#ffcc00", "1.5"),  # yellow under white text
        ("#ff0000", "4.00:1"),
        ("#ffffff", "1.00:1"),
        ("merah", "heksadesimal"),
        ("#12345", "heksadesimal"),
        ("#gggggg", "heksadesimal"),
        ("", "heksadesimal"),
    ],
)
def test_a_colour_is_refused_below_aa_with_a_reason(colour, refused_because):
    problem = theme.colour_problem(colour)
    if refused_because:
        assert refused_because in problem
    else:
        assert problem == ""


def test_the_theme_css_uses_only_colours_that_pass():
    css = theme.theme_css(brand="#0B4F6C", accent="#8a4b08")
    assert css == ":root{--brand:#0b4f6c;--brand-dark:#08394e;--accent:#8a4b08}"
    assert theme.theme_css(brand="#ffcc00", accent="") == ""  # stored around the form: ignored
    assert theme.theme_css() == ""
    dark = theme.darker("#0b4f6c")
    assert theme.contrast_ratio(dark, "#ffffff") > theme.contrast_ratio("#0b4f6c", "#ffffff")


@pytest.mark.django_db
def test_the_admin_agency_sets_colours_and_a_bad_one_is_refused_beside_its_field(
    client, agency_admin_a, agency_a
):
    client.force_login(agency_admin_a)
    form = client.get("/admin/instansi/tampilan/")
    assert form.status_code == 200

    refused = client.post(
        "/admin/instansi/tampilan/",
        {"short_name": "BKD-A", "brand_colour": "#ffcc00", "accent_colour": "#8a4b08"},
    )
    assert refused.status_code == 400
    errors = refused.context["form"].errors
    assert "brand_colour" in errors and "WCAG AA" in errors["brand_colour"][0]
    assert "accent_colour" not in errors
    assert 'value="#ffcc00"' in refused.content.decode()  # what was typed stays
    agency_a.refresh_from_db()
    assert agency_a.brand_colour == ""

    saved = client.post(
        "/admin/instansi/tampilan/",
        {"short_name": "BKD", "brand_colour": "#1A5E20", "accent_colour": "#8a4b08"},
    )
    assert saved.status_code == 302
    agency_a.refresh_from_db()
    assert (agency_a.brand_colour, agency_a.accent_colour) == ("#1a5e20", "#8a4b08")
    assert agency_a.short_name == "BKD"  # through rename_agency: the groups follow
    assert agency_admin_a.groups.filter(name="BKD · Admin Agency").exists()


@pytest.mark.django_db
def test_the_theme_screen_is_for_admins_of_their_own_agency(client, editor, agency_b):
    client.force_login(editor)
    assert client.get("/admin/instansi/tampilan/").status_code in (302, 403)


@pytest.mark.django_db
@override_settings(LONTAR_PAGE_CACHE_SECONDS=0)
def test_public_pages_carry_the_colours_inline_and_the_csp_allows_exactly_them(agency_a):
    plain = Client().get("/")
    assert "data-lontar-theme" not in plain.content.decode()
    assert "style-src 'self';" in plain["Content-Security-Policy"] + ";"

    Agency.objects.filter(pk=agency_a.pk).update(brand_colour="#1a5e20")
    from lontar.core import content_version

    content_version.bump()
    themed = Client().get("/")
    body = themed.content.decode()
    css = ":root{--brand:#1a5e20;--brand-dark:#134417}"
    assert f"<style data-lontar-theme>{css}</style>" in body
    assert '<meta name="application-name" content="BKD-A">' in body
    assert theme.style_hash(css) in themed["Content-Security-Policy"]
    assert body.count('<link rel="stylesheet"') == 1  # no extra request


@pytest.mark.django_db
def test_the_admin_agency_sets_a_logo_from_its_own_collection_only(
    client, agency_admin_a, agency_a, agency_b
):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    own = get_image_model().objects.create(
        title="Logo BKD", file=get_test_image_file(), collection=agency_a.collection
    )
    foreign = get_image_model().objects.create(
        title="Logo dinas B", file=get_test_image_file(), collection=agency_b.collection
    )
    client.force_login(agency_admin_a)
    fields = {"short_name": "BKD-A", "brand_colour": "", "accent_colour": ""}

    refused = client.post("/admin/instansi/tampilan/", {**fields, "logo": foreign.pk})
    assert refused.status_code == 400 and "logo" in refused.context["form"].errors
    saved = client.post("/admin/instansi/tampilan/", {**fields, "logo": own.pk})
    assert saved.status_code == 302
    agency_a.refresh_from_db()
    assert agency_a.logo == own
    assert 'class="brand-logo"' in client.get("/").content.decode()  # in the site's header
