"""The participant's own goals, how each life area stands, the group and the individual plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tp_tui.clock import Clock
from tp_tui.db import write
from tp_tui.domain import Agency, GoalStatus, LifeArea, PlanStatus
from tp_tui.models import AreaRating, Goal, GoalEvent, GroupMember, IndividualPlan
from tp_tui.phone import PhoneError, normalize_phone
from tp_tui.services.conflicts import (
    ChangedSince,
    FieldChange,
    Opened,
    changes_since,
    check_on_top,
    check_version,
    on_top,
)
from tp_tui.services.goals import GOAL_MAX_CHARS
from tp_tui.services.history import name_change, record_revision, revised
from tp_tui.services.plan_group import current_coordinator, handover_refusal
from tp_tui.services.process import current_record
from tp_tui.services.validation import FieldError, ValidationFailed

# Which date on the plan each status sets, the first time it is reached.
PLAN_DATES = {
    PlanStatus.DRAFT: "draft_started_on",
    PlanStatus.OFFERED: "offered_on",
    PlanStatus.ACCEPTED: "accepted_on",
    PlanStatus.DECLINED: "declined_on",
    PlanStatus.HANDED_OVER: "handed_over_on",
}

# The fields each form shows, as compared when a save meets someone else's (conflicts.py).
GOAL_FIELDS = ("text", "status", "life_area")
MEMBER_FIELDS = ("agency", "name", "role", "phone", "is_coordinator", "left_on")
PLAN_FIELDS = ("status",)


@dataclass(frozen=True)
class GoalInput:
    """A goal as the form shows it: the participant's words and where it stands."""

    text: str
    status: str
    life_area: str = ""
    """The life area the goal is in (a LifeArea code); "" keeps the one it has."""


def goal_input(goal: Goal) -> GoalInput:
    return GoalInput(goal.text, goal.status, goal.life_area)


def _checked_goal(data: GoalInput, stored_text: str | None = None) -> GoalInput:
    errors = _goal_checks(data.text, data.status, stored_text)
    if data.life_area and data.life_area not in {a.value for a in LifeArea}:
        errors["area"] = FieldError("plan.error.area")
    if errors:
        raise ValidationFailed(errors)
    return GoalInput(data.text.strip(), data.status, data.life_area)


def _goal_checks(text: str, status: str, stored_text: str | None = None) -> dict[str, FieldError]:
    """``stored_text``: the goal's words as stored, which stay allowed as they are (a goal
    saved before the limit can still have its status changed)."""
    errors: dict[str, FieldError] = {}
    if not text.strip():
        errors["text"] = FieldError("plan.error.goal_text")
    elif len(text.strip()) > GOAL_MAX_CHARS and text.strip() != stored_text:
        errors["text"] = FieldError(
            "goals.error.too_long", {"limit": GOAL_MAX_CHARS, "length": len(text.strip())}
        )
    if status not in {s.value for s in GoalStatus}:
        errors["status"] = FieldError("plan.error.goal_status", {"value": status})
    return errors


def add_goal(participant_id: int, area: LifeArea, text: str, status: str, clock: Clock) -> Goal:
    """A goal in the participant's own words; its history starts with this entry."""
    errors = _goal_checks(text, status)
    if errors:
        raise ValidationFailed(errors)
    now = clock.now()
    with write():
        order = Goal.select().where(Goal.participant == participant_id).count()
        goal = Goal.create(
            participant=participant_id,
            life_area=area.value,
            text=text.strip(),
            status=status,
            created_on=now.date(),
            status_on=now.date(),
            sort_order=order,
        )
        record_revision(goal, "create", now, participant_id)
        event = GoalEvent.create(goal=goal, at=now, status=status, text=goal.text)
        record_revision(event, "create", now, participant_id)
    return goal


