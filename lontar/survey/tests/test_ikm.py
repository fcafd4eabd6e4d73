"""Tests of the IKM rule (PermenPANRB 14/2017); see docs/domain/skm.md for the rule itself."""

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lontar.survey.ikm import (
    ELEMENT_CHOICES,
    ELEMENT_KEYS,
    ELEMENTS,
    ELEMENTS_BY_KEY,
    FORMULA_VERSION,
    InvalidIndex,
    InvalidPopulation,
    InvalidResponse,
    NoResponses,
    SurveyError,
    compute_ikm,
    grade_for,
    round_nrr,
    sample_size,
)

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def everyone_answers(score: int) -> dict[str, int]:
    return dict.fromkeys(ELEMENT_KEYS, score)


def responses_from_columns(columns: dict[str, list[int]]) -> list[dict[str, int]]:
    """Turn per-element columns of scores into one mapping per respondent."""
    size = len(next(iter(columns.values())))
    return [{key: scores[row] for key, scores in columns.items()} for row in range(size)]


# --- The elements -------------------------------------------------------------------------


def test_the_nine_elements_come_in_display_order_with_their_keys():
    assert ELEMENT_KEYS == (
        "persyaratan",
        "prosedur",
        "waktu",
        "biaya",
        "produk",
        "kompetensi",
        "perilaku",
        "pengaduan",
        "sarana",
    )


def test_every_element_has_an_indonesian_name_and_four_options_worst_first():
    for element in ELEMENTS:
        assert element.name
        assert len(element.options) == 4
        assert [score for score, _ in element.choices] == [1, 2, 3, 4]
    assert ELEMENTS_BY_KEY["persyaratan"].options == (
        "Tidak sesuai",
        "Kurang sesuai",
        "Sesuai",
        "Sangat sesuai",
    )
    # Fees are the one element whose best answer is not "sangat ...".
    assert ELEMENTS_BY_KEY["biaya"].options[0] == "Sangat mahal"
    assert ELEMENTS_BY_KEY["biaya"].options[-1] == "Gratis"


def test_element_choices_can_feed_a_django_choices_field():
    assert ELEMENT_CHOICES[0] == ("persyaratan", "Persyaratan")
    assert ELEMENT_CHOICES[-1] == ("sarana", "Sarana dan prasarana")
    assert len(ELEMENT_CHOICES) == 9


def test_the_module_imports_without_django():
    # Run apart from this process, which pytest-django may already have loaded Django into.
    code = "import sys, lontar.survey.ikm; assert 'django' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, check=True)


# --- Hand-worked examples -----------------------------------------------------------------

# Four respondents, every element answered. Per element (sum of the four scores / 4 = NRR):
#   persyaratan 4+4+3+3 = 14 -> 3.50      kompetensi 4+3+4+3 = 14 -> 3.50
#   prosedur    4+3+3+3 = 13 -> 3.25      perilaku   4+4+4+3 = 15 -> 3.75
#   waktu       3+3+3+3 = 12 -> 3.00      pengaduan  3+3+3+2 = 11 -> 2.75
#   biaya       4+4+4+4 = 16 -> 4.00      sarana     4+3+3+2 = 12 -> 3.00
#   produk      3+4+3+3 = 13 -> 3.25
# Sum of the NRRs = 30.00; times the weight 1/9 = 3.3333...; times 25 = 83.3333... -> 83.33,
# which is >= 76.61 and < 88.31: B "Baik". (The rounded weight 0.111 would give
# 30 x 0.111 x 25 = 83.25, which is why the exact 1/9 is used.)
FOUR_RESPONDENTS = responses_from_columns(
    {
        "persyaratan": [4, 4, 3, 3],
        "prosedur": [4, 3, 3, 3],
        "waktu": [3, 3, 3, 3],
        "biaya": [4, 4, 4, 4],
        "produk": [3, 4, 3, 3],
        "kompetensi": [4, 3, 4, 3],
        "perilaku": [4, 4, 4, 3],
        "pengaduan": [3, 3, 3, 2],
        "sarana": [4, 3, 3, 2],
    }
)


