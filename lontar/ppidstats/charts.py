"""Bar charts as plain SVG geometry, drawn on the server (no JavaScript, readable without it:
every chart sits beside the table of the same numbers)."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 480
BAR_HEIGHT = 18
GAP = 6
LABEL_WIDTH = 150


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int


@dataclass(frozen=True)
class Chart:
    title: str
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH
    plot_width: int = WIDTH - LABEL_WIDTH - 40


def bar_chart(title: str, items: list[tuple[str, int]]) -> Chart:
    """Horizontal bars scaled to the largest value (zero-width when every value is zero)."""
    largest = max((value for _label, value in items), default=0)
    plot = WIDTH - LABEL_WIDTH - 40
    bars = [
        Bar(
            label=label,
            value=value,
            y=index * (BAR_HEIGHT + GAP),
            width=round(plot * value / largest) if largest else 0,
        )
        for index, (label, value) in enumerate(items)
    ]
    return Chart(title=title, bars=bars, height=max(1, len(bars)) * (BAR_HEIGHT + GAP))
