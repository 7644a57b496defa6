"""Reading dates and times the way people type them, in Norwegian or English.

``i dag``, ``i går``, ``tor 14``, ``ti 10:30``, ``25.11``, ``25.11.2026 09:30``, ``+2``, ``-1``,
``today``, ``thu 14``. Everything returns Europe/Oslo time; time itself is always passed in.
Bad input raises :class:`DateParseError` with a translation key, never anything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from tp_tui.clock import OSLO

MIN_YEAR, MAX_YEAR = 2000, 2099
MAX_OFFSET_DAYS = 3660
Prefer = Literal["past", "future", "nearest"]


class DateParseError(ValueError):
    """What was typed is not a date we can use; ``key`` is a translation key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class ParsedWhen:
    day: date
    time: time | None  # None when no time of day was typed


_RELATIVE: dict[str, int] = {
    "i dag": 0, "idag": 0, "today": 0,
    "i går": -1, "igår": -1, "i gar": -1, "igar": -1, "yesterday": -1,
    "i forgårs": -2, "iforgårs": -2, "i forgars": -2, "iforgars": -2,
    "i morgen": 1, "imorgen": 1, "tomorrow": 1,
    "i overmorgen": 2, "overmorgen": 2,
}  # fmt: skip
_NOW_WORDS = {"nå", "na", "now"}
_WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "mandag man ma monday mon mo",
        "tirsdag tir ti tuesday tue tu",
        "onsdag ons on wednesday wed we",
        "torsdag tor to thursday thu th",
        "fredag fre fr friday fri",
        "lørdag lør lø lordag lor saturday sat sa",
        "søndag søn sø sondag son sunday sun su",
    )
):
    for _name in _names.split():
        _WEEKDAYS[_name] = _number

_OFFSET = re.compile(r"^([+-])\s*(\d{1,9})\s*([duw]?)$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?\.?$")
_TIME = re.compile(r"^(?:kl\.?\s*)?(\d{1,2})(?:[:.](\d{2}))?$")
_TIME_COMPACT = re.compile(r"^(?:kl\.?\s*)?(\d{2})(\d{2})$")


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateParseError("date.error.year_range", min=MIN_YEAR, max=MAX_YEAR)


def _make_date(year: int, month: int, day: int) -> date:
    _check_year(year)
    try:
        return date(year, month, day)
    except ValueError:
        raise DateParseError("date.error.no_such_date", day=day, month=month, year=year) from None


def parse_time(text: str) -> time:
    """``14``, ``14:00``, ``14.00``, ``1400``, ``9:30``, ``kl 9`` -> a time of day."""
    match = _TIME.match(text) or _TIME_COMPACT.match(text)
    if not match:
        raise DateParseError("date.error.unknown", text=text[:40])
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise DateParseError("date.error.no_such_time")
    return time(hour, minute)


def _weekday(number: int, today: date, prefer: Prefer) -> date:
    if prefer == "past":
        return today - timedelta(days=(today.weekday() - number) % 7)
    if prefer == "future":
        return today + timedelta(days=(number - today.weekday()) % 7)
    return today - timedelta(days=today.weekday()) + timedelta(days=number)


def _without_year(day: int, month: int, today: date, prefer: Prefer) -> date:
    """The candidate closest to today among last, this and next year; ties by preference."""
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise DateParseError("date.error.no_such_date", day=day, month=month)
    later_wins = prefer != "past"
    best = min(candidates, key=lambda c: (abs((c - today).days), (c < today) == later_wins))
    _check_year(best.year)
    return best


def _offset(sign: str, amount: str, unit: str, today: date) -> date:
    days = int(amount) * (7 if unit in ("u", "w") else 1)
    if days > MAX_OFFSET_DAYS:
        raise DateParseError("date.error.out_of_range")
    result = today + timedelta(days=days if sign == "+" else -days)
    _check_year(result.year)
    return result


