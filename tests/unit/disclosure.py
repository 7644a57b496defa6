"""A reader with a pencil: what can be worked out of a breakdown as it is shown.

Independent of :mod:`tp_tui.services.suppression` on purpose: it tries every value each hidden
cell could hold, and keeps those for which the other hidden cells can still make up the rest of
the total. A hidden cell with one value left is worked out.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

SMALL_TEXT = "< 5"


def reader_ranges(cells: Sequence[str], total: int, hidden_text: str) -> list[range]:
    """What each cell can be, as a reader sees it: a number; "< 5" is 1–4; a hidden cell beside
    a "< 5" hides 5 or more (it is there to guard it), and when every cell is hidden, any count."""
    guards = any(cell == SMALL_TEXT for cell in cells)
    ranges = []
    for cell in cells:
        if cell == SMALL_TEXT:
            ranges.append(range(1, 5))
        elif cell == hidden_text:
            ranges.append(range(5, total + 1) if guards else range(0, total + 1))
        else:
            ranges.append(range(int(cell), int(cell) + 1))
    return ranges


def _sums(ranges: Sequence[range]) -> set[int]:
    reachable = {0}
    for values in ranges:
        reachable = {s + v for s in reachable for v in values}
    return reachable


def worked_out(ranges: Sequence[range], total: int) -> dict[int, int]:
    """Cells (index -> value) whose value is the only one that fits; shown cells are left out."""
    found = {}
    for index, values in enumerate(ranges):
        if len(values) == 1:
            continue
        others = _sums([r for i, r in enumerate(ranges) if i != index])
        fits = [v for v in values if total - v in others]
        if len(fits) == 1:
            found[index] = fits[0]
    return found


def subtractions(cells: Sequence[str], total: int) -> dict[int, int]:
    """The plain check: the total minus every combination of shown cells; when what is left is
    one hidden cell, that cell is known."""
    shown = [i for i, cell in enumerate(cells) if cell.isdigit()]
    hidden = [i for i in range(len(cells)) if i not in shown]
    found = {}
    for size in range(len(shown) + 1):
        for chosen in combinations(shown, size):
            rest = [i for i in range(len(cells)) if i not in chosen]
            if len(rest) == 1 and rest[0] in hidden:
                found[rest[0]] = total - sum(int(cells[i]) for i in chosen)
    return found
