"""The Thursday rounds: visits to the meeting places, week by week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from tp_tui.clock import OSLO, Clock
from tp_tui.dates import DateParseError, parse_date, time_of_day, week_bounds
from tp_tui.db import write
from tp_tui.domain import LifeArea, areas_to_mask
from tp_tui.models import MeetingPlace, RoundVisit
from tp_tui.services.history import name_change, record_revision
from tp_tui.services.team import current_trust_person_id
from tp_tui.services.validation import FieldError, ValidationFailed
from tp_tui.settings import Settings

MAX_MINUTES = 600
MAX_PEOPLE = 500


@dataclass(frozen=True)
class Place:
    id: int
    name: str
    threshold: str
    weekday: int
    start_time: str
    planned_minutes: int


@dataclass(frozen=True)
class RoundInput:
    """A visit as typed in the form."""

    place_id: int | None
    day: str
    start: str = ""
    minutes: str = ""
    conversations: str = "0"
    new_people: str = "0"
    life_areas: tuple[LifeArea, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class GridCell:
    visited: bool
    minutes: int
    conversations: int
    new_people: int
    planned_on: date
    late: bool  # not visited and the planned time has passed


@dataclass(frozen=True)
class RoundsGrid:
    places: tuple[Place, ...]
    weeks: tuple[date, ...]  # Mondays, oldest first
    cells: dict[tuple[int, date], GridCell]  # (place id, Monday) -> cell


def active_places() -> tuple[Place, ...]:
    return tuple(
        Place(p.id, p.name, p.threshold, p.weekday, p.start_time, p.planned_minutes)
        for p in MeetingPlace.select().where(MeetingPlace.active).order_by(MeetingPlace.sort_order)
    )


def default_place(today: date) -> int | None:
    """The place whose round is today and not yet logged this week (pre-selected in the form)."""
    monday, sunday = week_bounds(today)
    visited = {
        visit.place_id
        for visit in RoundVisit.select(RoundVisit.place).where(
            RoundVisit.visited_on.between(monday, sunday)
        )
    }
    for place in active_places():
        if place.weekday == today.weekday() and place.id not in visited:
            return place.id
    return None


def _count(text: str, field: str, errors: dict[str, FieldError], limit: int) -> int:
    cleaned = text.strip() or "0"
    # ASCII digits only: "²" is a digit to isdigit() but not to int().
    if not (cleaned.isascii() and cleaned.isdigit()) or len(cleaned) > 6 or int(cleaned) > limit:
        errors[field] = FieldError("round.error.count", {"max": limit})
        return 0
    return int(cleaned)


def log_visit(data: RoundInput, clock: Clock) -> RoundVisit:
    """Validate and save one visit to a meeting place."""
    now = clock.now()
    errors: dict[str, FieldError] = {}
    place = MeetingPlace.get_or_none(MeetingPlace.id == data.place_id) if data.place_id else None
    if place is None:
        errors["place"] = FieldError("round.error.place")
    day = now.date()
    try:
        day = parse_date(data.day, now.date(), "past")
        if day > now.date():
            errors["day"] = FieldError("round.error.future")
    except DateParseError as error:
        errors["day"] = FieldError(error.key, dict(error.params))
    start_text = data.start.strip() or (place.start_time if place else "12:00")
    parsed = time_of_day(start_text)
    if parsed is None:
        errors["start"] = FieldError("date.error.no_such_time")
    start = parsed or time(12, 0)
    minutes_text = data.minutes.strip() or str(place.planned_minutes if place else 60)
    minutes = _count(minutes_text, "minutes", errors, MAX_MINUTES)
    conversations = _count(data.conversations, "conversations", errors, MAX_PEOPLE)
    new_people = _count(data.new_people, "new_people", errors, MAX_PEOPLE)
    if errors:
        raise ValidationFailed(errors)
    logged_by = current_trust_person_id(clock)
    with write():
        visit = RoundVisit.create(
            logged_by=logged_by,
            place=place,
            visited_on=day,
            started_at=datetime.combine(day, start, OSLO),
            minutes=minutes,
            conversations=conversations,
            new_people=new_people,
            life_areas=areas_to_mask(data.life_areas),
            note=data.note.strip(),
            created_at=now,
        )
        record_revision(visit, "create", now, None)
    return visit


def rounds_grid(now: datetime, weeks: int = 8, offset: int = 0) -> RoundsGrid:
    """Places × the ``weeks`` ISO weeks ending ``offset`` weeks before the current one."""
    monday, _ = week_bounds(now.date())
    last = monday - timedelta(weeks=offset)
    mondays = tuple(last - timedelta(weeks=n) for n in range(weeks - 1, -1, -1))
    places = active_places()
    visits: dict[tuple[int, date], list[RoundVisit]] = {}
    query = RoundVisit.select().where(
        RoundVisit.visited_on.between(mondays[0], last + timedelta(days=6))
    )
    for visit in query:
        week_monday = visit.visited_on - timedelta(days=visit.visited_on.weekday())
        visits.setdefault((visit.place_id, week_monday), []).append(visit)
    cells: dict[tuple[int, date], GridCell] = {}
    for place in places:
        for week in mondays:
            found = visits.get((place.id, week), [])
            planned_on = week + timedelta(days=place.weekday)
            try:
                planned = datetime.combine(planned_on, time.fromisoformat(place.start_time), OSLO)
            except ValueError:
                planned = datetime.combine(planned_on, time(12, 0), OSLO)
            due = planned + timedelta(minutes=place.planned_minutes)
            cells[(place.id, week)] = GridCell(
                visited=bool(found),
                minutes=sum(v.minutes for v in found),
                conversations=sum(v.conversations for v in found),
                new_people=sum(v.new_people for v in found),
                planned_on=planned_on,
                late=not found and due < now,
            )
    return RoundsGrid(places, mondays, cells)


def register_guest(
    nickname: str, phone: str, reason: str, clock: Clock, settings: Settings
) -> tuple[int, int | None]:
    """A guest who asks for help: a prospective participant under a nickname they chose,
    and a call owed when there is something to follow up. Returns (participant, callback)."""
    from tp_tui.models import Participant
    from tp_tui.services.callbacks import CallbackInput, register_callback
    from tp_tui.services.participants import ParticipantInput, add_participant

    with write():
        guest = add_participant(
            ParticipantInput(
                name=nickname, phone=phone, status="prospective", referral_source="meeting_place"
            ),
            clock,
        )
        Participant.update(name_is_nickname=True).where(Participant.id == guest.id).execute()
        name_change("round.guest")
        callback_id = None
        if reason.strip():
            callback_id = register_callback(CallbackInput(guest.id, reason), clock, settings).id
    return guest.id, callback_id
