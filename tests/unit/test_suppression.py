"""Small groups in the statistics cannot be worked out by subtraction, in any breakdown.

Each table is checked by :mod:`.disclosure`: a reader who knows the rule, tries every
subtraction of shown cells from the total and every value a hidden cell could hold.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tp_tui.export.statistics import rows
from tp_tui.services import statistics as st
from tp_tui.services.programme_time import TimeInProgramme
from tp_tui.services.suppression import GUARD, SHOWN, SMALL, WITHHELD, protect

from .disclosure import reader_ranges, subtractions, worked_out

HIDDEN = "hidden"


def shown_as(values: list[int], total: int | None = None) -> list[str]:
    protected = protect(values, total)
    texts = {SMALL: "< 5", GUARD: HIDDEN, WITHHELD: HIDDEN}
    return [
        str(value) if state == SHOWN else texts[state]
        for value, state in zip(protected.values, protected.states, strict=True)
    ]


def assert_safe(cells: list[str], total: int) -> None:
    assert subtractions(cells, total) == {}, cells
    assert worked_out(reader_ranges(cells, total, HIDDEN), total) == {}, cells


def test_the_checker_finds_what_the_issue_found() -> None:
    # 1.10–30.11: 14 active, stage 6 "< 5", but 14 - 5 - 6 = 3
    assert subtractions(["0", "5", "6", "< 5"], 14) == {3: 3}
    # two cells "< 5" that add up to 2 can only be 1 and 1
    assert worked_out(reader_ranges(["< 5", "< 5", "6"], 8, HIDDEN), 8) == {0: 1, 1: 1}
    # a guard beside one "< 5" of 6 people: 1 and 5 is the only way to make 6
    assert worked_out(reader_ranges(["< 5", HIDDEN], 6, HIDDEN), 6) == {0: 1, 1: 5}


def test_a_small_cell_gets_the_next_smallest_hidden_beside_it() -> None:
    assert shown_as([0, 5, 6, 3], 14) == ["0", HIDDEN, "6", "< 5"]
    assert_safe(shown_as([0, 5, 6, 3], 14), 14)
    assert shown_as([6, 5, 3]) == ["6", HIDDEN, "< 5"]  # 3-6 months: 14 - 6 - 5 = 3
    assert shown_as([20, 9, 7, 0]) == ["20", "9", "7", "0"]  # nothing small: nothing hidden


def test_two_small_cells_that_tell_each_other_get_a_guard() -> None:
    cells = shown_as([1, 1, 6])
    assert cells == ["< 5", "< 5", HIDDEN]
    assert_safe(cells, 8)


def test_a_breakdown_that_cannot_be_kept_apart_shows_nothing() -> None:
    assert shown_as([1, 5]) == [HIDDEN, HIDDEN]
    assert shown_as([5, 0, 1, 1, 0, 0, 1]) == [HIDDEN] * 7
    assert shown_as([0, 3, 0]) == [HIDDEN] * 3  # 3 people: not even the 0s
    assert_safe(shown_as([1, 5]), 6)


def test_every_breakdown_up_to_a_few_cells_is_safe() -> None:
    """Every way to split up to 16 people into 2–4 cells, and random larger ones."""
    tables: list[list[int]] = []
    for size in (2, 3, 4):
        for total in range(0, 17):
            tables += _splits(total, size)
    generator = random.Random(19)
    for _ in range(400):
        size = generator.randint(5, 7)
        tables.append([generator.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 14]) for _ in range(size)])
    for values in tables:
        total = sum(values)
        assert_safe(shown_as(values), total)


def _splits(total: int, size: int) -> list[list[int]]:
    if size == 1:
        return [[total]]
    return [
        [first, *rest] for first in range(total + 1) for rest in _splits(total - first, size - 1)
    ]


def test_no_more_is_hidden_than_needed() -> None:
    # a guard is hidden only beside a small cell, and a big table loses only a little
    assert shown_as([30, 12, 8, 5, 2]) == ["30", "12", "8", HIDDEN, "< 5"]
    assert shown_as([30, 12, 8, 0, 0]) == ["30", "12", "8", "0", "0"]


# -- the report's tables ---------------------------------------------------------------------


def _block(table: list[tuple[str, str, str]], start: str) -> list[str]:
    return [value for _, figure, value in table if figure.startswith(start)]


@pytest.fixture
def november(db_path: Path) -> st.PeriodStats:
    """The figures of the issue: 14 active on 1.10–30.11, 5 and 6 in two stages, 3 closed."""
    stats = st.period_stats(date(2026, 10, 1), date(2026, 11, 30))
    participants = replace(
        stats.participants,
        active=14,
        new=6,
        closed=3,
        closed_by_reason={"others_take_over": 0, "masters_own_life": 3, "no_more_help": 0,
                          "other": 0},
        median_days_closed=40,
        in_programme=TimeInProgramme(120, {"under_3_months": 6, "3_6_months": 3,
                                           "6_12_months": 5, "1_2_years": 0, "over_2_years": 0}),
        stage_reached={0: 0, 1: 0, 2: 0, 3: 0, 4: 5, 5: 6, 6: 3},
    )  # fmt: skip
    follow_up = replace(
        stats.follow_up,
        active=14,
        with_group=12,
        with_plan=11,
        plan_status={"none": 3, "draft": 5, "offered": 0, "accepted": 6, "declined": 0,
                     "handed_over": 0, "active": 0},
    )  # fmt: skip
    return replace(stats, participants=participants, follow_up=follow_up)


def test_no_hidden_count_in_the_report_can_be_worked_out(november: st.PeriodStats) -> None:
    table = rows(november)
    stage = _block(table, "Stage reached")
    assert stage == ["0", "0", "0", "0", HIDDEN, "6", "< 5"]
    in_programme = _block(table, "Time in the programme:")
    assert in_programme == ["6", "< 5", HIDDEN, "0", "0"]  # 3-6 months: 14 - 6 - 5 = 3
    plan = _block(table, "Individual plan:")
    assert len(plan) == 7
    for cells in (stage, in_programme, plan):
        assert_safe(cells, 14)
    assert _block(table, "Closed:") == [HIDDEN] * 4  # 3 closed: no reason is theirs alone
    # "with a plan" is the active minus those without: hidden with them, never exact
    with_plan = _block(table, "Participants with an individual plan")
    assert with_plan[0] == "> 9"
    assert plan[0] == "< 5" and plan[1] == HIDDEN  # draft hidden beside "not started"
    low = 14 - int(with_plan[0].removeprefix("> ")) - 1  # "> 9": at most 4 without a plan
    ranges = reader_ranges(plan, 14, HIDDEN)
    ranges[0] = range(max(1, ranges[0].start), low + 1)
    assert worked_out(ranges, 14) == {}


def test_a_hidden_median_says_too_few(november: st.PeriodStats) -> None:
    table = {figure: value for _, figure, value in rows(november)}
    assert table["Days in the programme, median for those closed"] == "too few to show"
    assert table["Days in the programme by the end of the period, median of all active"] == "120"


def test_hours_and_shares_round_half_up() -> None:
    from tp_tui.export.statistics import _number

    assert _number(135 / 60) == "2.3"  # 2.25 hours
    assert _number(0.05) == "0.1"
    assert st.share(1, 8) == 12.5 and st.share(9, 80) == 11.3  # 11.25 %
    assert st.half_up(2.675, 2) == 2.68