def test_four_respondents_answering_everything_give_83_33_baik():
    result = compute_ikm(FOUR_RESPONDENTS)

    assert result.element_scores == {
        "persyaratan": Decimal("3.50"),
        "prosedur": Decimal("3.25"),
        "waktu": Decimal("3.00"),
        "biaya": Decimal("4.00"),
        "produk": Decimal("3.25"),
        "kompetensi": Decimal("3.50"),
        "perilaku": Decimal("3.75"),
        "pengaduan": Decimal("2.75"),
        "sarana": Decimal("3.00"),
    }
    assert list(result.element_scores) == list(ELEMENT_KEYS)
    assert result.index == Decimal("83.33")
    assert str(result.index) == "83.33"
    assert (result.grade, result.label) == ("B", "Baik")
    assert result.respondents == 4
    assert result.formula_version == FORMULA_VERSION == "permenpanrb-14-2017/v1"
    assert result.missing_elements == ()


def test_each_element_gets_its_own_index_and_grade_on_the_same_bands():
    result = compute_ikm(FOUR_RESPONDENTS)

    # NRR x 25: pengaduan 2.75 x 25 = 68.75 (C), perilaku 3.75 x 25 = 93.75 (A).
    assert result.element_indexes["pengaduan"] == Decimal("68.75")
    assert grade_for(result.element_indexes["pengaduan"]) == ("C", "Kurang Baik")
    assert result.element_indexes["perilaku"] == Decimal("93.75")
    assert grade_for(result.element_indexes["perilaku"]) == ("A", "Sangat Baik")
    assert result.element_indexes["biaya"] == Decimal("100.00")


# Three respondents; nobody answered pengaduan (none of them had a complaint) and the third
# skipped sarana. Each NRR is taken over those who answered that element:
#   persyaratan (4+3+4)/3 = 11/3     kompetensi (4+3+3)/3 = 10/3
#   prosedur    (4+3+3)/3 = 10/3     perilaku   (4+4+3)/3 = 11/3
#   waktu       (3+3+2)/3 =  8/3     sarana     (3+4)/2   =  7/2 = 3.5
#   biaya       (4+4+4)/3 =  4       pengaduan  left out
#   produk      (3+3+3)/3 =  3
# Sum of the eight NRRs = 71/3 + 7/2 = 163/6 = 27.1666...; weight 1/8 gives 163/48 =
# 3.3958...; times 25 = 84.8958... -> 84.90, B "Baik". Counting the missing element as 0 with
# weight 1/9 would instead give 75.46 (C) and punish the agency for complaints nobody made.
PARTIAL_RESPONSES = [
    {"persyaratan": 4, "prosedur": 4, "waktu": 3, "biaya": 4, "produk": 3,
     "kompetensi": 4, "perilaku": 4, "sarana": 3},
    {"persyaratan": 3, "prosedur": 3, "waktu": 3, "biaya": 4, "produk": 3,
     "kompetensi": 3, "perilaku": 4, "sarana": 4},
    {"persyaratan": 4, "prosedur": 3, "waktu": 2, "biaya": 4, "produk": 3,
     "kompetensi": 3, "perilaku": 3},
]  # fmt: skip


def test_an_element_nobody_answered_is_left_out_and_the_rest_are_weighted_equally():
    result = compute_ikm(PARTIAL_RESPONSES)

    assert "pengaduan" not in result.element_scores
    assert "pengaduan" not in result.element_indexes
    assert result.missing_elements == ("pengaduan",)
    assert result.index == Decimal("84.90")
    assert (result.grade, result.label) == ("B", "Baik")
    assert result.respondents == 3


def test_an_element_answered_by_some_respondents_is_averaged_over_those_only():
    result = compute_ikm(PARTIAL_RESPONSES)

    assert result.element_scores["sarana"] == Decimal("3.5")
    assert result.element_indexes["sarana"] == Decimal("87.50")


def test_element_scores_keep_ample_precision_and_round_only_for_display():
    result = compute_ikm(PARTIAL_RESPONSES)

    persyaratan = result.element_scores["persyaratan"]
    assert abs(persyaratan - Decimal(11) / Decimal(3)) < Decimal("1e-20")
    assert round_nrr(persyaratan) == Decimal("3.67")
    assert round_nrr(result.element_scores["waktu"]) == Decimal("2.67")
    assert round_nrr(Decimal("3.125")) == Decimal("3.13")
    assert result.element_indexes["persyaratan"] == Decimal("91.67")


