"""Reading dates and times the way people type them, in Norwegian or English.

``i dag``, ``i går``, ``tor 14``, ``ti 10:30``, ``25.11``, ``25.11.2026 09:30``, ``+2``, ``-1u``,
``today``, ``thu 14``; nynorsk as well as bokmål (``i morgon``, ``tysdag``, ``laurdag``), in
every interface language, since colleagues in one office write both. Everything is
Europe/Oslo time, and "now" is always passed in.
Bad input raises :class:`DateParseError` with a translation key, never anything else.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from tp_tui.clock import OSLO

MIN_YEAR, MAX_YEAR = 2000, 2099
MAX_OFFSET_DAYS = 3660
Prefer = Literal["past", "future", "nearest", "latest_past"]


class DateParseError(ValueError):
    """What was typed is not a usable date; ``key`` is a translation key, ``params`` its values."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class ParsedWhen:
    """A day, and the time of day if one was typed."""

    day: date
    time: time | None  # None when the text had no time of day


_RELATIVE: dict[str, int] = {
    "i dag": 0, "idag": 0, "today": 0,
    "i går": -1, "igår": -1, "i gar": -1, "igar": -1, "yesterday": -1,
    "i forgårs": -2, "iforgårs": -2, "i forgars": -2, "iforgars": -2,
    "i førgårs": -2, "iførgårs": -2, "i forgards": -2,
    "i morgen": 1, "imorgen": 1, "tomorrow": 1,
    "i morgon": 1, "imorgon": 1,
    "i overmorgen": 2, "overmorgen": 2,
    "i overmorgon": 2, "overmorgon": 2,
}  # fmt: skip
# "no" is nynorsk for "nå"; in a date field nobody means the English "no".
_NOW_WORDS = frozenset({"nå", "na", "no", "now"})
_WEEKDAYS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "mandag man ma måndag mån må monday mon mo",
            "tirsdag tir ti tysdag tys ty tuesday tue tu",
            "onsdag ons on wednesday wed we",
            "torsdag tor to thursday thu th",
            "fredag fre fr friday fri",
            "lørdag lør lø lordag lor laurdag lau la saturday sat sa",
            "søndag søn sø sondag son sundag sunday sun su",
        )
    )
    for name in names.split()
}
# "neste tysdag" is that day in next week, "forrige/førre fredag" in last week (bokmål and
# nynorsk alike); the field shows which day it understood.
_WEEK_SHIFT: dict[str, int] = {"neste": 1, "forrige": -1, "førre": -1, "forre": -1}

