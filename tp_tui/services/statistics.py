"""Figures for the yearly report: plain functions over the database, one per figure.

Every function takes the period's first and last day (both included) and returns true counts;
hiding small groups of people ("< 5") is a rule of presentation, see :func:`shown`. Nothing here
returns a name, a phone number or a note: only codes, counts and the meeting places' names.

"Active in the period" means intake on or before the last day and not closed before the first.
Every figure is what was true in the period, as of its last day (stage, plan status, group,
goals reached), read from the history (:mod:`~tp_tui.services.as_of`): a report made again
next year gives the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from statistics import median
from typing import Any, cast

from peewee import Case, ModelSelect, fn

from tp_tui.domain import (
    Arena,
    ClosingReason,
    ContactKind,
    Destination,
    LifeArea,
    PlanStatus,
    Stage,
)
from tp_tui.models import (
    Callback,
    Contact,
    GroupMember,
    MeetingPlace,
    Participant,
    RoundVisit,
    StageRecord,
)
from tp_tui.services import as_of
from tp_tui.services.callbacks import returned_same_day
from tp_tui.services.moments import day_bounds
from tp_tui.services.place_history import days_in_use
from tp_tui.services.programme_time import TimeInProgramme, closings, time_in_programme
from tp_tui.services.ratings import AreaChange, rating_changes
from tp_tui.services.statistics_series import (
    StagePoint,
    WeekCount,
    contacts_per_week,
    stages_over_time,
)
from tp_tui.services.surveys import SurveySummary, survey_summary
from tp_tui.settings import Settings
from tp_tui.survey_config import SurveyConfig

SMALL_GROUP = 5
NO_ARENA = "none"


def shown(count: int) -> str:
    """A count of people as it may be shown: 1–4 people become "< 5", so no one is singled out."""
    return f"< {SMALL_GROUP}" if 0 < count < SMALL_GROUP else str(count)


def half_up(value: float, decimals: int = 1) -> float:
    """Rounded as people round: 2.25 -> 2.3, 0.125 at two decimals -> 0.13 (not to even)."""
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(step, ROUND_HALF_UP))


def share(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` in per cent, one decimal; None when there is nothing to divide."""
    return half_up(100 * part / whole) if whole else None


@dataclass(frozen=True)
class ParticipantFigures:
    active: int
    new: int
    closed: int
    closed_by_reason: dict[str, int]
    median_days_closed: int | None
    """Median days from intake (or reopening) to closing, for the closings in the period."""
    in_programme: TimeInProgramme
    """Everyone active in the period: time in the programme by its end."""
    stage_reached: dict[int, int]
    """Active participants by the highest stage reached by the last day; 0: not started."""


@dataclass(frozen=True)
class ContactFigures:
    total: int
    by_kind: dict[str, int]
    by_arena: dict[str, int]
    by_life_area: dict[str, int]
    accompaniment_minutes: int
    accompaniments_by_destination: dict[str, int]


@dataclass(frozen=True)
class CallbackFigures:
    same_day: int
    later: int
    not_returned: int

    @property
    def total(self) -> int:
        return self.same_day + self.later + self.not_returned

    @property
    def same_day_share(self) -> float | None:
        return share(self.same_day, self.total)


@dataclass(frozen=True)
class PlaceFigures:
    name: str
    planned: int
    held: int
    conversations: int
    new_people: int


@dataclass(frozen=True)
class FollowUpFigures:
    active: int
    with_group: int
    with_plan: int
    plan_status: dict[str, int]


@dataclass(frozen=True)
class PeriodStats:
    start: date
    end: date
    participants: ParticipantFigures
    contacts: ContactFigures
    callbacks: CallbackFigures
    places: tuple[PlaceFigures, ...]
    follow_up: FollowUpFigures
    goals_reached: dict[str, int]
    """People who reached at least one goal in each life area during the period."""
    contacts_per_week: tuple[WeekCount, ...]
    stages_over_time: tuple[StagePoint, ...]
    surveys: SurveySummary
    rating_changes: tuple[AreaChange, ...] = ()
    """Per life area, how the latest rating stands to the first (services/ratings.py)."""


