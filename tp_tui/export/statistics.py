"""The period's statistics as plain text or CSV: counts and codes only, never personal data.

Counts of people from 1 to 4 are shown as "< 5" (:func:`~tp_tui.services.statistics.shown`);
counts of contacts, callbacks, rounds and hours are shown as they are. Every CSV cell goes
through :func:`safe_cell`, so a meeting place called ``=HYPERLINK(…)`` stays text.
"""

from __future__ import annotations

import csv
import io

from tp_tui.export.survey_rows import survey_rows
from tp_tui.i18n import format_date, get_language, t
from tp_tui.services.programme_time import TIME_RANGES
from tp_tui.services.statistics import NO_ARENA, SMALL_GROUP, PeriodStats, shown
from tp_tui.text import one_line

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Row = tuple[str, str, str]


def safe_cell(value: str) -> str:
    """A cell a spreadsheet will not run: a leading ``'`` before = + - @ tab or CR."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _number(value: float | None, suffix: str = "", decimals: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{value:.{decimals}f}"
    return (text.replace(".", ",") if get_language() == "nb" else text) + suffix


def part_of(part: int, whole: int) -> str:
    """A count of people that is part of a shown whole: the rest must not be a small group either.

    40 active and 38 with a group would tell that 2 have none, so 38 shows as "> 35": somewhere
    between 36 and 40, which hides who the few are. Under 5 itself shows as "< 5".
    """
    rest = whole - part
    if whole < SMALL_GROUP or part < SMALL_GROUP or not 0 < rest < SMALL_GROUP:
        return shown(part)
    return f"> {whole - SMALL_GROUP}"


def share_of(part: int, whole: int) -> str:
    """A share of people, suppressed like :func:`part_of` when either side is a small group."""
    if 0 < part < SMALL_GROUP or 0 < whole < SMALL_GROUP:
        return shown(part)
    if 0 < whole - part < SMALL_GROUP:
        return "> " + _number(100 * (whole - SMALL_GROUP) / whole, " %")
    return _number(100 * part / whole if whole else None, " %")


def _stage(number: int) -> str:
    return t(f"stage.{number}") if number else t("stats.no_stage")


def _arena(code: str) -> str:
    return t("stats.no_arena") if code == NO_ARENA else t(f"arena.{code}")


def rows(stats: PeriodStats) -> list[Row]:
    """(section, figure, value) in the report's order, translated."""
    out: list[Row] = []

    def section(key: str, items: list[tuple[str, str]]) -> None:
        out.extend((t(key), label, value) for label, value in items)

    p = stats.participants
    median = _number(p.median_days_closed, decimals=0)
    in_programme = _number(p.in_programme.median_days, decimals=0)
    section(
        "stats.section.participants",
        [
            (t("stats.active"), shown(p.active)),
            (t("stats.new"), shown(p.new)),
            (t("stats.closed"), shown(p.closed)),
            *[
                (t("stats.closed_because", reason=t(f"closing_reason.{code}")),
                 part_of(n, p.closed))
                for code, n in p.closed_by_reason.items()
            ],
            # the median of 1–4 people would tell one person's time in the programme
            (t("stats.median_days"), shown(p.closed) if 0 < p.closed < 5 else median),
            (t("stats.in_programme_median"),
             shown(p.active) if 0 < p.active < 5 else in_programme),
            *[
                (t("stats.in_programme", range=t(f"stats.range.{key}")),
                 part_of(p.in_programme.by_range[key], p.active))
                for _, key in TIME_RANGES
            ],
            *[
                (t("stats.stage_reached", stage=_stage(s)), part_of(n, p.active))
                for s, n in p.stage_reached.items()
            ],
        ],
    )  # fmt: skip
    c = stats.contacts
    section(
        "stats.section.contacts",
        [
            (t("stats.contacts_total"), str(c.total)),
            *[(t("stats.by_kind", kind=t(f"kind.{k}")), str(n)) for k, n in c.by_kind.items()],
            *[
                (t("stats.by_arena", arena=_arena(k)), str(n))
                for k, n in c.by_arena.items()
            ],
            *[
                (t("stats.by_area", area=t(f"life_area.{k}")), str(n))
                for k, n in c.by_life_area.items()
            ],
            (t("stats.accompaniment_hours"), _number(c.accompaniment_minutes / 60)),
            *[
                (t("stats.accompaniment_to", destination=t(f"destination.{k}")), str(n))
                for k, n in c.accompaniments_by_destination.items()
            ],
        ],
    )  # fmt: skip
    b = stats.callbacks
    section(
        "stats.section.callbacks",
        [
            (t("stats.callbacks_total"), str(b.total)),
            (t("stats.callbacks_same_day"), str(b.same_day)),
            (t("stats.callbacks_later"), str(b.later)),
            (t("stats.callbacks_open"), str(b.not_returned)),
            (t("stats.callbacks_share"), _number(b.same_day_share, " %")),
        ],
    )
    places: list[tuple[str, str]] = []
    for place in stats.places:
        name, planned = one_line(place.name), place.planned
        places += [
            (t("stats.rounds", place=name), t("stats.held_of", held=place.held, planned=planned)),
            (t("stats.conversations", place=name), str(place.conversations)),
            (t("stats.new_people", place=name), shown(place.new_people)),
        ]  # fmt: skip
    section("stats.section.places", places)
    f = stats.follow_up
    section(
        "stats.section.follow_up",
        [
            (t("stats.with_group"), part_of(f.with_group, f.active)),
            (t("stats.with_group_share"), share_of(f.with_group, f.active)),
            (t("stats.with_plan"), part_of(f.with_plan, f.active)),
            (t("stats.with_plan_share"), share_of(f.with_plan, f.active)),
            *[
                (t("stats.plan_status", status=t(f"plan_status.{k}")), part_of(n, f.active))
                for k, n in f.plan_status.items()
            ],
        ],
    )
    section(
        "stats.section.goals",
        [
            (t("stats.goal_reached", area=t(f"life_area.{k}")), shown(n))
            for k, n in stats.goals_reached.items()
        ],
    )
    out.extend(survey_rows(stats.surveys))
    return out


def render_text(stats: PeriodStats) -> str:
    lines = [
        t("stats.title", start=format_date(stats.start), end=format_date(stats.end)),
        t("stats.small_groups"),
    ]
    current = ""
    table = rows(stats)
    width = min(80, max((len(figure) for _, figure, _ in table), default=0))
    for section, figure, value in table:
        if section != current:
            lines += ["", section]
            current = section
        lines.append(f"  {figure:<{width}} {value:>10}")
    return "\n".join(lines) + "\n"


def render_csv(stats: PeriodStats, delimiter: str = ";") -> str:
    """Rows "section;figure;value" with a heading row; the caller adds the BOM when writing."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    header = (t("stats.csv.section"), t("stats.csv.figure"), t("stats.csv.value"))
    period = (t("stats.csv.period"), format_date(stats.start), format_date(stats.end))
    for row in (header, period, *rows(stats)):
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()