def update_goal(
    goal_id: int,
    text: str,
    status: str,
    clock: Clock,
    note: str = "",
    expected_version: int | None = None,
    opened: Opened[GoalInput] | None = None,
    life_area: str = "",
) -> Goal:
    """Change a goal's words or status, move it to another life area (``life_area``; "" keeps
    it), or end it (status ``ended``); each change is kept in its history, a move with the
    area it came from.

    With ``expected_version`` (the version the form opened) a goal someone else saved since is
    not overwritten: :class:`ChangedSince` says which fields they changed. With ``opened`` (what
    the form showed when it opened) a save on top of theirs writes only what the form changed.
    """
    now = clock.now()
    with write():
        goal = Goal.get_by_id(goal_id)
        typed = GoalInput(text, status, life_area or goal.life_area)
        checked = _checked_goal(typed, goal.text)
        text, area = checked.text, checked.life_area
        if (goal.text, goal.status, goal.life_area) == (text, status, area):
            return goal  # what was typed is what is stored: nothing to overwrite
        check_version(goal, expected_version, GOAL_FIELDS)
        merged = check_on_top(
            goal, typed, opened, goal_input, lambda d: _checked_goal(d, goal.text), GOAL_FIELDS
        )
        if merged is not None:
            text, status, area = merged.text, merged.status, merged.life_area or goal.life_area
            if (goal.text, goal.status, goal.life_area) == (text, status, area):
                return goal  # only what someone else saved: theirs stays as it is
        moved_from = goal.life_area if area != goal.life_area else ""
        ending = status == GoalStatus.ENDED.value and goal.status != status
        with revised(goal, now, goal.participant_id):
            if goal.status != status:
                goal.status_on = now.date()
            goal.text, goal.status, goal.life_area = text.strip(), status, area
        if moved_from:
            note = goal_moved_note(moved_from) + (f" {note}" if note else "")
        event = GoalEvent.create(goal=goal, at=now, status=status, text=goal.text, note=note)
        record_revision(event, "create", now, goal.participant_id)
        if moved_from or ending:
            name_change("goal.move" if moved_from else "goal.end")
    return goal


MOVED_PREFIX = "moved-from:"


def goal_moved_note(area: str) -> str:
    """The history note of a move: the area it came from, as a code the form translates."""
    return f"{MOVED_PREFIX}{area}"


def moved_from(note: str) -> LifeArea | None:
    """The area a history entry says the goal was moved from, if it is a move."""
    if not note.startswith(MOVED_PREFIX):
        return None
    code = note[len(MOVED_PREFIX) :].split(" ", 1)[0]
    return LifeArea(code) if code in {a.value for a in LifeArea} else None


def goal_version(goal_id: int) -> int | None:
    """The goal's version as stored now, for a form to save on top of it safely."""
    goal = Goal.get_or_none(Goal.id == goal_id)
    return int(goal.version) if goal is not None else None


def get_goal(goal_id: int) -> Goal | None:
    return Goal.get_or_none(Goal.id == goal_id)


def goals_of(participant_id: int) -> list[Goal]:
    """The participant's goals, the first written first."""
    return list(Goal.select().where(Goal.participant == participant_id).order_by(Goal.id))


def goal_history(goal_id: int) -> list[GoalEvent]:
    return list(GoalEvent.select().where(GoalEvent.goal == goal_id).order_by(GoalEvent.at))


def rate_area(
    participant_id: int,
    area: LifeArea,
    rating: int,
    clock: Clock,
    rated_on: date | None = None,
) -> AreaRating:
    """How a life area stands, 1 (hard) to 5 (good), set with the participant on ``rated_on``
    (today unless said: an intake rating may be written up afterwards)."""
    from tp_tui.services.ratings import check_rated_on

    if not 1 <= rating <= 5:
        raise ValidationFailed({"rating": FieldError("plan.error.rating")})
    rated_on = rated_on or clock.today()
    check_rated_on(rated_on, clock.today())
    with write():
        rated = AreaRating.create(
            participant=participant_id, life_area=area.value, rating=rating, rated_on=rated_on
        )
        record_revision(rated, "create", clock.now(), participant_id)
    return rated


def rate_areas(
    participant_id: int, ratings: dict[LifeArea, int], clock: Clock, rated_on: date
) -> None:
    """Several life areas rated on one day, as one change (one ctrl+z takes them all back)."""
    from tp_tui.services.ratings import check_rated_on

    if any(not 1 <= rating <= 5 for rating in ratings.values()):
        raise ValidationFailed({"rating": FieldError("plan.error.rating")})
    check_rated_on(rated_on, clock.today())
    with write():
        for area, rating in ratings.items():
            rate_area(participant_id, area, rating, clock, rated_on)


@dataclass(frozen=True)
class AreaStanding:
    area: LifeArea
    first: int | None
    first_on: date | None
    latest: int | None
    latest_on: date | None

    @property
    def change(self) -> int | None:
        """Change since the first rating (intake), when there are two."""
        if self.first is None or self.latest is None or self.first_on == self.latest_on:
            return None
        return self.latest - self.first


