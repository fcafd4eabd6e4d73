"""The registration-number pattern is a small token language, never Python code."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from lontar.ppid.models import PPIDSettings
from lontar.ppid.numbering import (
    DEFAULT_PATTERN,
    NumberPatternError,
    check_pattern,
    format_registration_number,
    render_number,
    upgrade_legacy_pattern,
)
from lontar.ppid.tests.helpers import make_request

NOVEMBER = date(2026, 11, 2)
MARCH = date(2026, 3, 9)


@pytest.mark.parametrize(
    ("pattern", "sequence", "on", "expected"),
    [
        (DEFAULT_PATTERN, 1, NOVEMBER, "0001/PPID-BKD/XI/2026"),
        (DEFAULT_PATTERN, 123, MARCH, "0123/PPID-BKD/III/2026"),
        (DEFAULT_PATTERN, 12345, MARCH, "12345/PPID-BKD/III/2026"),
        ("{nomor:3}/{singkatan}/{tahun}", 7, NOVEMBER, "007/BKD/2026"),
        ("{nomor:1}-{bulan}-{tahun}", 7, MARCH, "7-03-2026"),
        ("{nomor:8}.{bulan:1}.{tahun}", 42, MARCH, "00000042.3.2026"),
        ("PPID (Reg) {tahun}_{nomor}", 5, NOVEMBER, "PPID (Reg) 2026_0005"),
        # Patterns saved before the token language keep working unchanged.
        (
            "{nomor:04d}/PPID-{singkatan}/{bulan_romawi}/{tahun}",
            1,
            NOVEMBER,
            "0001/PPID-BKD/XI/2026",
        ),
        ("PPID/{singkatan}/{tahun}/{nomor:03d}", 1, NOVEMBER, "PPID/BKD/2026/001"),
    ],
)
def test_valid_patterns_render_the_expected_numbers(pattern, sequence, on, expected):
    assert render_number(pattern, sequence=sequence, received_on=on, short_name="B.K D") == expected


@pytest.mark.parametrize(
    ("pattern", "named"),
    [
        ("{nomor.__class__.__mro__}/{tahun}", "{nomor.__class__.__mro__}"),
        ("{x}/{nomor}/{tahun}", "{x}"),
        ("{nomor:>99999999}/{tahun}", "{nomor:>99999999}"),
        ("{nomor:99999999}/{tahun}", "{nomor:99999999}"),
        ("{nomor:9}/{tahun}", "{nomor:9}"),
        ("{nomor:0}/{tahun}", "{nomor:0}"),
        ("{tahun:4}/{nomor}", "{tahun:4}"),
        ("{nomor!r}/{tahun}", "{nomor!r}"),
        ("{0}/{nomor}/{tahun}", "{0}"),
        ("{}/{nomor}/{tahun}", "{}"),
        ("{{nomor}}/{tahun}", "{"),
        ("{nomor}/{tahun", "{"),
        ("{nomor}/{tahun}}", "}"),
        ("{nomor}/{tahun}<script>", "<"),
        ("{nomor}/{tahun}%s", "%"),
        ("{nomor}/{nomor}/{tahun}", "{nomor}"),
        ("PPID/{tahun}", "{nomor}"),
        ("{nomor}/PPID", "{tahun}"),
        ("", "kosong"),
        ("{nomor}/{tahun}/" + "A" * 60, "60"),
    ],
)
def test_bad_patterns_are_rejected_naming_the_problem(pattern, named):
    with pytest.raises(NumberPatternError) as error:
        check_pattern(pattern, "BKD")

    assert named in error.value.message


def test_a_long_short_name_cannot_push_the_number_past_the_stored_column():
    pattern = "{singkatan}-REGISTER-PERMOHONAN-INFORMAS-{nomor:8}{tahun}"

    assert check_pattern(pattern, "BKD")
    with pytest.raises(NumberPatternError, match="karakter"):
        check_pattern(pattern, "X" * 40)


def test_an_unusable_stored_pattern_falls_back_to_the_default_instead_of_failing():
    number = format_registration_number(
        "{x}/{nomor}", sequence=1, received_on=NOVEMBER, short_name="BKD"
    )

    assert number == "0001/PPID-BKD/XI/2026"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("{nomor:04d}/PPID-{singkatan}/{bulan_romawi}/{tahun}", DEFAULT_PATTERN),
        ("{nomor}/{bulan}/{tahun}", "{nomor:1}/{bulan:1}/{tahun}"),
        ("PPID/{singkatan}/{tahun}/{nomor:03d}", "PPID/{singkatan}/{tahun}/{nomor:3}"),
        ("{nomor.__class__.__mro__}", DEFAULT_PATTERN),
        ("{x}/{nomor}", DEFAULT_PATTERN),
        ("{nomor:>99999999}/{tahun}", DEFAULT_PATTERN),
    ],
)
def test_stored_legacy_patterns_are_converted_with_the_same_output(old, new):
    converted = upgrade_legacy_pattern(old, "BKD")

    assert converted == new
    if new != DEFAULT_PATTERN:
        legacy = old.format(nomor=9, bulan=3, tahun=2026, singkatan="BKD", bulan_romawi="III")
        assert render_number(converted, sequence=9, received_on=MARCH, short_name="BKD") == legacy


# --- The settings form ------------------------------------------------------------------------


def _post_settings(client, settings_row, **overrides):
    data = {
        "agency": settings_row.agency_id,
        "number_format": DEFAULT_PATTERN,
        "retention_years": 5,
        "copy_tariff": "Gratis",
        "privacy_officer": "",
    }
    data.update(overrides)
    url = reverse("wagtailsnippets_ppid_ppidsettings:edit", args=[settings_row.pk])
    return client.post(url, data)


@pytest.fixture
def own_settings(client, agency_a, agency_admin_a):
    from lontar.ppid.services import settings_for

    client.force_login(agency_admin_a)
    return settings_for(agency_a)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("{nomor.__class__.__mro__}/{tahun}", "Kunci {nomor.__class__.__mro__} tidak dikenal"),
        ("{x}/{nomor}/{tahun}", "Kunci {x} tidak dikenal"),
        ("{nomor:>99999999}/{tahun}", "tidak boleh diberi lebar"),
    ],
)
def test_settings_form_refuses_bad_patterns_beside_the_field_and_keeps_the_old_one(
    client, own_settings, agency_a, pattern, message
):
    response = _post_settings(client, own_settings, number_format=pattern)

    body = response.content.decode()
    assert response.status_code == 200
    assert message in body.replace("&gt;", ">")
    own_settings.refresh_from_db()
    assert own_settings.number_format == DEFAULT_PATTERN
    request, _code = make_request(agency_a)
    assert request.number == "0001/PPID-BKD-A/XI/2026"


@pytest.mark.django_db
def test_settings_form_previews_the_next_number(client, own_settings, agency_a):
    make_request(agency_a)
    url = reverse("wagtailsnippets_ppid_ppidsettings:edit", args=[own_settings.pk])

    shown = client.get(url).content.decode()
    after_error = _post_settings(
        client, own_settings, number_format="REG-{nomor:3}/{tahun}", retention_years=0
    ).content.decode()

    assert "Nomor berikutnya akan tampak seperti: 0002/PPID-BKD-A/" in shown
    assert "Nomor berikutnya akan tampak seperti: REG-002/20" in after_error


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("retention_years", 0, "paling singkat 1 tahun"),
        ("retention_years", 31, "paling lama 30 tahun"),
        ("retention_years", -2, None),
        ("copy_tariff", "x" * 1001, None),
    ],
)
def test_numeric_and_text_settings_are_bounded(client, own_settings, field, value, message):
    response = _post_settings(client, own_settings, **{field: value})

    assert response.status_code == 200
    body = response.content.decode()
    if message:
        assert message in body
    own_settings.refresh_from_db()
    assert own_settings.retention_years == 5
    assert own_settings.copy_tariff != "x" * 1001


@pytest.mark.django_db
def test_the_default_settings_row_numbers_like_before(agency_a):
    request, _code = make_request(agency_a)

    assert PPIDSettings.objects.get(agency=agency_a).number_format == DEFAULT_PATTERN
    assert request.number == "0001/PPID-BKD-A/XI/2026"


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_converts_stored_patterns_and_bounds_retention(agency_a, agency_b):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    leaf = [node for node in executor.loader.graph.leaf_nodes() if node[0] == "ppid"]
    before = ("ppid", "0003_stored_documents")
    executor.migrate([before])
    old_apps = executor.loader.project_state([before]).apps
    OldSettings = old_apps.get_model("ppid", "PPIDSettings")
    OldSettings.objects.update_or_create(
        agency_id=agency_a.pk,
        defaults={"number_format": "PPID/{singkatan}/{tahun}/{nomor:03d}", "retention_years": 99},
    )
    OldSettings.objects.update_or_create(
        agency_id=agency_b.pk, defaults={"number_format": "{x}/{nomor.__class__}"}
    )

    executor = MigrationExecutor(connection)
    executor.migrate(leaf)

    own = PPIDSettings.objects.get(agency=agency_a)
    other = PPIDSettings.objects.get(agency=agency_b)
    assert own.number_format == "PPID/{singkatan}/{tahun}/{nomor:3}"
    assert own.retention_years == 30
    assert other.number_format == DEFAULT_PATTERN
    assert make_request(agency_a)[0].number == "PPID/BKD-A/2026/001"