def test_a_single_respondent_is_enough():
    result = compute_ikm([{"waktu": 2}])

    assert result.index == Decimal("50.00")
    assert (result.grade, result.label) == ("D", "Tidak Baik")
    assert len(result.missing_elements) == 8


def test_responses_can_come_from_a_generator():
    result = compute_ikm(response for response in FOUR_RESPONDENTS)

    assert result.index == Decimal("83.33")
    assert result.respondents == 4


def test_the_result_is_frozen():
    result = compute_ikm(FOUR_RESPONDENTS)

    with pytest.raises(AttributeError):
        result.index = Decimal("100.00")  # type: ignore[misc]


# --- Rounding and grade boundaries --------------------------------------------------------


def responses_with_total(respondents: int, total: int) -> list[dict[str, int]]:
    """All nine elements answered by everyone; answers are 4 except enough 3s to hit total."""
    threes = 4 * 9 * respondents - total
    answers = [3] * threes + [4] * (9 * respondents - threes)
    return [
        dict(zip(ELEMENT_KEYS, answers[row * 9 : row * 9 + 9], strict=True))
        for row in range(respondents)
    ]


def test_an_index_of_exactly_88_305_rounds_half_up_to_88_31_sangat_baik():
    # With everyone answering all nine elements the index is 25 x (sum of all answers) /
    # (9 x respondents). 5,000 respondents answering 158,949 in total (21,051 threes, the
    # rest fours): 25 x 158,949 / 45,000 = 3,973,725 / 45,000 = 88.305 exactly. Half-up
    # gives 88.31 (A); binary floats would give round(88.305, 2) == 88.3 (B).
    result = compute_ikm(responses_with_total(5000, 158_949))

    assert result.index == Decimal("88.31")
    assert (result.grade, result.label) == ("A", "Sangat Baik")


def test_an_index_just_below_88_305_rounds_down_to_88_30_baik():
    # One answer fewer: 25 x 158,948 / 45,000 = 88.30444... -> 88.30 (B).
    result = compute_ikm(responses_with_total(5000, 158_948))

    assert result.index == Decimal("88.30")
    assert (result.grade, result.label) == ("B", "Baik")


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (Decimal("100.00"), ("A", "Sangat Baik")),
        (Decimal("88.31"), ("A", "Sangat Baik")),
        (Decimal("88.30"), ("B", "Baik")),
        (Decimal("76.61"), ("B", "Baik")),
        (Decimal("76.60"), ("C", "Kurang Baik")),
        (Decimal("65.00"), ("C", "Kurang Baik")),
        (Decimal("64.99"), ("D", "Tidak Baik")),
        (Decimal("25.00"), ("D", "Tidak Baik")),
        (100, ("A", "Sangat Baik")),
        (65, ("C", "Kurang Baik")),
        (25, ("D", "Tidak Baik")),
    ],
)
def test_grade_for_places_a_rounded_index_in_its_band(index, expected):
    assert grade_for(index) == expected


@pytest.mark.parametrize(
    ("index", "grade"),
    [
        (Decimal("88.305"), "A"),
        (Decimal("88.3049"), "B"),
        (Decimal("76.605"), "B"),
        (Decimal("76.6049"), "C"),
        (Decimal("64.995"), "C"),
        (Decimal("64.9949"), "D"),
    ],
)
def test_grade_for_rounds_an_unrounded_index_half_up_before_grading(index, grade):
    assert grade_for(index)[0] == grade


@pytest.mark.parametrize(
    "index", [Decimal("24.99"), Decimal("100.01"), 0, -50, Decimal("NaN"), Decimal("Infinity")]
)
def test_grade_for_rejects_an_index_outside_25_to_100(index):
    with pytest.raises(InvalidIndex, match="indeks"):
        grade_for(index)


@pytest.mark.parametrize("index", [88.31, "88.31", None, True])
def test_grade_for_accepts_only_decimal_or_int(index):
    with pytest.raises(TypeError, match="Decimal"):
        grade_for(index)


