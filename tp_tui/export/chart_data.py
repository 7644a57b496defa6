"""The report's three charts as plain data, so the terminal, the HTML page and the PDF agree.

A chart is titles, labels and numbers, already translated; nothing here draws. A chart that
counts people never carries a count from 1 to 4: such a value is ``None`` and the chart says it
is :attr:`Chart.masked`. Every renderer shows it as "< 5" and never draws it at its height, so a
bar cannot single anyone out. Contacts are not people: those charts carry their counts as they are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, NamedTuple

from tp_tui.domain import LifeArea, Stage
from tp_tui.i18n import t
from tp_tui.services.statistics import SMALL_GROUP, PeriodStats, shown
from tp_tui.services.statistics_series import WEEKLY_UP_TO_DAYS

Kind = Literal["bars", "stacked", "horizontal"]
"""bars: one series, upright; stacked: several series on top of each other; horizontal: one
series lying down, for long labels (life areas)."""

MASKED_TEXT = shown(1)  # "< 5", the same words as in the tables

# One colour per series, chosen to stay apart when printed in grey (dark to light).
SERIES_COLOURS = ("#2b2d6e", "#2f6fa3", "#2a9d8f", "#8cc063", "#f2c94c")
BAR_COLOUR = "#2f6fa3"
MASKED_COLOUR = "#8a8a8a"


class Series(NamedTuple):
    name: str
    values: tuple[int | None, ...]
    """One value per label; None is a group of 1–4 people, shown as "< 5"."""


@dataclass(frozen=True)
class Chart:
    key: str
    """Stable name: "weeks", "stages" or "areas"."""
    title: str
    unit: str
    """What the values count, for an axis or a legend: contacts or participants."""
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    kind: Kind
    people: bool
    """The values count people, so 1–4 are masked."""

    @property
    def masked(self) -> bool:
        """Some value is hidden and must be shown as "< 5"."""
        return any(value is None for series in self.series for value in series.values)


def mask(count: int, people: bool) -> int | None:
    """A value for a chart: None for a group of 1–4 people, the count otherwise."""
    return None if people and 0 < count < SMALL_GROUP else count


def value_text(value: int | None) -> str:
    return MASKED_TEXT if value is None else str(value)


def colour_of(index: int) -> str:
    return SERIES_COLOURS[index % len(SERIES_COLOURS)]


def ink_on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour`` ("#rrggbb")."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#ffffff"


def tint(colour: str, share: float = 0.5) -> str:
    """``colour`` mixed with white: hatching light enough for "< 5" to be read on top of it."""
    parts = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(part + (255 - part) * share):02x}" for part in parts)


# -- scales, shared by the renderers so the HTML page and the PDF draw the same axis ----------


def axis_ticks(largest: int, most: int = 5, least_step: int = 1) -> tuple[int, ...]:
    """0 and round steps (1, 2, 5 × 10ⁿ, at least ``least_step``) up to at least ``largest``."""
    if largest <= 0:
        return (0, least_step)
    step = 1
    while True:
        for factor in (1, 2, 5):
            size = step * factor
            count = math.ceil(largest / size)
            if size >= least_step and count <= most - 1:
                return tuple(size * n for n in range(count + 1))
        step *= 10


def chart_ticks(chart: Chart) -> tuple[int, ...]:
    """The value axis. A chart of people counts in fives, so no tick reads 1–4 beside a "< 5",
    and reaches 5 at least when something is hidden, so a hidden bar sits under that line."""
    if not chart.people:
        return axis_ticks(highest_shown(chart))
    floor = SMALL_GROUP if chart.masked else 0
    return axis_ticks(max(highest_shown(chart), floor), least_step=SMALL_GROUP)


def highest_shown(chart: Chart) -> int:
    """The tallest bar or stack, counting only the values that are drawn at their height."""
    columns = zip(*(series.values for series in chart.series), strict=True)
    return max((sum(value or 0 for value in column) for column in columns), default=0)


def stack(chart: Chart, index: int) -> tuple[list[tuple[int, int]], list[int]]:
    """What a column is drawn of, bottom up: (series, value) for each shown value above 0, then
    the series whose value is hidden. Shown values come first so they read true on the axis."""
    shown_parts = [(number, value) for number, series in enumerate(chart.series)
                   if (value := series.values[index])]  # fmt: skip
    hidden = [number for number, series in enumerate(chart.series) if series.values[index] is None]
    return shown_parts, hidden


def label_step(count: int, room: int) -> int:
    """Show every n-th label so that at most ``room`` labels are shown."""
    return max(1, math.ceil(count / max(1, room)))


# -- the three charts ----------------------------------------------------------------------


def _short_month(day: date, with_year: bool) -> str:
    name = t(f"report.month_short.{day.month}")
    return f"{name} {day.year}" if with_year else name


def _sample_label(day: date, monthly: bool, with_year: bool) -> str:
    """A month's name for a month's last day in a long period, else the day itself."""
    if monthly and (day + timedelta(days=1)).day == 1:
        return _short_month(day, with_year)
    return day.strftime("%d.%m.%y" if with_year else "%d.%m")


def contacts_per_week(stats: PeriodStats) -> Chart:
    unit = t("report.unit.contacts")
    weeks = stats.contacts_per_week
    return Chart(
        key="weeks",
        title=t("report.chart.weeks"),
        unit=unit,
        labels=tuple(t("report.week", week=week.week) for week in weeks),
        series=(Series(unit, tuple(week.count for week in weeks)),),
        kind="bars",
        people=False,
    )


def stages_over_time(stats: PeriodStats) -> Chart:
    points = stats.stages_over_time
    monthly = (stats.end - stats.start).days > WEEKLY_UP_TO_DAYS
    with_year = stats.start.year != stats.end.year
    stages = [int(stage) for stage in Stage if stage != Stage.CLOSE]
    series = tuple(
        Series(t(f"stage.{n}"), tuple(mask(point.by_stage.get(n, 0), True) for point in points))
        for n in stages
    )
    return Chart(
        key="stages",
        title=t("report.chart.stages"),
        unit=t("report.unit.people"),
        labels=tuple(_sample_label(point.on, monthly, with_year) for point in points),
        series=series,
        kind="stacked",
        people=True,
    )


def life_areas(stats: PeriodStats) -> Chart:
    unit = t("report.unit.contacts")
    counts = stats.contacts.by_life_area
    areas = [area.value for area in LifeArea]
    return Chart(
        key="areas",
        title=t("report.chart.areas"),
        unit=unit,
        labels=tuple(t(f"life_area.{code}") for code in areas),
        series=(Series(unit, tuple(counts.get(code, 0) for code in areas)),),
        kind="horizontal",
        people=False,
    )


def charts(stats: PeriodStats) -> list[Chart]:
    """Contacts per week, participants by stage over time, contacts per life area."""
    return [contacts_per_week(stats), stages_over_time(stats), life_areas(stats)]