# ASCII only: int() would happily read Arabic-Indic or full-width digits as a date.
# Weeks: u (uke, bokmål), v (veke, nynorsk), w (week).
_OFFSET = re.compile(r"([+-])\s*(\d+)\s*([duvw]?)", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_NUMERIC = re.compile(r"(\d{1,2})([./])(\d{1,2})(?:\2(\d+))?", re.ASCII)
_TIME = re.compile(r"(?:kl\.?\s*)?(\d{1,2})(?:[:.](\d{2}))?", re.ASCII)
_TIME_COMPACT = re.compile(r"(?:kl\.?\s*)?(\d{1,2})(\d{2})", re.ASCII)


def _clean(text: str) -> str:
    """Lower case, single spaces, NFC (macOS types "å" as a + ring), one trailing "." dropped."""
    cleaned = " ".join(unicodedata.normalize("NFC", text or "").casefold().split())
    if cleaned.endswith("."):
        cleaned = cleaned[:-1].rstrip()
    return cleaned


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateParseError("date.error.year_range", min=MIN_YEAR, max=MAX_YEAR)


def _make_date(year: int, month: int, day: int) -> date:
    _check_year(year)
    try:
        return date(year, month, day)
    except ValueError:
        raise DateParseError("date.error.no_such_date", day=day, month=month, year=year) from None


def _parse_time(text: str) -> time | None:
    """``14``, ``14:00``, ``14.00``, ``1400``, ``930``, ``kl. 9.30``; None if not a time."""
    match = _TIME.fullmatch(text) or _TIME_COMPACT.fullmatch(text)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise DateParseError("date.error.no_such_time")
    return time(hour, minute)


def _weekday(number: int, today: date, prefer: Prefer) -> date:
    if prefer in ("past", "latest_past"):
        return today - timedelta(days=(today.weekday() - number) % 7)
    if prefer == "future":
        return today + timedelta(days=(number - today.weekday()) % 7)
    return today + timedelta(days=number - today.weekday())


def _without_year(day: int, month: int, today: date, prefer: Prefer) -> date:
    """The candidate closest to today among last, this and next year; a tie goes by ``prefer``."""
    candidates: list[date] = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise DateParseError("date.error.no_such_date", day=day, month=month)
    if prefer == "latest_past":
        # The start of a report period: "1.1" typed in November is this January, not the next.
        past = [c for c in candidates if c <= today]
        return max(past) if past else min(candidates)
    later_wins = prefer != "past"
    return min(candidates, key=lambda c: (abs((c - today).days), (c < today) == later_wins))


def _offset(sign: str, amount: str, unit: str, today: date) -> date:
    # Length first: int() of thousands of digits is slow and, past 4300, a ValueError.
    if len(amount) > 5:
        raise DateParseError("date.error.out_of_range")
    days = int(amount) * (7 if unit in ("u", "v", "w") else 1)
    if days > MAX_OFFSET_DAYS:
        raise DateParseError("date.error.out_of_range")
    return today + timedelta(days=days if sign == "+" else -days)


def _is_time_of_day(hour: str, separator: str, minute: str) -> bool:
    """``14.00`` and ``9.30`` are times: a dotted pair is a time only when it cannot be a date.

    That is: a dot (not a slash), two digits after it that are not a month (not 01-12), and a
    valid hour and minute. ``25.11`` and ``1.2`` are dates; ``25.13`` stays a (bad) date.
    """
    return (
        separator == "."
        and len(minute) == 2
        and not 1 <= int(minute) <= 12
        and int(hour) <= 23
        and int(minute) <= 59
    )


def _day_part(text: str, today: date, prefer: Prefer) -> date | None:
    """The date a day expression names, or None when ``text`` is not one."""
    word = text[:-1] if text.endswith(".") else text  # "tor. 14", "man."
    if word in _RELATIVE:
        return today + timedelta(days=_RELATIVE[word])
    if word in _WEEKDAYS:
        return _weekday(_WEEKDAYS[word], today, prefer)
    shift, _, weekday = word.partition(" ")
    if shift in _WEEK_SHIFT and weekday in _WEEKDAYS:
        return today + timedelta(days=_WEEKDAYS[weekday] - today.weekday() + 7 * _WEEK_SHIFT[shift])
    if match := _OFFSET.fullmatch(text):
        return _offset(match.group(1), match.group(2), match.group(3), today)
    if match := _ISO.fullmatch(text):
        return _make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _NUMERIC.fullmatch(word):
        day_text, separator, month_text, year_text = match.groups()
        day, month = int(day_text), int(month_text)
        if year_text is None:
            if _is_time_of_day(day_text, separator, month_text):
                return None
            return _without_year(day, month, today, prefer)
        if len(year_text) > 4:
            raise DateParseError("date.error.year_range", min=MIN_YEAR, max=MAX_YEAR)
        year = 2000 + int(year_text) if len(year_text) == 2 else int(year_text)
        return _make_date(year, month, day)
    return None


def _parse(cleaned: str, now: datetime, prefer: Prefer) -> ParsedWhen | None:
    today = now.date()
    if cleaned in _NOW_WORDS:
        return ParsedWhen(today, now.time().replace(second=0, microsecond=0))
    words = cleaned.split(" ")
    # Longest day expression first, so "i morgen 14" is not read as "i" + "morgen 14".
    for cut in range(len(words), 0, -1):
        day = _day_part(" ".join(words[:cut]), today, prefer)
        if day is None:
            continue
        rest = " ".join(words[cut:])
        if not rest:
            return ParsedWhen(day, None)
        at = _parse_time(rest)
        return None if at is None else ParsedWhen(day, at)
    at = _parse_time(cleaned)
    return None if at is None else ParsedWhen(today, at)


def _to_oslo(now: datetime) -> datetime:
    try:
        return now.astimezone(OSLO)
    except (OverflowError, OSError, ValueError):
        raise DateParseError("date.error.out_of_range") from None


def parse_when(text: str, now: datetime, prefer: Prefer = "nearest") -> ParsedWhen:
    """A day and perhaps a time of day from what was typed.

    Forms: relative words, ``+n``/``-n`` days or ``+nu``/``+nv``/``+nw`` weeks, weekday names (also
    "neste tor", "forrige/førre fre": in the next or last ISO week),
    ``d.m[.yy[yy]]``, ``d/m[/yyyy]``, ``yyyy-mm-dd``, each optionally followed by a time
    (``14``, ``14:00``, ``14.00``, ``1400``, ``kl 9.30``); a time alone means today.
    A dotted pair alone is a time only when it cannot be a date (``14.00``, ``9.30``).
    Weekdays follow ``prefer``: the latest one up to today (past), the next one from today
    (future), or the one in this ISO week (nearest). A date without a year is the one closest
    to today within a year either way; a tie goes by ``prefer``.

    Raises:
        DateParseError: for anything else, with a ``date.error.*`` key.
    """
    cleaned = _clean(text)
    if not cleaned:
        raise DateParseError("date.error.empty")
    try:
        parsed = _parse(cleaned, _to_oslo(now), prefer)
    except OverflowError:
        raise DateParseError("date.error.out_of_range") from None
    if parsed is None:
        raise DateParseError("date.error.unknown", text=(text or "").strip())
    _check_year(parsed.day.year)
    return parsed


def parse_date(text: str, today: date, prefer: Prefer = "nearest") -> date:
    """A date without a time of day (intake, stage dates); "nå"/"now" means today.

    Raises:
        DateParseError: as :func:`parse_when`, or ``date.error.no_time_here`` if a time was typed.
    """
    try:
        noon = datetime.combine(today, time(12, 0), OSLO)
    except OverflowError:
        raise DateParseError("date.error.out_of_range") from None
    parsed = parse_when(text, noon, prefer)
    if parsed.time is not None and _clean(text) not in _NOW_WORDS:
        raise DateParseError("date.error.no_time_here")
    return parsed.day


def _moment(day: date, at: time) -> datetime:
    """Wall-clock time in Oslo; a time skipped by the spring change does not exist."""
    moment = datetime.combine(day, at.replace(tzinfo=None), OSLO)
    try:
        round_trip = moment.astimezone(UTC).astimezone(OSLO)
    except OverflowError:
        raise DateParseError("date.error.out_of_range") from None
    if round_trip.replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise DateParseError("date.error.no_such_time")
    return moment


def parse_datetime(
    text: str, now: datetime, prefer: Prefer = "nearest", default_time: time | None = None
) -> datetime:
    """An aware moment in Oslo from what was typed.

    Without a typed time: ``default_time`` if given, else now (to the minute) when the day is
    today, else 12:00. An ambiguous autumn time is the first one (fold=0), except that "now"
    keeps the fold of ``now`` itself.

    Raises:
        DateParseError: as :func:`parse_when`, or ``date.error.no_such_time`` for a time that
            the spring change skips (e.g. 29.03.2026 02:30).
    """
    now = _to_oslo(now)
    parsed = parse_when(text, now, prefer)
    at = parsed.time
    if at is None:
        if default_time is not None:
            at = default_time
        elif parsed.day == now.date():
            at = now.time().replace(second=0, microsecond=0)
        else:
            at = time(12, 0)
    return _moment(parsed.day, at)


def iso_week(d: date) -> tuple[int, int]:
    """ISO year and week number; 01.01.2027 is in week 53 of 2026."""
    calendar = d.isocalendar()
    return calendar.year, calendar.week


def week_bounds(d: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week ``d`` is in."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def weekday_number(text: str) -> int | None:
    """Monday 0 … Sunday 6 from a weekday name or abbreviation (nb, nn or en); None if unknown."""
    return _WEEKDAYS.get(_clean(text))


def time_of_day(text: str) -> time | None:
    """ "11", "11:00", "1130", "kl 9.30" -> a time of day; None when it is not one."""
    try:
        return _parse_time(_clean(text))
    except DateParseError:
        return None
