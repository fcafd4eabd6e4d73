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


# One token at a time, beside the two every pattern needs: token → what it renders.
@pytest.mark.parametrize(
    ("token", "sequence", "on", "short_name", "expected"),
    [
        ("{nomor}", 7, NOVEMBER, "BKD", "0007"),
        ("{nomor:1}", 7, NOVEMBER, "BKD", "7"),
        ("{nomor:8}", 7, NOVEMBER, "BKD", "00000007"),
        ("{nomor:2}", 12345, NOVEMBER, "BKD", "12345"),  # a width pads, never cuts
        ("{nomor:05d}", 7, NOVEMBER, "BKD", "00007"),  # the old form, read as {nomor:5}
        ("{nomor:5d}", 7, NOVEMBER, "BKD", "00007"),
        ("{bulan}", 1, MARCH, "BKD", "03"),
        ("{bulan:1}", 1, MARCH, "BKD", "3"),
        ("{bulan:1}", 1, NOVEMBER, "BKD", "11"),
        ("{bulan_romawi}", 1, MARCH, "BKD", "III"),
        ("{singkatan}", 1, MARCH, "B.K D", "BKD"),  # dots and spaces dropped
        ("{singkatan}", 1, MARCH, "Dinas-Kominfo", "Dinas-Kominfo"),
    ],
)
def test_each_token_renders_its_value(token, sequence, on, short_name, expected):
    # {nomor} and {tahun} are required and may appear once: add what the token is not.
    pattern = f"{{tahun}}/{token}" + ("" if token.startswith("{nomor") else "/{nomor}")
    rendered = render_number(pattern, sequence=sequence, received_on=on, short_name=short_name)

    assert rendered.split("/")[1] == expected
    assert rendered.split("/")[0] == str(on.year)


@pytest.mark.parametrize(
    ("month", "roman"),
    list(zip(range(1, 13), "I II III IV V VI VII VIII IX X XI XII".split(), strict=True)),
)
def test_every_month_has_its_roman_numeral(month, roman):
    number = render_number(
        "{bulan_romawi}/{nomor:1}/{tahun}",
        sequence=1,
        received_on=date(2026, month, 1),
        short_name="BKD",
    )

    assert number == f"{roman}/1/2026"


@pytest.mark.parametrize(
    ("pattern", "named"),
    [
        ("{nomor:9}/{tahun}", "1 sampai 8"),
        ("{bulan:3}/{nomor}/{tahun}", "1 sampai 2"),
        ("{bulan:0}/{nomor}/{tahun}", "1 sampai 2"),
        ("{tahun:4}/{nomor}", "lebar"),
        ("{bulan_romawi:2}/{nomor}/{tahun}", "lebar"),
        ("{singkatan:3}/{nomor}/{tahun}", "lebar"),
        ("{nomor:x}/{tahun}", "lebar"),
        ("{nomor:-1}/{tahun}", "lebar"),
        ("{Nomor}/{tahun}", "{Nomor}"),
        ("{ nomor }/{tahun}", "{ nomor }"),
        ("   ", "kosong"),
        ("{nomor}/{tahun}/" + "A" * 45, "60"),  # 61 characters
        ("{nomor}/{tahun}\n", "tidak boleh dipakai"),
        ("{nomor}/{tahun}:", ":"),
        ("{nomor}/{tahun}é", "é"),
        ("{tahun}/{bulan}/{bulan}/{nomor}", "{bulan}"),
    ],
)
def test_bad_widths_names_and_characters_are_refused(pattern, named):
    with pytest.raises(NumberPatternError) as error:
        check_pattern(pattern, "BKD")

    assert named in error.value.message


def test_a_pattern_of_exactly_the_longest_allowed_length_is_accepted():
    pattern = "{nomor}/{tahun}/" + "A" * 44
    assert len(pattern) == 60

    assert check_pattern(pattern, "BKD") == "99999999/9999/" + "A" * 44


def test_every_allowed_literal_character_passes():
    pattern = "aZ09 ./-_()/{nomor}/{tahun}"

    assert render_number(pattern, sequence=1, received_on=MARCH, short_name="BKD") == (
        "aZ09 ./-_()/0001/2026"
    )


def test_the_widest_number_is_checked_against_the_stored_column_at_the_boundary():
    # 8 + 1 + 4 + 1 = 14 characters of tokens and slashes, plus the short name.
    pattern = "{nomor:8}/{tahun}/{singkatan}"

    assert len(check_pattern(pattern, "X" * 66)) == 80
    with pytest.raises(NumberPatternError, match="81"):
        check_pattern(pattern, "X" * 67)


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
