"""The individual plan as a document: per life area the participant's goal in their words, the
measures, who is responsible, by when and when it is evaluated; drafted from the goals and the
mapping notes, edited row by row (each save kept as a revision: what, when, by whom; undoable),
its steps dated, the participant's agreement recorded, and handed to the group's coordinator.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from tp_tui.clock import Clock
from tp_tui.dates import DateParseError, parse_date
from tp_tui.db import write
from tp_tui.domain import GoalStatus, LifeArea, PlanStatus, Stage
from tp_tui.models import (
    Goal,
    GoalEvent,
    IndividualPlan,
    PlanItem,
    Revision,
    StageRecord,
    TrustPerson,
)
from tp_tui.services.conflicts import check_version
from tp_tui.services.history import delete_revised, name_change, plain, record_revision, revised

# The group's coordinator is asked by plan.py too (plan_group.py); named here as before.
from tp_tui.services.plan_group import current_coordinator as current_coordinator
from tp_tui.services.plan_group import handover_refusal as handover_refusal
from tp_tui.services.plan_group import has_group as has_group
from tp_tui.services.validation import FieldError, ValidationFailed

ITEM_FIELDS = ("goal_text", "measures", "responsible", "due_on", "evaluate_on")


@dataclass(frozen=True)
class ItemInput:
    """A plan row as the form shows it; the dates as typed (``25.11``, ``+14``, empty)."""

    goal_text: str
    measures: str = ""
    responsible: str = ""
    due_on: str = ""
    evaluate_on: str = ""


@dataclass(frozen=True)
class ItemLine:
    id: int
    area: LifeArea
    goal_text: str
    measures: str
    responsible: str
    due_on: date | None
    evaluate_on: date | None
    version: int


@dataclass(frozen=True)
class Coordinator:
    name: str
    agency: str


@dataclass(frozen=True)
class PlanDocument:
    participant_id: int
    status: PlanStatus
    steps: tuple[tuple[PlanStatus, date], ...]
    agreed_on: date | None
    agreement_note: str
    note: str
    coordinator: Coordinator | None
    has_group: bool
    handed_to: str
    items: tuple[ItemLine, ...]
    version: int


@dataclass(frozen=True)
class PlanChange:
    """One save of the plan or a row of it: when, by whom, which fields."""

    at: datetime
    by: str
    what: str  # "item.create", "item.update", "item.delete", "plan.update"
    area: LifeArea | None
    fields: tuple[str, ...]


def item_input(item: PlanItem) -> ItemInput:
    def shown(day: date | None) -> str:
        return day.strftime("%d.%m.%Y") if day else ""

    return ItemInput(
        item.goal_text, item.measures, item.responsible, shown(item.due_on),
        shown(item.evaluate_on),
    )  # fmt: skip


def _day(text: str, today: date, field: str, errors: dict[str, FieldError]) -> date | None:
    if not text.strip():
        return None
    try:
        return parse_date(text, today, "future")
    except DateParseError as error:
        errors[field] = FieldError(error.key, dict(error.params))
        return None


def _checked(data: ItemInput, today: date) -> tuple[ItemInput, date | None, date | None]:
    errors: dict[str, FieldError] = {}
    if not data.goal_text.strip():
        errors["goal_text"] = FieldError("plandoc.error.goal_text")
    due = _day(data.due_on, today, "due_on", errors)
    evaluate = _day(data.evaluate_on, today, "evaluate_on", errors)
    if errors:
        raise ValidationFailed(errors)
    return data, due, evaluate


def _period(participant_id: int) -> int:
    from tp_tui.services.process import current_record

    current = current_record(participant_id)
    return current.period if current else 1


def find_plan(participant_id: int) -> IndividualPlan | None:
    """The plan of the participant's current period, if one was started."""
    plan: IndividualPlan | None = IndividualPlan.get_or_none(
        (IndividualPlan.participant == participant_id)
        & (IndividualPlan.period == _period(participant_id))
    )
    return plan


def _plan(participant_id: int, clock: Clock) -> IndividualPlan:
    plan = find_plan(participant_id)
    if plan is None:
        plan = IndividualPlan.create(
            participant=participant_id, period=_period(participant_id), updated_at=clock.now()
        )
        record_revision(plan, "create", clock.now(), participant_id)
    return plan


def _start_draft(plan: IndividualPlan, clock: Clock) -> None:
    """A plan with rows and no status is a draft from today (the word "IP" is not pushed)."""
    if plan.status == PlanStatus.NONE.value:
        plan.status = PlanStatus.DRAFT.value
    if plan.draft_started_on is None:
        plan.draft_started_on = clock.today()


