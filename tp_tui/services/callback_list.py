"""The week's callback list: calls still owed, overdue first, then Monday to Sunday.

This is the data behind the printed sheet (``tp callbacks --week``); the renderers in
:mod:`tp_tui.export.callback_list` turn it into text, HTML, PDF or iCalendar.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from peewee import JOIN

from tp_tui.clock import OSLO
from tp_tui.dates import MAX_YEAR, MIN_YEAR, DateParseError, iso_week
from tp_tui.folding import initials as name_initials
from tp_tui.models import Callback, Participant
from tp_tui.phone import format_phone
from tp_tui.services.calendar_uid import callback_uid, database_seed
from tp_tui.services.moments import day_bounds, is_overdue
from tp_tui.text import one_line


class WeekError(DateParseError):
    """A week that cannot be read or does not exist; ``key`` is a translation key."""


@dataclass(frozen=True)
class ListLine:
    """One call owed, ready to print: every string is cleaned and on one line."""

    callback_id: int
    who: str  # the name, or its initials ("KN") when asked
    phone: str  # formatted for reading ("912 34 567"), "" when unknown
    reason: str
    due_at: datetime  # aware, Europe/Oslo
    overdue: bool  # not returned by its due time, as of ``generated_at``
    received_at: datetime
    uid: str = ""  # its calendar identity (services/calendar_uid.py)


@dataclass(frozen=True)
class ListDay:
    day: date
    lines: tuple[ListLine, ...]


@dataclass(frozen=True)
class CallbackWeek:
    """An ISO week's sheet: what is already late, then each day Monday to Sunday."""

    iso_year: int
    week: int
    monday: date
    sunday: date
    overdue: tuple[ListLine, ...]  # oldest first
    days: tuple[ListDay, ...]  # all seven, possibly empty
    generated_at: datetime
    owner: str = ""  # whose calls, on a team's database; "" when the list is everyone's
    # A week ahead: calls owed before its Monday that are not yet due now, so not "overdue".
    before_week: tuple[ListLine, ...] = ()


def weeks_in_year(iso_year: int) -> int:
    """52 or 53: 28 December is always in the last ISO week of its year."""
    return date(iso_year, 12, 28).isocalendar().week


# "48", "w48", "uke 48", "veke 48" (nynorsk), "week 48"; "2026-W48", "2026-w48", "2026W48",
# "2026-48", "2026 48".
_WEEK = re.compile(r"(?:(?:uke|veke|week|w|u|v) ?)?(\d{1,2})", re.ASCII)
_HALF_YEAR_DAYS = 27 * 7
_YEAR_WEEK = re.compile(r"(\d{4})(?:-?w|-| )(\d{1,2})", re.ASCII)


def _nearest_year(week: int, today: date) -> int:
    """The ISO year whose week ``week`` lies within half a year of today, nearest first.

    A tie goes to the later year. Without one (week 53 far from any year that has it), the
    current ISO year, where the week then does not exist.
    """
    this_year, _ = iso_week(today)
    this_monday = today - timedelta(days=today.weekday())

    def distance(year: int) -> int:
        return abs((date.fromisocalendar(year, week, 1) - this_monday).days)

    candidates = [
        year
        for year in (this_year - 1, this_year, this_year + 1)
        if week <= weeks_in_year(year) and distance(year) <= _HALF_YEAR_DAYS
    ]
    if not candidates:
        return this_year
    return min(candidates, key=lambda year: (distance(year), -year))


def parse_week(text: str | None, today: date, next_week: bool = False) -> tuple[int, int]:
    """ISO year and week from what was typed; nothing typed means the week ``today`` is in.

    A week number alone means the week with that number nearest today (in late November,
    "2" is January next year). ``next_week`` moves one week on from the week named.

    Raises:
        WeekError: ``callback_list.error.week_format`` (with ``text``) when it is not a week,
            ``callback_list.error.no_such_week`` (with ``week``, ``year``, ``weeks``) for week 0,
            54, or 53 in a year with 52, ``date.error.year_range`` (``min``, ``max``).
    """
    cleaned = " ".join(unicodedata.normalize("NFC", text or "").casefold().split())
    if not cleaned:
        year, week = iso_week(today)
    else:
        match = _YEAR_WEEK.fullmatch(cleaned) or _WEEK.fullmatch(cleaned)
        if match is None:
            raise WeekError("callback_list.error.week_format", text=one_line(text))
        week = int(match.groups()[-1])
        if match.re is _YEAR_WEEK:
            year = int(match.group(1))
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise WeekError("date.error.year_range", min=MIN_YEAR, max=MAX_YEAR)
        elif 1 <= week <= 53:
            year = _nearest_year(week, today)
        else:
            year = iso_week(today)[0]
        if not 1 <= week <= weeks_in_year(year):
            raise WeekError(
                "callback_list.error.no_such_week", week=week, year=year, weeks=weeks_in_year(year)
            )
    if next_week:
        year, week = iso_week(date.fromisocalendar(year, week, 1) + timedelta(days=7))
    return year, week


