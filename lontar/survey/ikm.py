"""Indeks Kepuasan Masyarakat (IKM) for the Survei Kepuasan Masyarakat, PermenPANRB 14/2017.

Pure functions, no Django and no database, so the rule can be table-tested on its own and
reused by models, views, reports and management commands alike. The rule, the worked example
and the choices made where the regulation is silent are in docs/domain/skm.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

__all__ = [
    "ELEMENTS",
    "ELEMENTS_BY_KEY",
    "ELEMENT_CHOICES",
    "ELEMENT_KEYS",
    "FORMULA_VERSION",
    "GRADES",
    "MAX_INDEX",
    "MAX_SCORE",
    "MIN_INDEX",
    "MIN_SCORE",
    "Element",
    "IkmResult",
    "InvalidIndex",
    "InvalidPopulation",
    "InvalidResponse",
    "NoResponses",
    "SurveyError",
    "compute_ikm",
    "grade_for",
    "round_nrr",
    "sample_size",
]

# Stored with every published result: if the formula or the grade bands ever change, an old
# result can still be explained (and recomputed) by the rule that produced it.
FORMULA_VERSION = "permenpanrb-14-2017/v1"

MIN_SCORE = 1
MAX_SCORE = 4
# Each element's mean (1..4) is multiplied by 25, so the index runs from 25 to 100.
INDEX_SCALE = 25
MIN_INDEX = Decimal("25.00")
MAX_INDEX = Decimal("100.00")

_TWO_PLACES = Decimal("0.01")
# Fixed rather than the caller's decimal context, so a context changed elsewhere in the
# process cannot change a published figure.
_DECIMAL_CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)


class SurveyError(ValueError):
    """Base class of the errors raised here; messages are in Bahasa Indonesia."""


class InvalidResponse(SurveyError):
    """A response holds an unknown element key or a score outside 1..4."""


class NoResponses(SurveyError):
    """There is nothing to compute an index from."""


class InvalidIndex(SurveyError):
    """An index given to grade_for() is outside 25..100."""


class InvalidPopulation(SurveyError):
    """A population given to sample_size() is not a whole number of at least 1."""


@dataclass(frozen=True)
class Element:
    """One element (unsur) of the survey; options[i] is the wording of score i + 1."""

    key: str
    name: str
    options: tuple[str, str, str, str]

    @property
    def choices(self) -> tuple[tuple[int, str], ...]:
        return tuple(enumerate(self.options, start=MIN_SCORE))


# The order is the one used for display only. Published sources disagree on whether
# complaint handling or facilities is U8, so answers are always stored by key.
ELEMENTS: tuple[Element, ...] = (
    Element(
        "persyaratan",
        "Persyaratan",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    Element(
        "prosedur",
        "Sistem, mekanisme, dan prosedur",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ),
    Element(
        "waktu",
        "Waktu penyelesaian",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ),
    Element(
        "biaya",
        "Biaya/tarif",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ),
    Element(
        "produk",
        "Produk spesifikasi jenis pelayanan",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    Element(
        "kompetensi",
        "Kompetensi pelaksana",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ),
    Element(
        "perilaku",
        "Perilaku pelaksana",
        (
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ),
    ),
    Element(
        "pengaduan",
        "Penanganan pengaduan, saran dan masukan",
        (
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ),
    ),
    Element(
        "sarana",
        "Sarana dan prasarana",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
    ),
)

ELEMENT_KEYS: tuple[str, ...] = tuple(element.key for element in ELEMENTS)
ELEMENTS_BY_KEY: Mapping[str, Element] = {element.key: element for element in ELEMENTS}
# Shaped as Django model/form choices.
ELEMENT_CHOICES: tuple[tuple[str, str], ...] = tuple(
    (element.key, element.name) for element in ELEMENTS
)

# (lowest rounded index, grade, label), best first. The published bands leave gaps such as
# 64.99..65.00; comparing the 2-decimal index with the lower bounds closes them.
GRADES: tuple[tuple[Decimal, str, str], ...] = (
    (Decimal("88.31"), "A", "Sangat Baik"),
    (Decimal("76.61"), "B", "Baik"),
    (Decimal("65.00"), "C", "Kurang Baik"),
    (MIN_INDEX, "D", "Tidak Baik"),
)


@dataclass(frozen=True)
class IkmResult:
    """The outcome of compute_ikm(); element dicts are keyed and ordered like ELEMENTS."""

    element_scores: dict[str, Decimal]
    element_indexes: dict[str, Decimal]
    index: Decimal
    grade: str
    label: str
    respondents: int
    formula_version: str = FORMULA_VERSION

    @property
    def missing_elements(self) -> tuple[str, ...]:
        """Keys of elements no respondent answered, which the index therefore leaves out."""
        return tuple(key for key in ELEMENT_KEYS if key not in self.element_scores)


def compute_ikm(responses: Iterable[Mapping[str, int]]) -> IkmResult:
    """Compute the IKM from responses, each a mapping of element key to a score of 1..4.

    A response may leave elements out. Each element's NRR is the mean over the respondents
    who answered it; the index is the mean of the NRRs of the elements anyone answered
    (weight 1/9 when all nine are present), times 25, rounded half-up to 2 places.
    """
    totals = dict.fromkeys(ELEMENT_KEYS, 0)
    counts = dict.fromkeys(ELEMENT_KEYS, 0)
    respondents = 0
    for position, response in enumerate(responses, start=1):
        _check_response(position, response)
        for key, score in response.items():
            totals[key] += score
            counts[key] += 1
        respondents += 1
    if respondents == 0:
        raise NoResponses("Belum ada jawaban survei, sehingga IKM tidak dapat dihitung.")

    # Exact fractions until the very end: rounding is then decided on the true value (an
    # index of exactly 88.305 must become 88.31), and the order of the responses cannot
    # change the result.
    nrrs = {key: Fraction(totals[key], counts[key]) for key in ELEMENT_KEYS if counts[key]}
    exact_index = sum(nrrs.values(), Fraction(0)) / len(nrrs) * INDEX_SCALE
    index = _round_half_up(exact_index)
    grade, label = grade_for(index)
    return IkmResult(
        element_scores={key: _to_decimal(nrr) for key, nrr in nrrs.items()},
        element_indexes={key: _round_half_up(nrr * INDEX_SCALE) for key, nrr in nrrs.items()},
        index=index,
        grade=grade,
        label=label,
        respondents=respondents,
    )


def grade_for(index: Decimal | int) -> tuple[str, str]:
    """Return (grade, label) for an index on the 25..100 scale.

    The index is rounded half-up to 2 places first, because the bands are defined on the
    published 2-decimal figure. The same bands grade a single element's NRR x 25.
    """
    if isinstance(index, bool) or not isinstance(index, Decimal | int):
        raise TypeError(
            f"Nilai indeks harus berupa Decimal atau bilangan bulat, bukan {type(index).__name__}."
        )
    if isinstance(index, Decimal) and not index.is_finite():
        raise InvalidIndex(f"Nilai indeks {index} tidak sah.")
    rounded = _round_half_up(Fraction(index))
    if not MIN_INDEX <= rounded <= MAX_INDEX:
        raise InvalidIndex(f"Nilai indeks {index} di luar rentang {MIN_INDEX} sampai {MAX_INDEX}.")
    for lowest, grade, label in GRADES:
        if rounded >= lowest:
            return grade, label
    raise AssertionError("unreachable: the last band starts at the minimum index")


def round_nrr(value: Decimal) -> Decimal:
    """Round an element NRR (or any figure) half-up to 2 places, for display only."""
    return value.quantize(_TWO_PLACES, rounding=ROUND_HALF_UP, context=_DECIMAL_CONTEXT)


# Krejcie & Morgan (1970): chi-square for 1 degree of freedom at 95% confidence, the
# proportion that maximises the sample, and a 5% margin of error.
_CHI_SQUARE = Fraction(Decimal("3.841"))
_PROPORTION = Fraction(1, 2)
_MARGIN = Fraction(5, 100)


def sample_size(population: int) -> int:
    """Minimum number of respondents for a population of service users (Krejcie & Morgan).

    s = X2 * N * P(1 - P) / (d2 * (N - 1) + X2 * P(1 - P)), rounded to the nearest whole
    number, half-up, because that is how the published table was built: rounding up would
    ask for one respondent more than the table in about half of its rows (15 -> 15, not 14).
    """
    if isinstance(population, bool) or not isinstance(population, int):
        raise InvalidPopulation(
            f"Jumlah populasi harus bilangan bulat, bukan {type(population).__name__}."
        )
    if population < 1:
        raise InvalidPopulation(f"Jumlah populasi minimal 1, bukan {population}.")
    variance = _PROPORTION * (1 - _PROPORTION)
    exact = (_CHI_SQUARE * population * variance) / (
        _MARGIN**2 * (population - 1) + _CHI_SQUARE * variance
    )
    return int(_round_half_up(exact, places=0))


def _check_response(position: int, response: object) -> None:
    if not isinstance(response, Mapping):
        raise InvalidResponse(
            f"Jawaban responden ke-{position} harus berupa pasangan unsur dan nilai."
        )
    if not response:
        raise InvalidResponse(f"Jawaban responden ke-{position} kosong: tidak ada unsur diisi.")
    for key, score in response.items():
        element = ELEMENTS_BY_KEY.get(key) if isinstance(key, str) else None
        if element is None:
            raise InvalidResponse(
                f"Jawaban responden ke-{position} memuat unsur yang tidak dikenal: {key!r}."
            )
        # bool is an int subclass; True must not pass as a score of 1.
        if isinstance(score, bool) or not isinstance(score, int):
            raise InvalidResponse(
                f"Nilai unsur {element.name} pada responden ke-{position} harus bilangan bulat "
                f"{MIN_SCORE} sampai {MAX_SCORE}, bukan {score!r}."
            )
        if not MIN_SCORE <= score <= MAX_SCORE:
            raise InvalidResponse(
                f"Nilai unsur {element.name} pada responden ke-{position} harus "
                f"{MIN_SCORE} sampai {MAX_SCORE}, bukan {score}."
            )


def _round_half_up(value: Fraction, places: int = 2) -> Decimal:
    # Integer arithmetic on the exact value: a Decimal division would first round to the
    # context precision and could land just below a .005 boundary.
    scale = 10**places
    scaled = value * scale
    whole = (2 * scaled.numerator + scaled.denominator) // (2 * scaled.denominator)
    return Decimal(whole).scaleb(-places, context=_DECIMAL_CONTEXT)


def _to_decimal(value: Fraction) -> Decimal:
    return _DECIMAL_CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))