def area_standings(participant_id: int) -> dict[LifeArea, AreaStanding]:
    ratings: dict[str, list[AreaRating]] = {}
    for rating in (
        AreaRating.select()
        .where(AreaRating.participant == participant_id)
        .order_by(AreaRating.rated_on, AreaRating.id)
    ):
        ratings.setdefault(rating.life_area, []).append(rating)
    result = {}
    for area in LifeArea:
        found = ratings.get(area.value, [])
        first, latest = (found[0], found[-1]) if found else (None, None)
        result[area] = AreaStanding(
            area,
            first.rating if first else None,
            first.rated_on if first else None,
            latest.rating if latest else None,
            latest.rated_on if latest else None,
        )
    return result


@dataclass(frozen=True)
class MemberInput:
    agency: str
    name: str = ""
    role: str = ""
    phone: str = ""
    is_coordinator: bool = False


def member_input(member: GroupMember) -> MemberInput:
    """A stored member as the form shows it."""
    return MemberInput(
        member.agency, member.name, member.role, member.phone or "", bool(member.is_coordinator)
    )


def _checked_member(data: MemberInput) -> tuple[MemberInput, str | None]:
    """What was typed, and the phone number as stored; :class:`ValidationFailed` if wrong."""
    errors: dict[str, FieldError] = {}
    if data.agency not in {a.value for a in Agency}:
        errors["agency"] = FieldError("plan.error.agency", {"value": data.agency})
    phone = None
    try:
        phone = normalize_phone(data.phone)
    except PhoneError as error:
        errors["phone"] = FieldError(error.key, dict(error.params))
    if errors:
        raise ValidationFailed(errors)
    return data, phone


def save_member(
    participant_id: int,
    data: MemberInput,
    clock: Clock,
    member_id: int | None = None,
    expected_version: int | None = None,
    opened: Opened[MemberInput] | None = None,
) -> GroupMember:
    """Add or edit a member of the responsibility group; at most one coordinator.

    Naming a new coordinator takes the role from the one before, which the UI says. With
    ``expected_version`` an edit of a member someone else saved (or removed) since the form
    opened is refused with :class:`ChangedSince`; nothing is overwritten. With ``opened`` (what
    the form showed when it opened) a save on top of theirs writes only what the form changed.
    """
    data, phone = _checked_member(data)
    now = clock.now()
    with write():
        member: GroupMember | None = None
        if member_id is not None:
            member = GroupMember.get_by_id(member_id)
            check_version(member, expected_version, MEMBER_FIELDS)
            merged = check_on_top(
                member, data, opened, member_input, _checked_member, MEMBER_FIELDS
            )
            if merged is not None:
                data, phone = merged
        if data.is_coordinator:
            # The one before loses the role: a change to that member too (its version moves).
            before = GroupMember.select().where(
                (GroupMember.participant == participant_id)
                & (GroupMember.id != (member_id or 0))
                & (GroupMember.is_coordinator == True)  # noqa: E712  (peewee expression)
            )
            for other in before:
                with revised(other, now, participant_id):
                    other.is_coordinator = False
        elif member is not None and member.is_coordinator:
            _drop_coordinator(member, now, participant_id)
        if member is None:
            member = GroupMember.create(
                participant=participant_id,
                agency=data.agency,
                name=data.name.strip(),
                role=data.role.strip(),
                phone=phone,
                is_coordinator=data.is_coordinator,
                joined_on=clock.today(),
            )
            record_revision(member, "create", now, participant_id)
        else:
            with revised(member, now, participant_id):
                member.agency, member.name = data.agency, data.name.strip()
                member.role, member.phone = data.role, phone
                member.is_coordinator = data.is_coordinator
        if data.is_coordinator:
            plan = _plan(participant_id, clock)
            if plan.coordinator_id != member.id:
                with revised(plan, now, participant_id):
                    plan.coordinator = member
    return member


def get_member(member_id: int) -> GroupMember | None:
    return GroupMember.get_or_none(GroupMember.id == member_id)


def current_members(participant_id: int) -> list[GroupMember]:
    """The participant's group as it is now: members who have not left."""
    return list(
        GroupMember.select().where(
            (GroupMember.participant == participant_id) & GroupMember.left_on.is_null()
        )
    )


def member_version(member_id: int) -> int | None:
    """The member's version as stored now (None when the row is gone)."""
    member = GroupMember.get_or_none(GroupMember.id == member_id)
    return int(member.version) if member is not None else None