def draft_from_mapping(participant_id: int, clock: Clock) -> int:
    """Rows for the participant's goals not yet in the plan (a goal put aside stays out), their
    latest note as the first measures; the mapping's note becomes the plan's note when it has
    none. Returns how many rows were added; drafting again adds only new goals."""
    now = clock.now()
    with write():
        plan = _plan(participant_id, clock)
        present = {
            (i.life_area, i.goal_text) for i in PlanItem.select().where(PlanItem.plan == plan.id)
        }
        order = len(present)
        added = 0
        goals = Goal.select().where(
            (Goal.participant == participant_id) & (Goal.status != GoalStatus.PUT_ASIDE.value)
        )
        for goal in goals.order_by(Goal.sort_order, Goal.id):
            if (goal.life_area, goal.text) in present:
                continue
            notes = [
                e.note.strip()
                for e in GoalEvent.select().where(GoalEvent.goal == goal.id).order_by(GoalEvent.at)
                if e.note.strip()
            ]
            item = PlanItem.create(
                plan=plan.id, life_area=goal.life_area, goal_text=goal.text,
                measures=notes[-1] if notes else "", sort_order=order, updated_at=now,
            )  # fmt: skip
            record_revision(item, "create", now, participant_id)
            order += 1
            added += 1
        mapping = (
            StageRecord.select()
            .where(
                (StageRecord.participant == participant_id)
                & (StageRecord.period == plan.period)
                & (StageRecord.stage == int(Stage.MAP_NEEDS))
            )
            .order_by(StageRecord.entered_on.desc())
            .first()
        )
        if added or plan.status == PlanStatus.NONE.value:
            with revised(plan, now, participant_id):
                _start_draft(plan, clock)
                if not plan.note.strip() and mapping is not None and mapping.reason.strip():
                    plan.note = mapping.reason.strip()
        name_change("plan.draft")
    return added


def add_item(participant_id: int, area: LifeArea, data: ItemInput, clock: Clock) -> PlanItem:
    """A new row of the plan in ``area``."""
    data, due, evaluate = _checked(data, clock.today())
    now = clock.now()
    with write():
        plan = _plan(participant_id, clock)
        order = PlanItem.select().where(PlanItem.plan == plan.id).count()
        item = PlanItem.create(
            plan=plan.id, life_area=area.value, goal_text=data.goal_text.strip(),
            measures=data.measures.strip(), responsible=data.responsible.strip(), due_on=due,
            evaluate_on=evaluate, sort_order=order, updated_at=now,
        )  # fmt: skip
        record_revision(item, "create", now, participant_id)
        if plan.status == PlanStatus.NONE.value:
            with revised(plan, now, participant_id):
                _start_draft(plan, clock)
    return item


def update_item(
    item_id: int, data: ItemInput, clock: Clock, expected_version: int | None = None
) -> PlanItem:
    """Save a row; a row someone else saved since the form opened is not overwritten
    (:class:`~tp_tui.services.conflicts.ChangedSince`)."""
    data, due, evaluate = _checked(data, clock.today())
    now = clock.now()
    with write():
        item = PlanItem.get_by_id(item_id)
        new = (data.goal_text.strip(), data.measures.strip(), data.responsible.strip(), due,
               evaluate)  # fmt: skip
        old = (item.goal_text, item.measures, item.responsible, item.due_on, item.evaluate_on)
        if new == old:
            return item
        check_version(item, expected_version, ITEM_FIELDS)
        participant_id = IndividualPlan.get_by_id(item.plan_id).participant_id
        with revised(item, now, participant_id):
            (item.goal_text, item.measures, item.responsible, item.due_on,
             item.evaluate_on) = new  # fmt: skip
    return item


def remove_item(item_id: int, clock: Clock) -> None:
    """Take a row out of the plan; kept as a revision, so it can be undone."""
    with write():
        item = PlanItem.get_by_id(item_id)
        participant_id = IndividualPlan.get_by_id(item.plan_id).participant_id
        delete_revised(item, clock.now(), participant_id)


def find_item(item_id: int) -> PlanItem | None:
    item: PlanItem | None = PlanItem.get_or_none(PlanItem.id == item_id)
    return item


def item_version(item_id: int) -> int | None:
    item = PlanItem.get_or_none(PlanItem.id == item_id)
    return int(item.version) if item is not None else None


def record_agreement(participant_id: int, on: date, note: str, clock: Clock) -> IndividualPlan:
    """The participant agreed to the plan on ``on`` (not a day to come)."""
    if on > clock.today():
        raise ValidationFailed({"agreed_on": FieldError("plandoc.error.future")})
    now = clock.now()
    with write():
        plan = _plan(participant_id, clock)
        with revised(plan, now, participant_id):
            plan.agreed_on, plan.agreement_note = on, note.strip()
        name_change("plan.agreement")
    return plan