# --- Invalid input ------------------------------------------------------------------------


def test_no_responses_at_all_is_an_error():
    with pytest.raises(NoResponses, match="Belum ada jawaban"):
        compute_ikm([])


def test_an_empty_generator_is_an_error():
    with pytest.raises(NoResponses):
        compute_ikm(iter(()))


@pytest.mark.parametrize("score", [0, 5, -1, 10])
def test_a_score_outside_one_to_four_is_rejected(score):
    responses = [everyone_answers(4), {"waktu": score}]

    with pytest.raises(InvalidResponse, match="responden ke-2") as caught:
        compute_ikm(responses)

    assert "Waktu penyelesaian" in str(caught.value)
    assert "1 sampai 4" in str(caught.value)


@pytest.mark.parametrize("score", ["3", 3.0, Decimal(3), None, True])
def test_a_score_that_is_not_a_plain_integer_is_rejected(score):
    with pytest.raises(InvalidResponse, match="bilangan bulat"):
        compute_ikm([{"biaya": score}])


@pytest.mark.parametrize("key", ["maklumat", "U1", "Persyaratan", 1, None])
def test_an_unknown_element_key_is_rejected(key):
    # "maklumat" was an element under the older PermenPANRB 16/2014; "U1" and 1 are
    # positions, which are never used because sources number the elements differently.
    with pytest.raises(InvalidResponse, match="tidak dikenal"):
        compute_ikm([{key: 4}])


def test_a_respondent_who_answered_nothing_is_rejected():
    with pytest.raises(InvalidResponse, match="kosong"):
        compute_ikm([everyone_answers(3), {}])


def test_a_response_that_is_not_a_mapping_is_rejected():
    with pytest.raises(InvalidResponse, match="responden ke-1"):
        compute_ikm([[4, 4, 4, 4, 4, 4, 4, 4, 4]])  # type: ignore[list-item]


def test_errors_are_value_errors_so_callers_can_catch_them_together():
    for error in (InvalidResponse, NoResponses, InvalidIndex, InvalidPopulation):
        assert issubclass(error, SurveyError)
        assert issubclass(error, ValueError)


# --- Properties ---------------------------------------------------------------------------

scores = st.integers(min_value=1, max_value=4)
answers = dict.fromkeys(ELEMENT_KEYS, scores)
full_responses = st.fixed_dictionaries(answers)
partial_responses = st.fixed_dictionaries({}, optional=answers).filter(bool)
any_responses = st.lists(st.one_of(full_responses, partial_responses), min_size=1, max_size=20)


@given(any_responses)
def test_the_index_always_lies_between_25_and_100_with_two_decimals(responses):
    result = compute_ikm(responses)

    assert Decimal("25.00") <= result.index <= Decimal("100.00")
    assert result.index.as_tuple().exponent == -2
    assert (result.grade, result.label) == grade_for(result.index)
    assert result.respondents == len(responses)


@given(st.data())
def test_raising_any_single_answer_never_lowers_the_index(data):
    responses = data.draw(any_responses)
    row = data.draw(st.integers(min_value=0, max_value=len(responses) - 1))
    key = data.draw(st.sampled_from(sorted(responses[row])))
    raised = data.draw(st.integers(min_value=responses[row][key], max_value=4))
    changed = [dict(response) for response in responses]
    changed[row][key] = raised

    assert compute_ikm(changed).index >= compute_ikm(responses).index


@given(st.data())
def test_the_order_of_the_responses_does_not_matter(data):
    responses = data.draw(any_responses)
    shuffled = data.draw(st.permutations(responses))

    assert compute_ikm(shuffled) == compute_ikm(responses)


@given(st.lists(partial_responses.map(lambda r: dict.fromkeys(r, 4)), min_size=1, max_size=10))
def test_all_fours_give_100_sangat_baik(responses):
    result = compute_ikm(responses)

    assert result.index == Decimal("100.00")
    assert (result.grade, result.label) == ("A", "Sangat Baik")


