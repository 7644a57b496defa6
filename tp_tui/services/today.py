"""What the Today screen and ``tp today`` show: calls owed, today's contacts, who to not let go."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import cast

from peewee import SQL, fn

from tp_tui.clock import OSLO
from tp_tui.dates import week_bounds
from tp_tui.domain import ParticipantStatus
from tp_tui.models import Contact, MeetingPlace, Participant, RoundVisit
from tp_tui.services.callbacks import CallbackLine, due_callbacks
from tp_tui.services.consent import Expiring, expiring_soon
from tp_tui.services.moments import day_bounds
from tp_tui.settings import Settings


@dataclass(frozen=True)
class ContactToday:
    id: int
    participant_id: int
    name: str
    at: datetime
    kind: str
    note: str


@dataclass(frozen=True)
class NotHeardFrom:
    participant_id: int
    name: str
    phone: str | None
    last_contact: datetime | None
    days: int | None


@dataclass(frozen=True)
class RoundStatus:
    place_id: int
    place: str
    planned_on: date
    visited: bool
    missing_after_planned: bool


@dataclass(frozen=True)
class TodayOverview:
    day: date
    callbacks: tuple[CallbackLine, ...]
    contacts: tuple[ContactToday, ...]
    not_heard_from: tuple[NotHeardFrom, ...]
    rounds: tuple[RoundStatus, ...]
    consents_ending: tuple[Expiring, ...] = ()
    """Consents in force that end within ``Settings.consent_warning_days``: to renew in time."""


def contacts_today(
    now: datetime, limit: int | None = None, offset: int = 0, mine: int | None = None
) -> tuple[ContactToday, ...]:
    """Contacts logged for today, in time order; ``limit`` and ``offset`` give one page; with
    ``mine``, those that trust person logged (and those logged before anyone was recorded)."""
    start, end = day_bounds(now.date())
    condition = (Contact.at >= start) & (Contact.at < end)
    if mine is not None:
        condition &= (Contact.logged_by == mine) | Contact.logged_by.is_null()
    query = (
        Contact.select(
            Contact.id, Contact.at, Contact.kind, Contact.note, Participant.id, Participant.name
        )
        .join(Participant)
        .where(condition)
        .order_by(Contact.at, Contact.id)
    )
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return tuple(
        ContactToday(c.id, c.participant.id, c.participant.name, c.at, c.kind, c.note)
        for c in query
    )


def not_heard_from(
    now: datetime, days: int, limit: int | None = None, offset: int = 0, mine: int | None = None
) -> tuple[NotHeardFrom, ...]:
    """Active participants with no contact for ``days`` days or more ("do not let go").

    Longest silence first (never heard from at the top); ``limit`` and ``offset`` give one page
    of that order, for a list that loads as it is scrolled.

    The last contact is a correlated ``(SELECT MAX(at) …)`` per participant: one step down the
    contact (participant_id, at) index each, for the few hundred people the programme works
    with, found through participant (status, archived_at). A LEFT JOIN … GROUP BY instead reads
    every participant that is not archived.
    """
    # The aggregate is compared as stored text, so the limit is converted the same way; no
    # contact at all is '' (before any date), so "never" comes first as NULL would.
    limit_at = Contact.at.db_value(now - timedelta(days=days))
    latest = Contact.alias("latest")
    last = fn.COALESCE(
        latest.select(fn.MAX(latest.at)).where(latest.participant == Participant.id), ""
    )
    statuses = [ParticipantStatus.ACTIVE.value, ParticipantStatus.PAUSED.value]
    condition = Participant.status.in_(statuses) & Participant.archived_at.is_null()
    if mine is not None:
        # With ``mine``: the trust person's own participants, and those nobody is responsible for.
        condition &= (Participant.responsible == mine) | Participant.responsible.is_null()
    query = (
        Participant.select(Participant.id, Participant.name, Participant.phone, last.alias("last"))
        .where(condition & (last < limit_at))
        # By the output column: the subquery is not run again per row to sort.
        .order_by(SQL('"last"'), Participant.id)
    )
    if limit is not None:
        query = query.limit(limit).offset(offset)
    rows = cast(Iterable[tuple[int, str, str | None, str]], query.tuples())
    result = []
    for participant_id, name, phone, stored in rows:
        last_at = Contact.at.python_value(stored) if stored else None
        gap = (now.date() - last_at.date()).days if last_at else None
        result.append(NotHeardFrom(participant_id, name, phone, last_at, gap))
    return tuple(result)


def week_rounds(now: datetime) -> tuple[RoundStatus, ...]:
    """This week's planned meeting-place rounds and whether each has been logged."""
    monday, sunday = week_bounds(now.date())
    visits = cast(
        Iterable[tuple[int]],
        RoundVisit.select(RoundVisit.place)
        .where(RoundVisit.visited_on.between(monday, sunday))
        .tuples(),
    )
    visited = {place_id for (place_id,) in visits}
    result = []
    for place in MeetingPlace.select().where(MeetingPlace.active).order_by(MeetingPlace.sort_order):
        planned_on = monday + timedelta(days=place.weekday)
        try:
            planned_at = datetime.combine(planned_on, time.fromisoformat(place.start_time), OSLO)
        except ValueError:
            planned_at = datetime.combine(planned_on, time(12, 0), OSLO)
        done = place.id in visited
        late = not done and now > planned_at + timedelta(minutes=place.planned_minutes)
        result.append(RoundStatus(place.id, place.name, planned_on, done, late))
    return tuple(result)


def today_overview(
    now: datetime, settings: Settings, page: int | None = None, mine: int | None = None
) -> TodayOverview:
    """Everything Today shows; with ``page``, only the first ``page`` rows of each list (the
    screen reads the rest as it is scrolled); with ``mine``, one trust person's share of the
    calls, contacts and participants (the rounds are the team's)."""
    return TodayOverview(
        day=now.date(),
        callbacks=due_callbacks(now, page, mine=mine),
        contacts=contacts_today(now, page, mine=mine),
        not_heard_from=not_heard_from(now, settings.not_heard_days, page, mine=mine),
        rounds=week_rounds(now),
        consents_ending=tuple(
            expiring_soon(now.date(), settings.consent_warning_days, responsible=mine)
        ),
    )
