"""Pure progress figures: how much of a target or a budget has been realised.

No database here: the inputs are plain numbers (Decimal or None), so the rules are easy to test.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

DISPLAY_CAP = Decimal("100")


@dataclass(frozen=True)
class Quarter:
    number: int
    target: Decimal | None
    realised: Decimal | None

    @property
    def label(self) -> str:
        return ("I", "II", "III", "IV")[self.number - 1]


@dataclass(frozen=True)
class Progress:
    """Percent realised; `percent` is None when there is no target to measure against."""

    realised: Decimal | None
    target: Decimal | None
    percent: Decimal | None

    @property
    def known(self) -> bool:
        return self.percent is not None

    @property
    def bar_percent(self) -> Decimal:
        """The width of a progress bar: 0..100, even when the target was exceeded."""
        if self.percent is None:
            return Decimal("0")
        return max(Decimal("0"), min(self.percent, DISPLAY_CAP))

    @property
    def exceeded(self) -> bool:
        return self.percent is not None and self.percent > DISPLAY_CAP


def percent(realised: Decimal | None, target: Decimal | None) -> Decimal | None:
    """Realised as a percentage of target, one decimal; None when the target is missing or 0."""
    if realised is None or target is None or target == 0:
        return None
    value = Decimal(realised) * 100 / Decimal(target)
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def measure(realised: Decimal | None, target: Decimal | None) -> Progress:
    return Progress(realised=realised, target=target, percent=percent(realised, target))


def yearly_realisation(quarters: list[Decimal | None], *, cumulative: bool) -> Decimal | None:
    """The year's realisation: the sum of the quarters, or the latest reported quarter."""
    reported = [value for value in quarters if value is not None]
    if not reported:
        return None
    return sum(reported, Decimal("0")) if cumulative else reported[-1]


def rupiah(amount: Decimal | None) -> str:
    """Rupiah the Indonesian way: dots between thousands, no cents ("Rp 1.250.000")."""
    if amount is None:
        return "–"
    whole = int(Decimal(amount).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    sign = "-" if whole < 0 else ""
    return f"{sign}Rp {abs(whole):,}".replace(",", ".")


def number(value: Decimal | None) -> str:
    """A quantity with a decimal comma, trailing zeros dropped ("12,5", "100")."""
    if value is None:
        return "–"
    text = f"{Decimal(value).normalize():f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    whole = f"{int(whole):,}".replace(",", ".") if whole.lstrip("-").isdigit() else whole
    return f"{whole},{frac}" if frac else whole
