"""Where a summary's "since" starts when the user gives it: a day that has been, never later."""

from __future__ import annotations

from datetime import date

from tp_tui.dates import DateParseError, parse_date


def parse_since(text: str, today: date) -> date | None:
    """The day typed for "since" (None when nothing was typed: the last group meeting).

    Raises:
        DateParseError: the text is not a date, or the day is later than today.
    """
    if not text.strip():
        return None
    day = parse_date(text, today, "past")
    if day > today:
        raise DateParseError("summary_since.error.future")
    return day
