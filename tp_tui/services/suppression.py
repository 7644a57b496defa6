"""Hiding small groups of people in a breakdown so that no hidden count can be worked out.

A breakdown splits a total into cells (participants by stage, by closing reason…). Hiding the
cells of 1–4 people is not enough: 14 active, stage 4 "6", stage 5 "5" and stage 6 "< 5" tell
that stage 6 is 3. So a second cell is hidden beside the small one (the next-smallest, as
statistics offices do), and more until every hidden cell could hold several values; when no
cell is left to hide and one could still be worked out (1 and 5 of 6), no cell is shown.
The total stays as it is shown elsewhere, so breakdowns of one total never disagree.

What a reader knows, and what :func:`pinned` assumes: a cell shown as "< 5" holds 1–4, a cell
hidden to guard it holds 5 or more (a guard is never a small cell, and never an empty one),
a withheld cell anything from 0 to the total, and the total is exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

SMALL_GROUP = 5

SHOWN = "shown"
SMALL = "small"
"""1–4 people: shown as "< 5"."""
GUARD = "guard"
"""Hidden although it is not small, so that a small cell cannot be worked out."""
WITHHELD = "withheld"
"""No cell of the breakdown is shown, not even a 0: it is of fewer than 5 people, or hiding
single cells could not keep them from being worked out."""


@dataclass(frozen=True)
class Protected:
    values: tuple[int, ...]
    states: tuple[str, ...]
    """For each cell: :data:`SHOWN`, :data:`SMALL`, :data:`GUARD` or :data:`WITHHELD`."""
    total: int

    def hides(self, index: int) -> bool:
        return self.states[index] != SHOWN

    @property
    def withheld(self) -> bool:
        return WITHHELD in self.states


def bounds(state: str, value: int, total_high: int) -> tuple[int, int]:
    """What a reader can know of a cell from how it is shown."""
    if state == SHOWN:
        return value, value
    if state == SMALL:
        return 1, SMALL_GROUP - 1
    if state == GUARD:
        return SMALL_GROUP, max(SMALL_GROUP, total_high)
    return 0, total_high


def feasible(
    states: Sequence[str], values: Sequence[int], total: tuple[int, int]
) -> list[tuple[int, int]]:
    """For each cell, the lowest and highest value it can hold given what is shown.

    The cells add up to the total and each lies in its :func:`bounds`; sums of whole numbers
    in ranges fill a range, so these bounds are exact.
    """
    low_total, high_total = total
    ranges = [bounds(s, v, high_total) for s, v in zip(states, values, strict=True)]
    all_low = sum(low for low, _ in ranges)
    all_high = sum(high for _, high in ranges)
    found = []
    for low, high in ranges:
        others_low, others_high = all_low - low, all_high - high
        found.append((max(low, low_total - others_high), min(high, high_total - others_low)))
    return found


def pinned(states: Sequence[str], values: Sequence[int], total: tuple[int, int]) -> bool:
    """True when some hidden cell can be worked out exactly."""
    ranges = feasible(states, values, total)
    return any(
        state != SHOWN and low == high for state, (low, high) in zip(states, ranges, strict=True)
    )


def protect(values: Sequence[int], total: int | None = None) -> Protected:
    """How to show a breakdown of people; ``total`` is the sum of ``values`` unless given.

    Cells of 1–4 are hidden; then the smallest shown cell above 0 is hidden too, again until no
    hidden cell can be worked out from the shown ones and the total. A breakdown of 1–4 people,
    or one where that cannot be reached, shows no cell at all.
    """
    cells = tuple(values)
    whole = sum(cells) if total is None else total
    withheld = Protected(cells, (WITHHELD,) * len(cells), whole)
    if 0 < whole < SMALL_GROUP:
        return withheld
    states = [SMALL if 0 < value < SMALL_GROUP else SHOWN for value in cells]
    exact = (whole, whole)
    while pinned(states, cells, exact):
        candidates = [i for i, value in enumerate(cells) if states[i] == SHOWN and value > 0]
        if not candidates:
            return withheld
        states[min(candidates, key=lambda i: (cells[i], i))] = GUARD
    return Protected(cells, tuple(states), whole)
