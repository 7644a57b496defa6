"""Which days a statistics view covers: the usual periods of a report, or any from–to."""

from __future__ import annotations

from datetime import date, timedelta

from tp_tui.dates import DateParseError, parse_date
from tp_tui.services.validation import FieldError, ValidationFailed

PRESETS = ("month", "year", "last_year")


def preset(name: str, today: date) -> tuple[date, date]:
    """This month or this year so far (up to today), or the whole of last year."""
    if name == "month":
        return today.replace(day=1), today
    if name == "year":
        return date(today.year, 1, 1), today
    if name == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    raise ValueError(name)


def which_preset(start: date, end: date, today: date) -> str | None:
    """The preset these days are, if any, so a view can name the period in words."""
    for name in PRESETS:
        if preset(name, today) == (start, end):
            return name
    return None


def parse_period(start_text: str, end_text: str, today: date) -> tuple[date, date]:
    """From–to as typed ("1.1", "30.6.2026", "i dag"); an empty end means today.

    Raises:
        ValidationFailed: with a message for "start" and/or "end".
    """
    errors: dict[str, FieldError] = {}
    days: dict[str, date] = {}
    for name, text in (("start", start_text), ("end", end_text or "")):
        if not text.strip():
            if name == "start":
                errors[name] = FieldError("period.error.start_needed")
            else:
                days[name] = today
            continue
        try:
            days[name] = parse_date(text, today, "latest_past")
        except DateParseError as error:
            errors[name] = FieldError(error.key, dict(error.params))
    if not errors and days["start"] > days["end"]:
        errors["end"] = FieldError("period.error.order")
    if not errors and days["end"] - days["start"] > timedelta(days=366 * 10):
        errors["start"] = FieldError("period.error.too_long")
    if errors:
        raise ValidationFailed(errors)
    return days["start"], days["end"]