def remove_member(member_id: int, clock: Clock, expected_version: int | None = None) -> None:
    """A member leaves the group; the row stays with its dates (history is not rewritten).

    With ``expected_version`` (read when the list was shown) a member someone else changed
    since is not removed: :class:`ChangedSince` says what they changed.
    """
    now = clock.now()
    with write():
        member = GroupMember.get_by_id(member_id)
        check_version(member, expected_version, MEMBER_FIELDS)
        if member.left_on is not None:
            return  # already gone: the first date stays
        with revised(member, now, member.participant_id):
            member.left_on = clock.today()
            member.is_coordinator = False
        _drop_coordinator(member, now, member.participant_id)
        name_change("group_member.remove")


def _find_plan(participant_id: int) -> IndividualPlan | None:
    """The plan of the participant's current period, if one was started."""
    plan: IndividualPlan | None = IndividualPlan.get_or_none(
        (IndividualPlan.participant == participant_id)
        & (IndividualPlan.period == _period(participant_id))
    )
    return plan


def _plan(participant_id: int, clock: Clock) -> IndividualPlan:
    plan = _find_plan(participant_id)
    if plan is None:
        plan = IndividualPlan.create(
            participant=participant_id, period=_period(participant_id), updated_at=clock.now()
        )
        record_revision(plan, "create", clock.now(), participant_id)
    return plan


def _period(participant_id: int) -> int:
    current = current_record(participant_id)
    return current.period if current else 1


def plan_version(participant_id: int) -> int:
    """The version of the current period's plan as stored now; 0 while there is none."""
    plan = _find_plan(participant_id)
    return int(plan.version) if plan is not None else 0


def set_plan_status(
    participant_id: int,
    status: PlanStatus,
    clock: Clock,
    expected_version: int | None = None,
    opened: Opened[PlanStatus] | None = None,
    on: date | None = None,
) -> IndividualPlan:
    """Move the individual plan on; each step keeps the date it was first reached, or ``on``
    when a date is given (not a day to come): the day it really happened.

    Handing over needs a responsibility group with a coordinator (:class:`ValidationFailed`
    otherwise); whom it went to is kept on the plan.

    With ``expected_version`` (from :func:`plan_version` when the form opened; 0: there was no
    plan) a status someone else set since is not overwritten: :class:`ChangedSince`. A change
    they made to something else (the coordinator) does not stand in the way. With ``opened``
    (the status the form showed when it opened) a status left as it was keeps theirs.
    """
    if on is not None and on > clock.today():
        raise ValidationFailed({"on": FieldError("plandoc.error.future")})
    now = clock.now()
    with write():
        plan = _plan(participant_id, clock)
        if status == PlanStatus.HANDED_OVER:
            refusal = handover_refusal(participant_id, plan)
            if refusal is not None:
                raise ValidationFailed({"plan_status": FieldError(refusal)})
        current = int(plan.version)
        if opened is not None and current != opened.version:
            status = on_top(opened.data, status, PlanStatus(plan.status))
            if status.value == plan.status:
                return plan  # the status was not changed here: theirs stays
        if expected_version is not None and current != expected_version:
            if plan.status != status.value:
                changes: tuple[FieldChange, ...] = ()
                if expected_version == 0:  # opened before the plan existed: status "none"
                    if plan.status != PlanStatus.NONE.value:
                        changes = (FieldChange("status", plan.status),)
                else:
                    changes = changes_since(plan, expected_version, PLAN_FIELDS)
                if changes:
                    raise ChangedSince(int(plan.id), changes, current)
        with revised(plan, now, participant_id):
            plan.status = status.value
            field = PLAN_DATES.get(status)
            if field and (on is not None or getattr(plan, field) is None):
                setattr(plan, field, on or clock.today())
            coordinator = current_coordinator(plan)
            if status == PlanStatus.HANDED_OVER and coordinator is not None:
                plan.handed_to = _member_label(coordinator)
    return plan


def _member_label(member: GroupMember) -> str:
    """The coordinator as the plan keeps them: name and agency as they were that day."""
    from tp_tui.i18n import t

    known = {a.value for a in Agency}
    agency = t(Agency(member.agency).label_key) if member.agency in known else member.agency
    return f"{member.name.strip()} ({agency})" if member.name.strip() else agency


def _drop_coordinator(member: GroupMember, now: datetime, participant_id: int) -> None:
    """A member who leaves the group or gives up the role is no longer the plan's coordinator."""
    plans = IndividualPlan.select().where(IndividualPlan.coordinator == member.id)
    for plan in plans:
        with revised(plan, now, participant_id):
            plan.coordinator = None