def _day_part(text: str, today: date, prefer: Prefer) -> date | None:
    """The date a day expression names, or None when ``text`` is not one."""
    if text in _RELATIVE:
        result = today + timedelta(days=_RELATIVE[text])
        _check_year(result.year)
        return result
    if text in _WEEKDAYS:
        return _weekday(_WEEKDAYS[text], today, prefer)
    if match := _OFFSET.match(text):
        return _offset(match.group(1), match.group(2), match.group(3), today)
    if match := _ISO.match(text):
        return _make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _NUMERIC.match(text):
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        if year is None:
            could_be_time = day <= 23 and month <= 59 and len(match.group(2)) == 2
            if not 1 <= month <= 12 and could_be_time and not text.endswith("."):
                return None  # "14.00" or "9.30": a time of day, not a date
            return _without_year(day, month, today, prefer)
        full_year = 2000 + int(year) if len(year) == 2 else int(year)
        return _make_date(full_year, month, day)
    return None


def _split(text: str, today: date, prefer: Prefer) -> ParsedWhen | None:
    """Try every split of "day part" + "time part" from the left."""
    words = text.split(" ")
    for cut in range(len(words), 0, -1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        day = _day_part(head, today, prefer)
        if day is not None:
            return ParsedWhen(day, parse_time(tail) if tail else None)
    return None


def parse_when(text: str, now: datetime, prefer: Prefer = "nearest") -> ParsedWhen:
    """A day and perhaps a time of day from what was typed.

    A number alone with a colon or dot that cannot be a date (``14.00``, ``9.30``) is a time
    today; ``25.11`` is a date. Weekday names follow ``prefer``: the last one (past), the next
    one (future), or the one in this ISO week (nearest).
    """
    now = now.astimezone(OSLO)
    today = now.date()
    cleaned = " ".join((text or "").casefold().split())
    if not cleaned:
        raise DateParseError("date.error.empty")
    if cleaned in _NOW_WORDS:
        return ParsedWhen(today, now.time().replace(second=0, microsecond=0))
    try:
        parsed = _split(cleaned, today, prefer)
        if parsed is not None:
            return parsed
        if _TIME.match(cleaned) or _TIME_COMPACT.match(cleaned):
            return ParsedWhen(today, parse_time(cleaned))
    except (OverflowError, ValueError) as error:
        if isinstance(error, DateParseError):
            raise
        raise DateParseError("date.error.out_of_range") from None
    raise DateParseError("date.error.unknown", text=" ".join(text.split())[:40])


def parse_date(text: str, today: date, prefer: Prefer = "nearest") -> date:
    """A date without a time of day (intake, stage dates)."""
    now = datetime.combine(today, time(12, 0), OSLO)
    parsed = parse_when(text, now, prefer)
    if parsed.time is not None:
        raise DateParseError("date.error.no_time_here")
    return parsed.day


def to_moment(day: date, at: time) -> datetime:
    """A wall-clock time in Oslo; a time skipped by the spring change does not exist."""
    moment = datetime.combine(day, at, OSLO)
    round_trip = moment.astimezone(UTC).astimezone(OSLO)
    if round_trip.replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise DateParseError("date.error.no_such_time")
    return moment


def parse_datetime(
    text: str, now: datetime, prefer: Prefer = "nearest", default_time: time | None = None
) -> datetime:
    """An aware moment in Oslo. Without a typed time: ``default_time``, else now (today) or noon."""
    now = now.astimezone(OSLO)
    parsed = parse_when(text, now, prefer)
    at = parsed.time
    if at is None:
        if default_time is not None:
            at = default_time
        elif parsed.day == now.date():
            at = now.time().replace(second=0, microsecond=0)
        else:
            at = time(12, 0)
    return to_moment(parsed.day, at)


def iso_week(day: date) -> tuple[int, int]:
    calendar = day.isocalendar()
    return calendar.year, calendar.week


def week_bounds(day: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week ``day`` is in."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)
