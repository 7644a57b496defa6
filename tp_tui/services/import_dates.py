"""Dates written with slashes in an imported column: day first (25/11/2026) or month first?

A Norwegian types 25.11.2026; a sheet that went through an English Excel holds 11/25/2026. One
column is written one way, so the order is decided for the whole column from all its values:
a value whose first number is over 12 is day first, one whose second is over 12 is month first.
When no value tells and some would read differently either way, the user is asked to choose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

DAY_FIRST = "dmy"
MONTH_FIRST = "mdy"
ORDERS = (DAY_FIRST, MONTH_FIRST)

_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})(/\d{2}|/\d{4})?(\s.*)?", re.ASCII | re.DOTALL)


class DateOrderUnclear(Exception):
    """The column cannot be read without a choice; ``key`` is a translation key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class DateOrder:
    order: str | None
    """:data:`DAY_FIRST`, :data:`MONTH_FIRST`, or None when no value needs one."""
    line: int | None
    """The row whose value decided it; None when it was chosen with ``--date-order``."""
    text: str = ""


def _fits(text: str) -> tuple[bool, bool, bool] | None:
    """(can be day first, can be month first, reads the same either way); None: not slashed."""
    match = _SLASHED.fullmatch(text.strip())
    if match is None:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    day_first = 1 <= first <= 31 and 1 <= second <= 12
    month_first = 1 <= first <= 12 and 1 <= second <= 31
    return day_first, month_first, first == second


def decide_order(column: str, values: Iterable[tuple[int, str]], chosen: str | None) -> DateOrder:
    """The order for one column; ``values`` are (row number, cell text).

    Raises:
        DateOrderUnclear: ``import.date_order.mixed`` when rows disagree, or
            ``import.date_order.unknown`` when every slashed value could be either.
    """
    if chosen is not None:
        return DateOrder(chosen, None)
    day_first: tuple[int, str] | None = None
    month_first: tuple[int, str] | None = None
    either: tuple[int, str] | None = None
    for line, text in values:
        fits = _fits(text)
        if fits is None:
            continue
        can_day, can_month, same = fits
        if can_day and not can_month:
            day_first = day_first or (line, text)
        elif can_month and not can_day:
            month_first = month_first or (line, text)
        elif can_day and not same:
            either = either or (line, text)
    if day_first and month_first:
        raise DateOrderUnclear(
            "import.date_order.mixed",
            column=column,
            day_line=day_first[0],
            day_text=day_first[1],
            month_line=month_first[0],
            month_text=month_first[1],
        )
    if day_first or month_first:
        line, text = day_first or month_first or (0, "")
        return DateOrder(DAY_FIRST if day_first else MONTH_FIRST, line, text)
    if either:
        raise DateOrderUnclear(
            "import.date_order.unknown", column=column, line=either[0], text=either[1]
        )
    return DateOrder(None, None)


def day_first(text: str, order: str | None) -> str:
    """The cell as the date reader takes it (day first); other forms are left as they are."""
    if order != MONTH_FIRST:
        return text
    match = _SLASHED.fullmatch(text.strip())
    if match is None:
        return text
    month, day, year, rest = match.groups()
    return f"{day}/{month}{year or ''}{rest or ''}"