def _who(name: str, initials: bool) -> str:
    name = unicodedata.normalize("NFC", one_line(name))
    return name_initials(name).upper() if initials else name


def _line(callback: Callback, now: datetime, initials: bool, seed: str = "") -> ListLine:
    participant = callback.participant if callback.participant_id else None
    name = participant.name if participant else callback.caller_name
    phone = participant.phone if participant else callback.caller_phone
    return ListLine(
        callback_id=callback.id,
        who=_who(name, initials),
        phone=unicodedata.normalize("NFC", one_line(format_phone(phone))),
        reason=unicodedata.normalize("NFC", one_line(callback.reason)),
        due_at=callback.due_at.astimezone(OSLO),
        overdue=is_overdue(callback.due_at, None, now),
        received_at=callback.received_at.astimezone(OSLO),
        uid=callback_uid(callback.id, callback.created_at, seed),
    )


def list_owner(team: bool) -> int | None:
    """Whose calls a list shows: mine, unless the team's is asked for or the file has one trust
    person (then mine and the team's are the same, and the sheet names no one)."""
    from tp_tui.services.team import is_single_user, my_id

    return None if team or is_single_user() else my_id()


def callback_week(
    iso_year: int, week: int, now: datetime, initials: bool = False, mine: int | None = None
) -> CallbackWeek:
    """Open calls for an ISO week, as of ``now``; with ``mine``, those that trust person owes.

    The overdue block holds the open calls due before the week's Monday, or before ``now`` when
    ``now`` falls in the week; the days hold the rest of the week's calls, each call once.
    A week in the future therefore carries everything still owed from before it: what is late
    now under overdue, what falls due between now and its Monday in ``before_week``.
    """
    monday = date.fromisocalendar(iso_year, week, 1)
    sunday = monday + timedelta(days=6)
    week_start, _ = day_bounds(monday)
    _, week_end = day_bounds(sunday)
    # Compared in UTC, as is_overdue does: two Oslo times compare by the wall clock, which is
    # wrong in the hour that happens twice when summer time ends. The database compares UTC text.
    now_utc = now.astimezone(UTC)
    in_week = week_start.astimezone(UTC) <= now_utc < week_end.astimezone(UTC)
    cutoff = now_utc if in_week else week_start.astimezone(UTC)
    query = (
        Callback.select(Callback, Participant.id, Participant.name, Participant.phone)
        .join(Participant, JOIN.LEFT_OUTER)
        .where(Callback.done_at.is_null() & (Callback.due_at < week_end))
        .order_by(Callback.due_at, Callback.id)
    )
    owner = ""
    if mine is not None:
        from tp_tui.services.callbacks import owed_by
        from tp_tui.services.team import trust_person_name

        query = query.where(owed_by(mine))
        owner = one_line(trust_person_name(mine))
    overdue: list[ListLine] = []
    before_week: list[ListLine] = []
    by_day: dict[date, list[ListLine]] = {monday + timedelta(days=n): [] for n in range(7)}
    seed = database_seed()
    for callback in query:
        line = _line(callback, now, initials, seed)
        if line.due_at.astimezone(UTC) < cutoff:
            (overdue if line.overdue else before_week).append(line)
        else:
            by_day[line.due_at.date()].append(line)
    return CallbackWeek(
        iso_year=iso_year,
        week=week,
        monday=monday,
        sunday=sunday,
        overdue=tuple(overdue),
        days=tuple(ListDay(day, tuple(lines)) for day, lines in by_day.items()),
        generated_at=now.astimezone(OSLO),
        owner=owner,
        before_week=tuple(before_week),
    )
