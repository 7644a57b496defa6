"""Everything the participant detail screen shows, gathered in one call."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import cast

from peewee import Tuple

from tp_tui.domain import LifeArea, PlanStatus, Stage, mask_to_areas
from tp_tui.models import (
    Callback,
    ChecklistMark,
    ConsentGrant,
    Contact,
    Goal,
    GroupMember,
    IndividualPlan,
    Participant,
    StageRecord,
)
from tp_tui.services.consent import GROUP, SCOPE_ORDER, state_on
from tp_tui.services.handover import HandoverLine, handovers_for
from tp_tui.services.moments import is_overdue
from tp_tui.services.team import trust_person_name

RECENT_CONTACTS = 10


@dataclass(frozen=True)
class GoalLine:
    id: int
    text: str
    status: str
    status_on: date


@dataclass(frozen=True)
class StageLine:
    stage: Stage
    entered_on: date
    reason: str
    done_items: tuple[str, ...]


@dataclass(frozen=True)
class MemberLine:
    agency: str
    name: str
    role: str
    phone: str | None
    is_coordinator: bool


@dataclass(frozen=True)
class ContactLine:
    id: int
    at: datetime
    kind: str
    outcome: str
    life_areas: tuple[LifeArea, ...]
    note: str


@dataclass(frozen=True)
class CallbackLine:
    id: int
    due_at: datetime
    reason: str
    overdue: bool


@dataclass(frozen=True)
class ParticipantDetail:
    id: int
    name: str
    phone: str | None
    status: str
    intake_on: date | None
    closed_on: date | None
    archived: bool
    period: int
    stage: Stage | None
    stages: tuple[StageLine, ...]
    goals: dict[LifeArea, tuple[GoalLine, ...]]
    group: tuple[MemberLine, ...]
    plan_status: PlanStatus
    plan_coordinator: str
    consents: tuple[tuple[str, str], ...]
    """(purpose, recipient) in force today: the group's first, in the register's order."""
    contacts: tuple[ContactLine, ...]
    contact_count: int
    open_callbacks: tuple[CallbackLine, ...]
    group_meetings: tuple[date, ...] = ()  # newest first
    first_contact_on: date | None = None
    responsible: str = ""
    """The responsible trust person's name; empty when nobody is named."""
    handovers: tuple[HandoverLine, ...] = ()  # newest first


@cache
def _areas(mask: int) -> tuple[LifeArea, ...]:
    """The life areas of a stored mask; there are only 256 masks, each worked out once."""
    return tuple(mask_to_areas(mask))


def contact_lines(
    participant_id: int, limit: int, before: ContactLine | None = None
) -> tuple[ContactLine, ...]:
    """The participant's contacts, newest first: ``limit`` of them, from just ``before`` the given
    line when there is one (the next page of the contact history as it is scrolled).

    The (participant_id, at) index gives them in order from there, so a page costs the same
    however long the history is.
    """
    query = Contact.select(
        Contact.id, Contact.at, Contact.kind, Contact.outcome, Contact.life_areas, Contact.note
    ).where(Contact.participant == participant_id)
    if before is not None:
        query = query.where(
            Tuple(Contact.at, Contact.id) < Tuple(Contact.at.db_value(before.at), before.id)
        )
    rows = cast(
        Iterable[tuple[int, datetime, str, str, int, str]],
        query.order_by(Contact.at.desc(), Contact.id.desc()).limit(limit).tuples(),
    )
    return tuple(
        ContactLine(contact_id, at, kind, outcome, _areas(mask or 0), note)
        for contact_id, at, kind, outcome, mask, note in rows
    )


def participant_detail(
    participant_id: int, now: datetime, contacts_limit: int = RECENT_CONTACTS
) -> ParticipantDetail | None:
    participant = Participant.get_or_none(Participant.id == participant_id)
    if participant is None:
        return None
    records = list(
        StageRecord.select()
        .where(StageRecord.participant == participant_id)
        .order_by(StageRecord.period, StageRecord.entered_on, StageRecord.id)
    )
    period = records[-1].period if records else 1
    marks: dict[int, list[str]] = {}
    for mark in ChecklistMark.select().where(
        (ChecklistMark.participant == participant_id) & (ChecklistMark.period == period)
    ):
        marks.setdefault(mark.stage, []).append(mark.item)
    stages = tuple(
        StageLine(Stage(r.stage), r.entered_on, r.reason, tuple(marks.get(r.stage, ())))
        for r in records
        if r.period == period
    )
    goals: dict[LifeArea, list[GoalLine]] = {area: [] for area in LifeArea}
    for goal in (
        Goal.select().where(Goal.participant == participant_id).order_by(Goal.sort_order, Goal.id)
    ):
        area = LifeArea(goal.life_area)
        goals[area].append(GoalLine(goal.id, goal.text, goal.status, goal.status_on))
    members = tuple(
        MemberLine(m.agency, m.name, m.role, m.phone, m.is_coordinator)
        for m in GroupMember.select()
        .where((GroupMember.participant == participant_id) & GroupMember.left_on.is_null())
        .order_by(GroupMember.is_coordinator.desc(), GroupMember.id)
    )
    plan = (
        IndividualPlan.select()
        .where((IndividualPlan.participant == participant_id) & (IndividualPlan.period == period))
        .first()
    )
    from tp_tui.services.plan_group import current_coordinator

    member = current_coordinator(plan)  # one who left the group is no longer the plan's
    coordinator = member.name if member else ""
    consents = tuple(
        sorted(
            {
                (c.scope, c.recipient)
                for c in ConsentGrant.select().where(
                    (ConsentGrant.participant == participant_id)
                    & ConsentGrant.withdrawn_on.is_null()
                )
                if state_on(c, now.date()) == "in_force"
            },
            key=lambda pair: (pair[1] != GROUP, pair[1], SCOPE_ORDER.get(pair[0], 99)),
        )
    )
    contacts = contact_lines(participant_id, contacts_limit)
    callbacks = tuple(
        CallbackLine(c.id, c.due_at, c.reason, is_overdue(c.due_at, None, now))
        for c in Callback.select()
        .where((Callback.participant == participant_id) & Callback.done_at.is_null())
        .order_by(Callback.due_at)
    )
    return ParticipantDetail(
        id=participant.id,
        name=participant.name,
        phone=participant.phone,
        status=participant.status,
        intake_on=participant.intake_on,
        closed_on=participant.closed_on,
        archived=participant.archived_at is not None,
        period=period,
        stage=stages[-1].stage if stages else None,
        stages=stages,
        goals={area: tuple(lines) for area, lines in goals.items()},
        group=members,
        plan_status=PlanStatus(plan.status) if plan else PlanStatus.NONE,
        plan_coordinator=coordinator,
        consents=consents,
        contacts=contacts,
        contact_count=Contact.select().where(Contact.participant == participant_id).count(),
        open_callbacks=callbacks,
        group_meetings=tuple(
            c.at.date()
            for c in Contact.select(Contact.at)
            .where((Contact.participant == participant_id) & (Contact.kind == "group_meeting"))
            .order_by(Contact.at.desc())
            .limit(5)
        ),
        first_contact_on=participant.first_contact_on,
        responsible=trust_person_name(participant.responsible_id),
        handovers=handovers_for(participant_id),
    )
