"""The parameter readers: the rules behind finding 6 (hostile inputs), without a database."""

from __future__ import annotations

import pytest

from lontar.core.params import (
    InvalidParameter,
    neutral_search_terms,
    parse_int,
    parse_page,
    parse_year,
    search_query,
)


@pytest.mark.parametrize("value", ["²", "３", "٣", "1e3", "12a", "9" * 5000, "-" + "9" * 5000])
def test_a_year_must_be_ascii_digits_of_a_plausible_size(value):
    with pytest.raises(InvalidParameter) as error:
        parse_year(value)
    assert error.value.name == "tahun"


def test_a_huge_number_is_called_too_large_not_a_non_number():
    with pytest.raises(InvalidParameter, match="terlalu besar"):
        parse_int("9" * 5000, "limit")
    with pytest.raises(InvalidParameter, match="harus berupa angka"):
        parse_int("²", "limit")


@pytest.mark.parametrize(("value", "page"), [(None, 1), ("", 1), ("3", 3), (" 7 ", 7)])
def test_pages(value, page):
    assert parse_page(value) == page


@pytest.mark.parametrize("value", ["abc", "0", "-1", "²", "9" * 5000, "100001"])
def test_junk_pages_are_refused(value):
    with pytest.raises(InvalidParameter):
        parse_page(value)


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ('"', ""),
        ('"cuti besar"', "cuti besar"),
        ("cuti AND NEAR(besar)", "cuti AND NEAR(besar)"),  # quoted per term by the backend
        ("  cuti\tbesar\n", "cuti besar"),
        ("x" * 500, "x" * 200),
    ],
)
def test_search_queries_lose_only_quotes_and_extra_space(query, terms):
    assert search_query(query) == terms


@pytest.mark.parametrize("query", ["\x00", "cuti\x00besar", "\x1b[31m", "cuti\x7f"])
def test_search_queries_with_control_characters_are_refused(query):
    with pytest.raises(InvalidParameter) as error:
        search_query(query)
    assert error.value.name == "q"


def test_selectors_can_neutralise_any_text_without_raising():
    assert neutral_search_terms('a\x00"b\ud800c') == "a b c"