def hand_over(participant_id: int, clock: Clock, on: date | None = None) -> IndividualPlan:
    """Hand the plan to the group's coordinator: the step is dated and whom it went to is kept.
    Refused (:class:`ValidationFailed`) with no group or no coordinator."""
    from tp_tui.services.plan import set_plan_status

    return set_plan_status(participant_id, PlanStatus.HANDED_OVER, clock, on=on)


def _items(plan: IndividualPlan | None) -> tuple[ItemLine, ...]:
    if plan is None:
        return ()
    rows = (
        PlanItem.select().where(PlanItem.plan == plan.id).order_by(PlanItem.sort_order, PlanItem.id)
    )
    known = {area.value: area for area in LifeArea}
    lines = [
        ItemLine(r.id, known.get(r.life_area, LifeArea.HOUSING), r.goal_text, r.measures,
                 r.responsible, r.due_on, r.evaluate_on, int(r.version))
        for r in rows
    ]  # fmt: skip
    order = list(LifeArea)
    return tuple(sorted(lines, key=lambda line: order.index(line.area)))


def plan_document(participant_id: int) -> PlanDocument:
    """The plan of the current period as the page, the editor and the exports show it."""
    plan = find_plan(participant_id)
    member = current_coordinator(plan)
    coordinator = Coordinator(member.name, member.agency) if member else None
    if plan is None:
        return PlanDocument(participant_id, PlanStatus.NONE, (), None, "", "", coordinator,
                            has_group(participant_id), "", (), 0)  # fmt: skip
    steps = (
        (PlanStatus.DRAFT, plan.draft_started_on), (PlanStatus.OFFERED, plan.offered_on),
        (PlanStatus.ACCEPTED, plan.accepted_on), (PlanStatus.DECLINED, plan.declined_on),
        (PlanStatus.HANDED_OVER, plan.handed_over_on),
    )  # fmt: skip
    return PlanDocument(
        participant_id, PlanStatus(plan.status),
        tuple((status, day) for status, day in steps if day is not None),
        plan.agreed_on, plan.agreement_note, plan.note, coordinator, has_group(participant_id),
        plan.handed_to, _items(plan), int(plan.version),
    )  # fmt: skip


def plan_changes(participant_id: int, limit: int = 50) -> list[PlanChange]:
    """The plan's versions, newest first: each save of a row or of the plan, when, by whom and
    which fields it changed (read from the revisions the project keeps of every change)."""
    plan = find_plan(participant_id)
    if plan is None:
        return []
    item_ids = [i.id for i in PlanItem.select(PlanItem.id).where(PlanItem.plan == plan.id)]
    query = Revision.select().where(
        (Revision.participant == participant_id)
        & (
            ((Revision.entity == "individual_plan") & (Revision.entity_id == plan.id))
            | (Revision.entity == "plan_item")
        )
        & Revision.undone_at.is_null()
    )
    revisions = list(query.order_by(Revision.id))
    names = {p.id: p.name for p in TrustPerson.select(TrustPerson.id, TrustPerson.name)}
    # A revision keeps the state before; the state after is the next revision's, or the row now.
    after: dict[tuple[str, int], dict[str, object]] = {}
    for item in PlanItem.select().where(PlanItem.id.in_(item_ids)):
        after[("plan_item", item.id)] = {f: plain(getattr(item, f)) for f in ITEM_FIELDS}
    after[("individual_plan", plan.id)] = {f: plain(getattr(plan, f)) for f in _PLAN_SHOWN}
    areas = {i.id: i.life_area for i in PlanItem.select().where(PlanItem.id.in_(item_ids))}
    result: list[PlanChange] = []
    for revision in reversed(revisions):
        key = (revision.entity, revision.entity_id)
        before = json.loads(revision.data or "{}")
        if revision.entity == "plan_item" and "life_area" in before:
            areas.setdefault(revision.entity_id, before["life_area"])
        shown = ITEM_FIELDS if revision.entity == "plan_item" else _PLAN_SHOWN
        now_state = after.get(key, {})
        fields = tuple(f for f in shown if f in before and before.get(f) != now_state.get(f))
        if before:
            after[key] = {f: before.get(f) for f in shown}
        kind = "item" if revision.entity == "plan_item" else "plan"
        code = areas.get(revision.entity_id) if kind == "item" else None
        area = LifeArea(code) if code in {a.value for a in LifeArea} else None
        if kind == "plan" and revision.action == "update" and not fields:
            continue
        who = names.get(revision.made_by_id, "") if revision.made_by_id else ""
        result.append(PlanChange(revision.at, who, f"{kind}.{revision.action}", area, fields))
        if len(result) >= limit:
            break
    return result


_PLAN_SHOWN = ("status", "draft_started_on", "offered_on", "accepted_on", "declined_on",
               "handed_over_on", "agreed_on", "handed_to", "note")  # fmt: skip