@given(st.lists(partial_responses.map(lambda r: dict.fromkeys(r, 1)), min_size=1, max_size=10))
def test_all_ones_give_25_tidak_baik(responses):
    result = compute_ikm(responses)

    assert result.index == Decimal("25.00")
    assert (result.grade, result.label) == ("D", "Tidak Baik")


# --- Sample size --------------------------------------------------------------------------

# Rows of the Krejcie & Morgan (1970) table. The formula, rounded to the nearest whole
# number, reproduces every one of them except 100,000 (see the test below).
KREJCIE_MORGAN_TABLE = [
    (10, 10), (15, 14), (20, 19), (25, 24), (30, 28), (35, 32), (40, 36), (45, 40),
    (50, 44), (55, 48), (60, 52), (65, 56), (70, 59), (75, 63), (80, 66), (85, 70),
    (90, 73), (95, 76), (100, 80), (110, 86), (120, 92), (130, 97), (140, 103), (150, 108),
    (160, 113), (170, 118), (180, 123), (190, 127), (200, 132), (210, 136), (220, 140),
    (230, 144), (240, 148), (250, 152), (260, 155), (270, 159), (280, 162), (290, 165),
    (300, 169), (320, 175), (340, 181), (360, 186), (380, 191), (400, 196), (420, 201),
    (440, 205), (460, 210), (480, 214), (500, 217), (550, 226), (600, 234), (650, 242),
    (700, 248), (750, 254), (800, 260), (850, 265), (900, 269), (950, 274), (1000, 278),
    (1100, 285), (1200, 291), (1300, 297), (1400, 302), (1500, 306), (1600, 310),
    (1700, 313), (1800, 317), (1900, 320), (2000, 322), (2200, 327), (2400, 331),
    (2600, 335), (2800, 338), (3000, 341), (3500, 346), (4000, 351), (4500, 354),
    (5000, 357), (6000, 361), (7000, 364), (8000, 367), (9000, 368), (10000, 370),
    (15000, 375), (20000, 377), (30000, 379), (40000, 380), (50000, 381), (75000, 382),
    (1000000, 384),
]  # fmt: skip


@pytest.mark.parametrize(("population", "expected"), KREJCIE_MORGAN_TABLE)
def test_sample_size_reproduces_the_krejcie_morgan_table(population, expected):
    assert sample_size(population) == expected


def test_sample_size_worked_example_for_100_service_users():
    # s = 3.841 x 100 x 0.25 / (0.0025 x 99 + 3.841 x 0.25) = 96.025 / 1.20775 = 79.51 -> 80.
    assert sample_size(100) == 80


def test_sample_size_for_100000_follows_the_formula_not_the_printed_384():
    # 3.841 x 100,000 x 0.25 / (0.0025 x 99,999 + 0.96025) = 96,025 / 250.95775 = 382.63,
    # so 383. Copies of the printed table give 384 on this row, out of step with its own
    # formula and with the rows either side of it.
    assert sample_size(100_000) == 383


def test_sample_size_rounds_to_nearest_as_the_table_does_not_up():
    # 15 users: 14.4 / 0.995 = 14.47 -> 14 (rounding up would ask for 15, i.e. everyone).
    assert sample_size(15) == 14
    # 9,000 users: 368.42 -> 368, the table's figure (rounding up would give 369).
    assert sample_size(9000) == 368


def test_a_population_of_one_needs_one_respondent():
    assert sample_size(1) == 1


@given(st.integers(min_value=1, max_value=10**9))
def test_the_sample_never_exceeds_the_population_or_384(population):
    assert 1 <= sample_size(population) <= min(population, 384)


@given(st.integers(min_value=1, max_value=10**7))
def test_a_larger_population_never_needs_fewer_respondents(population):
    assert sample_size(population + 1) >= sample_size(population)


@pytest.mark.parametrize("population", [0, -1, -1000])
def test_a_population_below_one_is_rejected(population):
    with pytest.raises(InvalidPopulation, match="minimal 1"):
        sample_size(population)


@pytest.mark.parametrize("population", [100.0, "100", None, True, Decimal(100)])
def test_a_population_that_is_not_a_whole_number_is_rejected(population):
    with pytest.raises(InvalidPopulation, match="bilangan bulat"):
        sample_size(population)