def _dicts(query: ModelSelect[Any]) -> list[dict[str, Any]]:
    """Rows as plain dictionaries (foreign keys as ids), typed for the checker."""
    return cast(list[dict[str, Any]], list(query.dicts()))


def active_ids(start: date, end: date) -> list[int]:
    return as_of.active_ids(start, end)


def participant_figures(start: date, end: date, ids: list[int] | None = None) -> ParticipantFigures:
    """``ids``: the period's :func:`active_ids`, when the caller has them already."""
    ids = active_ids(start, end) if ids is None else ids
    new = Participant.select().where(Participant.intake_on.between(start, end)).count()
    closed = closings(start, end)
    by_reason = {reason.value: 0 for reason in ClosingReason}
    for closing in closed:
        by_reason[closing.reason] += 1
    days = [closing.days for closing in closed if closing.days is not None]
    highest: dict[int, int] = {}
    if ids:
        # The highest stage of the latest period begun by the last day: reopened, a
        # participant starts again from stage 1.
        rows = (
            StageRecord.select(
                StageRecord.participant,
                StageRecord.period,
                fn.MAX(StageRecord.stage).alias("top"),
            )
            .where(StageRecord.participant.in_(ids) & (StageRecord.entered_on <= end))
            .group_by(StageRecord.participant, StageRecord.period)
            .order_by(StageRecord.period)
        )
        highest = {row["participant"]: row["top"] for row in _dicts(rows)}
    stages = {0: 0} | {int(stage): 0 for stage in Stage}
    for participant_id in ids:
        stages[highest.get(participant_id, 0)] += 1
    return ParticipantFigures(
        active=len(ids),
        new=new,
        closed=len(closed),
        closed_by_reason=by_reason,
        median_days_closed=round(median(days)) if days else None,
        in_programme=time_in_programme(ids, end),
        stage_reached=stages,
    )


def _counts_by(column: Any, where: Any) -> list[tuple[Any, int]]:
    """(value, number of contacts) for each value of ``column``, counted by the database."""
    query = Contact.select(column, fn.COUNT(Contact.id)).where(where).group_by(column)
    return cast(list[tuple[Any, int]], list(query.tuples()))


def contact_figures(start: date, end: date) -> ContactFigures:
    """Counted in the database, not row by row: a team's year may hold a hundred thousand."""
    first, _ = day_bounds(start)
    _, after = day_bounds(end)
    in_period = (Contact.at >= first) & (Contact.at < after)
    accompanied = in_period & (Contact.kind == ContactKind.ACCOMPANIMENT.value)
    kinds = {kind.value: 0 for kind in ContactKind}
    for code, count in _counts_by(Contact.kind, in_period):
        kinds[code] = kinds.get(code, 0) + count
    arenas = {arena.value: 0 for arena in Arena} | {NO_ARENA: 0}
    for code, count in _counts_by(Contact.arena, in_period):
        arenas[code or NO_ARENA] = arenas.get(code or NO_ARENA, 0) + count
    destinations = {d.value: 0 for d in Destination}
    for code, count in _counts_by(Contact.destination, accompanied):
        where = code or Destination.OTHER.value
        destinations[where] = destinations.get(where, 0) + count
    with_area = [
        fn.SUM(Case(None, [(Contact.life_areas.bin_and(area.bit) != 0, 1)], 0)) for area in LifeArea
    ]
    area_counts = cast(
        tuple[int | None, ...], Contact.select(*with_area).where(in_period).tuples().get()
    )
    areas = {area.value: int(n or 0) for area, n in zip(LifeArea, area_counts, strict=True)}
    minutes = Contact.select(fn.SUM(Contact.duration_minutes)).where(accompanied).scalar() or 0
    return ContactFigures(sum(kinds.values()), kinds, arenas, areas, int(minutes), destinations)


