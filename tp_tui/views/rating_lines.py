"""Each life area's ratings over time as lines of text: the numbers always, a small chart
beside them where the width allows, the oldest left out (marked …) when even the numbers do
not fit. Plain text, so it reads the same at 80×24, in monochrome and in a summary."""

from __future__ import annotations

from tp_tui.domain import LifeArea
from tp_tui.i18n import format_date, t
from tp_tui.services.ratings import RatingPoint, sparkline

GAP = 2


def rating_line(points: tuple[RatingPoint, ...], width: int) -> str:
    """``2→3→4  01.09.2026–20.11.2026  ▄▅▇`` in ``width`` characters, or as much as fits."""
    if not points:
        return "–"
    days = format_date(points[0].on)
    if points[-1].on != points[0].on:
        days += "–" + format_date(points[-1].on)
    shown = list(points)
    while True:
        numbers = "→".join(str(p.rating) for p in shown)
        if len(shown) < len(points):
            numbers = "…→" + numbers
        if len(numbers) + GAP + len(days) <= width or len(shown) == 1:
            break
        shown = shown[1:]
    line = f"{numbers}{' ' * GAP}{days}"
    chart = sparkline(tuple(shown))
    if len(line) + GAP + len(chart) <= width:
        line += " " * GAP + chart
    return line


def rating_lines(history: dict[LifeArea, tuple[RatingPoint, ...]], width: int) -> list[str]:
    """One line per rated life area, labels in one column as wide as the longest."""
    rated = [area for area in LifeArea if history.get(area)]
    if not rated:
        return [t("ratings.none")]
    column = max(len(t(area.label_key)) for area in rated) + GAP
    return [
        t(area.label_key).ljust(column) + rating_line(history[area], max(width - column, 1))
        for area in rated
    ]
