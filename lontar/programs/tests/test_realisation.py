"""Targets against realisation in plain sentences: a pure function, no database."""

from decimal import Decimal

from lontar.programs.realisation import IndicatorFigures, quarter_sentences


def _indicator(realised, target="100", year_target="400", to_date=None, unit="orang"):
    return IndicatorFigures(
        name="ASN yang mengikuti pelatihan",
        measure_unit=unit,
        target_quarter=Decimal(target) if target is not None else None,
        realised_quarter=Decimal(realised) if realised is not None else None,
        target_year=Decimal(year_target),
        realised_to_date=Decimal(to_date) if to_date is not None else None,
    )


def test_exceeded_met_and_short_targets_are_said_plainly():
    sentences = quarter_sentences(
        "Program Pengembangan SDM",
        2026,
        2,
        [_indicator("110", to_date="200"), _indicator("100"), _indicator("40")],
        Decimal("1250000000"),
        Decimal("937500000"),
    )
    assert sentences[0] == "Berikut capaian Program Pengembangan SDM pada triwulan II tahun 2026."
    assert sentences[1] == (
        "Indikator “ASN yang mengikuti pelatihan” terealisasi 110 orang dari target triwulan "
        "100 orang (110%), melampaui target. Capaian tahun berjalan 200 orang dari target "
        "tahunan 400 orang (50%)."
    )
    assert sentences[2].endswith("(100%), tepat sesuai target.")
    assert sentences[3].endswith("(40%), belum mencapai target.")
    assert sentences[4] == "Anggaran terserap Rp 937.500.000 dari pagu Rp 1.250.000.000 (75%)."


def test_missing_figures_are_named_not_invented():
    sentences = quarter_sentences("Program X", 2026, 1, [_indicator(None)], None, None)
    assert sentences[1] == (
        "Realisasi indikator “ASN yang mengikuti pelatihan” pada triwulan I belum dilaporkan."
    )
    assert len(sentences) == 2  # no budget sentence without a budget
    assert quarter_sentences("Program Y", 2026, 3, [])[1] == (
        "Program ini belum memiliki indikator kinerja."
    )


def test_decimals_use_a_comma():
    sentences = quarter_sentences("P", 2026, 4, [_indicator("12.5", target="25", unit="persen")])
    assert "12,5 persen dari target triwulan 25 persen (50%)" in sentences[1]
