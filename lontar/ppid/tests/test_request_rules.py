"""Costs, exemptions, requesters, retention and the privacy notice: pure rules, no database."""

from __future__ import annotations

from datetime import date

import pytest

from lontar.ppid import costs, exemptions, privacy, requesters, retention


# --- costs (UU 14/2008 Pasal 21; the agency's own tariff) ----------------------------------
def test_an_agency_without_a_tariff_decision_publishes_free_never_a_figure():
    statement = costs.tariff_statement("  ")
    assert statement.startswith("Gratis") and "Rp" not in statement
    assert costs.tariff_statement("Fotokopi Rp500/lembar (SK Kepala 12/2026)") == (
        "Fotokopi Rp500/lembar (SK Kepala 12/2026)"
    )


@pytest.mark.parametrize(
    ("amount", "payment", "obtain", "problem"),
    [
        (0, "", "salinan_cetak", None),
        (5000, "Transfer Bank NTT 001", "salinan_cetak", None),
        (5000, "", "salinan_cetak", "payment_method"),
        (5000, "loket", "salinan_cetak", "payment_method"),  # too vague to act on
        (5000, "Transfer Bank NTT 001", "melihat", "cost_amount"),  # viewing is free
    ],
)
def test_a_cost_needs_how_and_where_to_pay_and_viewing_is_free(amount, payment, obtain, problem):
    problems = costs.cost_problems(amount=amount, payment_method=payment, obtain_method=obtain)
    assert list(problems) == ([problem] if problem else [])


def test_viewing_is_said_to_be_free():
    assert "tidak dipungut biaya" in costs.viewing_is_free()


def test_a_duration_is_stated_in_years_or_as_permanent():
    assert exemptions.duration_text(3) == "3 tahun"
    assert "tanpa batas waktu" in exemptions.duration_text(None)


def test_rupiah_uses_the_indonesian_separator():
    assert costs.format_rupiah(1250000) == "Rp1.250.000"


# --- exemptions (Pasal 17, Pasal 20) ----------------------------------------------------------
@pytest.mark.parametrize(
    ("grounds", "years", "dik", "entries", "problems"),
    [
        (["Pasal 17 huruf h"], None, "", None, []),  # personal secrets: may be permanent
        (["Pasal 17 huruf a", "Pasal 17 huruf h"], 4, "", None, []),
        (["Pasal 17 huruf a"], None, "", None, ["exemption_years"]),  # a–f never permanent
        (["Pasal 17 huruf f"], 31, "", None, ["exemption_years"]),
        ([], 2, "", None, ["refusal_grounds"]),
        (["Pasal 99"], 2, "", None, ["refusal_grounds"]),
        (["Pasal 17 huruf h"], None, "DIK-9", ["DIK-1"], ["exempt_list_reference"]),
        (["Pasal 17 huruf h"], None, "DIK-1", ["DIK-1"], []),
    ],
)
def test_a_refusal_rests_on_known_grounds_with_a_duration_for_a_to_f(
    grounds, years, dik, entries, problems
):
    found = exemptions.exemption_problems(
        grounds=grounds, duration_years=years, dik_reference=dik, dik_entries=entries
    )
    assert sorted(found) == sorted(problems)


def test_a_dik_entry_is_cited_by_its_number_and_what_it_exempts_within_the_field():
    assert exemptions.dik_reference(7, "Berkas disiplin") == "DIK-7: Berkas disiplin"
    assert len(exemptions.dik_reference(12345, "x" * 300)) == 120


# --- who may request --------------------------------------------------------------------------
def _problems(**overrides) -> list[str]:
    values = {
        "kind": requesters.PERSON,
        "group_name": "",
        "has_mandate": False,
        "is_proxy": False,
        "represented_person": "",
        "has_proxy_letter": False,
        "obtain_method": "salinan_cetak",
        "delivery_method": "ambil",
        **overrides,
    }
    return sorted(requesters.requester_problems(**values))


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({}, []),
        ({"kind": requesters.GROUP}, ["group_mandate", "group_name"]),
        ({"kind": requesters.GROUP, "group_name": "Forum", "has_mandate": True}, []),
        ({"is_proxy": True}, ["proxy_letter", "represented_person"]),
        ({"is_proxy": True, "represented_person": "Ani", "has_proxy_letter": True}, []),
        ({"delivery_method": ""}, ["delivery_method"]),
        ({"obtain_method": "melihat", "delivery_method": ""}, []),  # only viewing: no delivery
    ],
)
def test_groups_proxies_and_viewers_give_what_their_kind_needs(overrides, expected):
    assert _problems(**overrides) == expected


# --- retention (UU 27/2022) -------------------------------------------------------------------
def test_retention_counts_from_the_last_event():
    assert retention.erase_on(date(2026, 11, 30), 5) == date(2031, 11, 30)
    assert retention.erase_on(date(2028, 2, 29), 1) == date(2029, 2, 28)
    assert not retention.is_due(date(2026, 11, 30), 5, date(2031, 11, 29))
    assert retention.is_due(date(2026, 11, 30), 5, date(2031, 11, 30))
    with pytest.raises(ValueError):
        retention.erase_on(date(2026, 1, 1), 0)


# --- the privacy notice -------------------------------------------------------------------------
def test_the_privacy_notice_names_the_officer_rights_survey_and_retention():
    text = privacy.privacy_notice(
        privacy.PrivacyFacts(
            agency_name="BKD Uji",
            privacy_officer="Sekretaris BKD (Petrus Uji)",
            contact="ppid@bkd.example.id",
            retention_years=7,
        )
    )
    for phrase in (
        "Sekretaris BKD (Petrus Uji)",
        "ppid@bkd.example.id",
        "akses",
        "perbaikan",
        "penghapusan",
        "Survei Kepuasan Masyarakat",
        "7 tahun",
        "3×24 jam",
    ):
        assert phrase in text
    assert privacy.version_of(text) != privacy.version_of(text + " ")
    assert privacy.version_of(text).startswith(privacy.NOTICE_VERSION)
