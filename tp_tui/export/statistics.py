"""The period's statistics as plain text or CSV: counts and codes only, never personal data.

Counts of people from 1 to 4 are shown as "< 5" (:func:`~tp_tui.services.statistics.shown`),
and in a breakdown of a shown total more cells are hidden so that none can be worked out
(:func:`~tp_tui.services.suppression.protect`); counts of contacts, callbacks, rounds and hours
are shown as they are. Every CSV cell goes
through :func:`safe_cell`, so a meeting place called ``=HYPERLINK(…)`` stays text.
"""

from __future__ import annotations

import csv
import io

from tp_tui.domain import PlanStatus
from tp_tui.export.survey_rows import survey_rows
from tp_tui.i18n import format_date, is_norwegian, t
from tp_tui.services.programme_time import TIME_RANGES
from tp_tui.services.statistics import NO_ARENA, SMALL_GROUP, PeriodStats, half_up, shown
from tp_tui.services.suppression import SHOWN, SMALL, Protected, protect
from tp_tui.text import one_line

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Row = tuple[str, str, str]


def safe_cell(value: str) -> str:
    """A cell a spreadsheet will not run: a leading ``'`` before = + - @ tab or CR."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _number(value: float | None, suffix: str = "", decimals: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{half_up(value, decimals):.{decimals}f}"
    return (text.replace(".", ",") if is_norwegian() else text) + suffix


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


def cell_text(protected: Protected, index: int) -> str:
    """One cell of a protected breakdown: the count, "< 5", or "hidden"."""
    state = protected.states[index]
    if state == SHOWN:
        return str(protected.values[index])
    if state == SMALL:
        return shown(protected.values[index])
    return t("stats.hidden")


def _breakdown(labels: list[str], counts: list[int], total: int) -> list[tuple[str, str]]:
    protected = protect(counts, total)
    return [(label, cell_text(protected, i)) for i, label in enumerate(labels)]


def _median(days: int | None, people: int) -> str:
    """The median of 1–4 people would tell one person's time in the programme."""
    if 0 < people < SMALL_GROUP:
        return t("stats.too_few")
    return _number(days, decimals=0)


def _with_plan(plans: Protected, none_index: int, with_plan: int, active: int) -> list[str]:
    """Count and share with a plan: the active minus those without, so hidden with them."""
    state = plans.states[none_index]
    if state not in (SHOWN, SMALL):
        return [t("stats.hidden"), t("stats.hidden")]
    return [part_of(with_plan, active), share_of(with_plan, active)]


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
    reasons = list(p.closed_by_reason)
    ranges = [key for _, key in TIME_RANGES]
    stages = list(p.stage_reached)
    section(
        "stats.section.participants",
        [
            (t("stats.active"), shown(p.active)),
            (t("stats.new"), shown(p.new)),
            (t("stats.closed"), shown(p.closed)),
            *_breakdown(
                [t("stats.closed_because", reason=t(f"closing_reason.{code}")) for code in reasons],
                [p.closed_by_reason[code] for code in reasons],
                p.closed,
            ),
            (t("stats.median_days"), _median(p.median_days_closed, p.closed)),
            (t("stats.in_programme_median"), _median(p.in_programme.median_days, p.active)),
            *_breakdown(
                [t("stats.in_programme", range=t(f"stats.range.{key}")) for key in ranges],
                [p.in_programme.by_range[key] for key in ranges],
                p.active,
            ),
            *_breakdown(
                [t("stats.stage_reached", stage=_stage(s)) for s in stages],
                [p.stage_reached[s] for s in stages],
                p.active,
            ),
        ],
    )
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
    statuses = list(f.plan_status)
    plans = protect([f.plan_status[code] for code in statuses], f.active)
    none_index = statuses.index(PlanStatus.NONE.value)
    with_plan, with_plan_share = _with_plan(plans, none_index, f.with_plan, f.active)
    section(
        "stats.section.follow_up",
        [
            (t("stats.with_group"), part_of(f.with_group, f.active)),
            (t("stats.with_group_share"), share_of(f.with_group, f.active)),
            (t("stats.with_plan"), with_plan),
            (t("stats.with_plan_share"), with_plan_share),
            *[
                (t("stats.plan_status", status=t(f"plan_status.{code}")), cell_text(plans, i))
                for i, code in enumerate(statuses)
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
    section("stats.section.ratings", _rating_rows(stats))
    out.extend(survey_rows(stats.surveys))
    return out


def _rating_rows(stats: PeriodStats) -> list[tuple[str, str]]:
    """Per life area rated on two days or more: better, the same, worse since the first rating,
    hidden as every breakdown of people."""
    items = []
    for change in stats.rating_changes:
        if not change.rated_twice:
            continue
        area = t(change.area.label_key)
        protected = change.protected
        items.append((t("stats.ratings.rated_twice", area=area), shown(change.rated_twice)))
        for index, key in enumerate(("better", "same", "worse")):
            items.append((t(f"stats.ratings.{key}", area=area), cell_text(protected, index)))
    return items


def render_text(stats: PeriodStats) -> str:
    lines = [
        t("stats.title", start=format_date(stats.start), end=format_date(stats.end)),
        t("stats.small_groups"),
        t("stats.overlapping"),
    ]
    current = ""
    table = rows(stats)
    width = min(80, max((len(figure) for _, figure, _ in table), default=0))
    # "too few to show" is wider than any count; other words (survey notes) may run over
    values = max(10, *(len(value) for _, _, value in table if len(value) <= 20))
    for section, figure, value in table:
        if section != current:
            lines += ["", section]
            current = section
        lines.append(f"  {figure:<{width}} {value:>{values}}")
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
