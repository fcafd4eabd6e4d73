"""Plain Indonesian sentences comparing a programme's targets with its realisation in one
quarter: the opening of a draft the writer edits. Pure: numbers in, sentences out."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lontar.programs.progress import number, percent, rupiah

QUARTER_NAMES = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class IndicatorFigures:
    name: str
    measure_unit: str
    target_quarter: Decimal | None
    realised_quarter: Decimal | None
    target_year: Decimal | None
    realised_to_date: Decimal | None


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{number(value)}%"


def indicator_sentence(item: IndicatorFigures, quarter: int) -> str:
    label = f"“{item.name}”"
    unit = f" {item.measure_unit}" if item.measure_unit else ""
    if item.realised_quarter is None:
        name = QUARTER_NAMES[quarter - 1]
        return f"Realisasi indikator {label} pada triwulan {name} belum dilaporkan."
    done = f"{number(item.realised_quarter)}{unit}"
    share = percent(item.realised_quarter, item.target_quarter)
    if item.target_quarter is None or share is None:
        sentence = (
            f"Indikator {label} terealisasi {done} pada triwulan {QUARTER_NAMES[quarter - 1]}."
        )
    else:
        goal = f"{number(item.target_quarter)}{unit}"
        if share >= 100:
            verdict = "melampaui target" if share > 100 else "tepat sesuai target"
        else:
            verdict = "belum mencapai target"
        sentence = (
            f"Indikator {label} terealisasi {done} dari target triwulan {goal} "
            f"({_pct(share)}), {verdict}."
        )
    yearly = percent(item.realised_to_date, item.target_year)
    if yearly is not None:
        sentence += (
            f" Capaian tahun berjalan {number(item.realised_to_date)}{unit} dari target tahunan "
            f"{number(item.target_year)}{unit} ({_pct(yearly)})."
        )
    return sentence


def quarter_sentences(
    program_name: str,
    year: int,
    quarter: int,
    indicators: list[IndicatorFigures],
    budget: Decimal | None = None,
    budget_realised: Decimal | None = None,
) -> list[str]:
    """The opening sentence, one per indicator, and one on the budget when there is one."""
    sentences = [
        f"Berikut capaian {program_name} pada triwulan {QUARTER_NAMES[quarter - 1]} tahun {year}."
    ]
    if not indicators:
        sentences.append("Program ini belum memiliki indikator kinerja.")
    sentences += [indicator_sentence(item, quarter) for item in indicators]
    share = percent(budget_realised, budget)
    if share is not None:
        sentences.append(
            f"Anggaran terserap {rupiah(budget_realised)} dari pagu {rupiah(budget)} "
            f"({_pct(share)})."
        )
    return sentences
