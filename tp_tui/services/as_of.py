"""Where things stood on a past day, read from the history the database keeps.

A report for October must say what was true in October, whatever has happened since: stage
records carry dates, plans the date of each step, goals a history of events, and every change
keeps a revision with the values it replaced. What was entered without any of these (rows made
before there was history) can only be taken as it stands now.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import cast

from tp_tui.domain import GoalStatus, PlanStatus, Stage
from tp_tui.models import Goal, GoalEvent, IndividualPlan, Participant, Revision, StageRecord
from tp_tui.services.moments import day_bounds
from tp_tui.services.plan import PLAN_DATES


def active_ids(start: date, end: date) -> list[int]:
    """Participants in the programme on some day of the period: taken in by its last day, and
    not closed before its first (a closing taken back by a reopening since does not count)."""
    people = cast(
        list[tuple[int, date | None]],
        list(
            Participant.select(Participant.id, Participant.closed_on)
            .where(Participant.intake_on.is_null(False) & (Participant.intake_on <= end))
            .tuples()
        ),
    )
    ids = [pid for pid, _ in people]
    latest_before: dict[int, int] = {}
    during: set[int] = set()
    if ids:
        records = cast(
            Iterable[tuple[int, int, date]],
            StageRecord.select(StageRecord.participant, StageRecord.stage, StageRecord.entered_on)
            .where(StageRecord.participant.in_(ids) & (StageRecord.entered_on <= end))
            .order_by(StageRecord.entered_on, StageRecord.period, StageRecord.id)
            .tuples(),
        )
        for pid, stage, entered_on in records:
            if entered_on < start:
                latest_before[pid] = stage
            else:
                during.add(pid)
    active = []
    for pid, closed_on in people:
        if pid in during:
            active.append(pid)
        elif pid in latest_before:
            if latest_before[pid] != int(Stage.CLOSE):
                active.append(pid)
        elif closed_on is None or closed_on >= start:  # no history: the row is all there is
            active.append(pid)
    return active


def _status_by_dates(plan: IndividualPlan, status: str, day: date) -> str:
    """A status whose own step is dated after ``day`` had not been reached: the latest step
    dated by then stands instead (plans entered without revisions have only these dates)."""
    dates = {code.value: getattr(plan, field) for code, field in PLAN_DATES.items()}
    dated = [(on, code) for code, on in dates.items() if on is not None]
    own = dates.get(status)
    if own is None:  # none, active, or a step entered without its date
        if dated and all(on > day for on, _ in dated):
            return PlanStatus.NONE.value
        return status
    if own <= day:
        return status
    reached = [(on, code) for on, code in dated if on <= day]
    return max(reached)[1] if reached else PlanStatus.NONE.value


def plan_statuses_on(ids: list[int], day: date) -> dict[int, str]:
    """Each participant's individual plan status at the end of ``day`` (the latest period's
    plan that existed by then); participants without one are left out."""
    if not ids:
        return {}
    plans = list(
        IndividualPlan.select()
        .where(IndividualPlan.participant.in_(ids))
        .order_by(IndividualPlan.period)
    )
    _, after = day_bounds(day)
    later: dict[int, Revision] = {}
    if plans:
        revisions = (
            Revision.select(Revision.entity_id, Revision.action, Revision.data, Revision.at)
            .where(
                (Revision.entity == "individual_plan")
                & Revision.entity_id.in_([plan.id for plan in plans])
                & (Revision.at >= after)
            )
            .order_by(Revision.at.desc(), Revision.id.desc())
        )
        for revision in revisions:
            later[revision.entity_id] = revision  # newest first: the earliest after the day stays
    statuses: dict[int, str] = {}
    for plan in plans:
        status = plan.status
        first_change = later.get(plan.id)
        if first_change is not None:
            if first_change.action == "create":
                continue  # the plan did not exist yet
            status = json.loads(first_change.data or "{}").get("status", status)
        statuses[plan.participant_id] = _status_by_dates(plan, status, day)
    return statuses


def goal_reachers(start: date, end: date) -> dict[str, set[int]]:
    """Participants who reached a goal in each life area during the period, by the goals'
    history: a goal reached then and set back since still counts, one reached since does not."""
    first, _ = day_bounds(start)
    _, after = day_bounds(end)
    reached = GoalStatus.REACHED.value
    people: dict[str, set[int]] = {}
    events = cast(
        Iterable[tuple[int, str]],
        GoalEvent.select(Goal.participant, Goal.life_area)
        .join(Goal)
        .where((GoalEvent.status == reached) & (GoalEvent.at >= first) & (GoalEvent.at < after))
        .tuples(),
    )
    for pid, area in events:
        people.setdefault(area, set()).add(pid)
    with_history = GoalEvent.select(GoalEvent.goal)
    undocumented = cast(
        Iterable[tuple[int, str]],
        Goal.select(Goal.participant, Goal.life_area)
        .where(
            (Goal.status == reached)
            & Goal.status_on.between(start, end)
            & Goal.id.not_in(with_history)
        )
        .tuples(),
    )
    for pid, area in undocumented:
        people.setdefault(area, set()).add(pid)
    return people