def callback_figures(start: date, end: date) -> CallbackFigures:
    """Calls that came in during the period; a rescheduled call counts once, by its last turn."""
    first, _ = day_bounds(start)
    _, after = day_bounds(end)
    replaced = Callback.select(Callback.rescheduled_from).where(
        Callback.rescheduled_from.is_null(False)
    )
    query = Callback.select(Callback.received_at, Callback.done_at).where(
        (Callback.received_at >= first)
        & (Callback.received_at < after)
        & Callback.id.not_in(replaced)
    )
    same_day = later = open_ = 0
    for callback in query:
        if callback.done_at is None:
            open_ += 1
        elif returned_same_day(callback.received_at, callback.done_at):
            same_day += 1
        else:
            later += 1
    return CallbackFigures(same_day, later, open_)


def planned_rounds(weekday: int, start: date, end: date) -> int:
    """How many times ``weekday`` (Monday 0) falls between start and end, both included."""
    if end < start:
        return 0
    first = start + timedelta(days=(weekday - start.weekday()) % 7)
    return 0 if first > end else (end - first).days // 7 + 1


def place_figures(start: date, end: date) -> tuple[PlaceFigures, ...]:
    """Each meeting place in use in the period or visited: rounds planned on the days it was in
    use, rounds held, conversations, new people."""
    places = []
    for place in MeetingPlace.select().order_by(MeetingPlace.sort_order, MeetingPlace.id):
        visits = list(
            RoundVisit.select().where(
                (RoundVisit.place == place.id) & RoundVisit.visited_on.between(start, end)
            )
        )
        planned = len(days_in_use(place, start, end))
        if not planned and not visits:
            continue
        places.append(
            PlaceFigures(
                name=place.name,
                planned=planned,
                held=len({visit.visited_on for visit in visits}),
                conversations=sum(visit.conversations for visit in visits),
                new_people=sum(visit.new_people for visit in visits),
            )
        )
    return tuple(places)


def follow_up_figures(start: date, end: date, ids: list[int] | None = None) -> FollowUpFigures:
    """Active participants with a responsibility group and with an individual plan (by status),
    as of the period's last day; ``ids``: the period's :func:`active_ids`, when the caller has
    them already."""
    ids = active_ids(start, end) if ids is None else ids
    with_group: set[int] = set()
    plans: dict[int, str] = {}
    if ids:
        members = GroupMember.select(GroupMember.participant).where(
            GroupMember.participant.in_(ids)
            & (GroupMember.joined_on.is_null() | (GroupMember.joined_on <= end))
            & (GroupMember.left_on.is_null() | (GroupMember.left_on >= end))
        )
        with_group = {row["participant"] for row in _dicts(members)}
        plans = as_of.plan_statuses_on(ids, end)
    statuses = {status.value: 0 for status in PlanStatus}
    for participant_id in ids:
        code = plans.get(participant_id, PlanStatus.NONE.value)
        statuses[code] = statuses.get(code, 0) + 1
    with_plan = len(ids) - statuses[PlanStatus.NONE.value]
    return FollowUpFigures(len(ids), len(with_group), with_plan, statuses)


def goals_reached(start: date, end: date) -> dict[str, int]:
    """People who reached a goal in each life area during the period (a person counts once)."""
    people: dict[str, set[int]] = {area.value: set() for area in LifeArea}
    for area, ids in as_of.goal_reachers(start, end).items():
        people.setdefault(area, set()).update(ids)
    return {area: len(ids) for area, ids in people.items()}


def period_stats(
    start: date, end: date, survey_config: Settings | SurveyConfig | None = None
) -> PeriodStats:
    """Every figure for the period; the surveys' questions come from the settings."""
    active = active_ids(start, end)  # read once: two sections count the same people
    return PeriodStats(
        start=start,
        end=end,
        participants=participant_figures(start, end, active),
        contacts=contact_figures(start, end),
        callbacks=callback_figures(start, end),
        places=place_figures(start, end),
        follow_up=follow_up_figures(start, end, active),
        goals_reached=goals_reached(start, end),
        contacts_per_week=tuple(contacts_per_week(start, end)),
        stages_over_time=tuple(stages_over_time(start, end)),
        surveys=survey_summary(start, end, survey_config),
        rating_changes=rating_changes(active, end),
    )
