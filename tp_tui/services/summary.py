"""The participant summary for a responsibility-group meeting: what to show, no rendering.

Consent decides what is in it. Each section needs the participant's agreement to share it with the
group (a :class:`ConsentGrant` for the responsibility group, in force on the day the summary is
made: given, not withdrawn, not expired); contact notes need a consent of their own, and being
asked for. A section left out is listed with the reason, so the summary can say so at its foot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from tp_tui.clock import OSLO, Clock
from tp_tui.db import write
from tp_tui.domain import (
    CHECKLIST,
    ConsentScope,
    ContactKind,
    GoalStatus,
    LifeArea,
    ParticipantStatus,
    PlanStatus,
    Stage,
)
from tp_tui.models import (
    Callback,
    ChecklistMark,
    Contact,
    ExportRecord,
    Goal,
    GroupMember,
    IndividualPlan,
    Participant,
    StageRecord,
)
from tp_tui.services.action_points import ActionLine, done_since, open_action_points
from tp_tui.services.consent import GROUP, in_force_on, lapsed_on
from tp_tui.services.detail import MemberLine
from tp_tui.services.meetings import last_meeting
from tp_tui.services.participants import Match, find_participants
from tp_tui.services.ratings import RatingPoint, rating_history
from tp_tui.text import one_line

# The summary is read in the responsibility group: only consents given to the group count.
RECIPIENT = GROUP
NOTES = ConsentScope.NOTES.value  # notes go only with the contacts, so not a section of its own
SECTIONS = tuple(scope.value for scope in ConsentScope if scope != ConsentScope.NOTES)
SURE_SCORE = 60  # word starts, initials, a phone number: below this a name is only a guess
SUGGESTIONS = 5
PLAN_STEPS = (PlanStatus.DRAFT, PlanStatus.OFFERED, PlanStatus.ACCEPTED)  # something left to do
_ID = re.compile(r"#?\s*(\d{1,18})", re.ASCII)
# Checklist items that tell about the plan or the group: shown only when that is shared too.
_ITEM_SCOPES = {
    "draft_started": "plan", "draft_offered": "plan", "plan_accepted": "plan",
    "plan_handed_over": "plan", "group_established": "group", "coordinator_named": "group",
}  # fmt: skip


class SummaryError(Exception):
    """A participant that cannot be found or told apart; ``key`` is a translation key."""

    def __init__(self, key: str, candidates: tuple[Match, ...] = (), **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        self.candidates = candidates


@dataclass(frozen=True)
class GoalItem:
    text: str
    status: GoalStatus
    status_on: date


@dataclass(frozen=True)
class Process:
    """The stages of the current period, and the current stage's checklist."""

    steps: tuple[tuple[Stage, date], ...]  # each stage entered, with its date
    done: tuple[tuple[str, date], ...]
    open_items: tuple[str, ...]


@dataclass(frozen=True)
class PlanInfo:
    status: PlanStatus
    coordinator: str
    coordinator_agency: str
    dates: tuple[tuple[PlanStatus, date], ...]  # each step taken, in order


@dataclass(frozen=True)
class ContactItem:
    at: datetime
    kind: str
    note: str | None  # None unless notes were asked for


@dataclass(frozen=True)
class CallbackItem:
    due_at: datetime
    reason: str


@dataclass(frozen=True)
class NextStep:
    """``kind``: goal_working, goal_wanted, plan_<status> or callbacks."""

    kind: str
    text: str = ""
    area: LifeArea | None = None
    count: int = 0
    day: date | None = None


@dataclass(frozen=True)
class LeftOut:
    """``reason``: not_shared, withdrawn or expired (``on``: the day withdrawn, the last day it
    held), or
    on_purpose (notes not asked for)."""

    section: str
    reason: str
    on: date | None = None


@dataclass(frozen=True)
class Summary:
    participant_id: int
    name: str
    trust_person: str
    in_programme_since: date | None
    stage: Stage | None
    stage_entered_on: date | None
    process: Process | None
    goals: dict[LifeArea, tuple[GoalItem, ...]] | None
    plan: PlanInfo | None
    group: tuple[MemberLine, ...] | None
    contacts: tuple[ContactItem, ...] | None
    since: date
    since_basis: str  # meeting, given, intake or start
    open_callbacks: tuple[CallbackItem, ...] | None
    next_steps: tuple[NextStep, ...]
    left_out: tuple[LeftOut, ...]
    include_notes: bool
    generated_at: datetime
    made_by: str = ""  # the trust person making it; "" when only a login is known of them
    ratings: dict[LifeArea, tuple[RatingPoint, ...]] | None = None
    """Each rated life area's ratings over time; shared with the goals (None: not shared)."""
    meeting: MeetingSince | None = None
    """The last group meeting and what came of it; shared with the group (None: not shared,
    or no meeting recorded)."""

    @property
    def included(self) -> tuple[str, ...]:
        """The shared sections, in order."""
        return tuple(key for key in SECTIONS if key not in {x.section for x in self.left_out})


def resolve_participant(text: str) -> int:
    """The participant meant by ``#12``, ``12``, a name, initials or a phone number.

    A name must point at one person clearly: a summary about the wrong person is a breach.
    Raises SummaryError with ``summary.error.no_match``, ``.unsure`` or ``.ambiguous``; the last
    two carry the candidates, and the message names them with their numbers.
    """
    typed = " ".join(text.split())
    number = _ID.fullmatch(typed)
    if number and Participant.get_or_none(Participant.id == int(number.group(1))) is not None:
        return int(number.group(1))
    if number and typed.startswith("#"):
        raise SummaryError("summary.error.no_id", id=number.group(1))
    matches = find_participants(typed, limit=20, include_closed=True) if typed else []
    if not matches:
        raise SummaryError("summary.error.no_match", text=typed)

    def base(match: Match) -> int:  # without the bonus find_participants gives active people
        return match.score - (5 if match.status == ParticipantStatus.ACTIVE.value else 0)

    best = max(base(m) for m in matches)
    top = tuple(m for m in matches if base(m) == best)
    if len(top) == 1 and best >= SURE_SCORE:
        return top[0].id
    key = "summary.error.ambiguous" if len(top) > 1 else "summary.error.unsure"
    shown = (top if len(top) > 1 else tuple(matches))[:SUGGESTIONS]
    names = ", ".join(f"{m.name} (#{m.id})" for m in shown)
    raise SummaryError(key, candidates=shown, text=typed, candidates_text=names)


def _goals(participant_id: int) -> dict[LifeArea, tuple[GoalItem, ...]]:
    found: dict[LifeArea, list[GoalItem]] = {}
    query = Goal.select().where(Goal.participant == participant_id)
    for goal in query.order_by(Goal.sort_order, Goal.id):
        item = GoalItem(goal.text, GoalStatus(goal.status), goal.status_on)
        found.setdefault(LifeArea(goal.life_area), []).append(item)
    return {area: tuple(found[area]) for area in LifeArea if area in found}


def _process(
    participant_id: int, period: int, steps: tuple[tuple[Stage, date], ...], shared: set[str]
) -> Process:
    if not steps:
        return Process((), (), ())
    current = steps[-1][0]
    marks = {
        m.item: m.done_on
        for m in ChecklistMark.select().where(
            (ChecklistMark.participant == participant_id)
            & (ChecklistMark.period == period)
            & (ChecklistMark.stage == int(current))
        )
    }
    items = [i for i in CHECKLIST[current] if _ITEM_SCOPES.get(i, "process") in shared]
    done = tuple((item, marks[item]) for item in items if item in marks)
    return Process(steps, done, tuple(item for item in items if item not in marks))


def _plan(participant_id: int, period: int) -> PlanInfo:
    plan = IndividualPlan.get_or_none(
        (IndividualPlan.participant == participant_id) & (IndividualPlan.period == period)
    )
    if plan is None:
        return PlanInfo(PlanStatus.NONE, "", "", ())
    member = plan.coordinator
    steps = (
        (PlanStatus.DRAFT, plan.draft_started_on), (PlanStatus.OFFERED, plan.offered_on),
        (PlanStatus.ACCEPTED, plan.accepted_on), (PlanStatus.DECLINED, plan.declined_on),
        (PlanStatus.HANDED_OVER, plan.handed_over_on),
    )  # fmt: skip
    return PlanInfo(
        PlanStatus(plan.status),
        member.name if member else "",
        member.agency if member else "",
        tuple((status, day) for status, day in steps if day is not None),
    )


def _group(participant_id: int) -> tuple[MemberLine, ...]:
    query = GroupMember.select().where(
        (GroupMember.participant == participant_id) & GroupMember.left_on.is_null()
    )
    return tuple(
        MemberLine(m.agency, m.name, m.role, m.phone, m.is_coordinator)
        for m in query.order_by(GroupMember.is_coordinator.desc(), GroupMember.id)
    )


def _since(
    participant: Participant, now: datetime, given: date | None
) -> tuple[date, str, datetime]:
    """Where "since the last meeting" starts: the day, how it was chosen, and the moment after
    which contacts count (after the meeting itself, or from the start of the day)."""
    if given is not None:
        return given, "given", datetime.combine(given, time(0), OSLO)
    meeting = (
        Contact.select(Contact.at)
        .where(
            (Contact.participant == participant.id)
            & (Contact.kind == ContactKind.GROUP_MEETING.value)
            & (Contact.at < now)
        )
        .order_by(Contact.at.desc())
        .first()
    )
    if meeting is not None:
        return meeting.at.date(), "meeting", meeting.at
    start: date = (
        participant.intake_on or participant.first_contact_on or participant.created_at.date()
    )
    basis = "intake" if participant.intake_on else "start"
    return start, basis, datetime.combine(start, time(0), OSLO)


def _contacts(
    participant_id: int, after: datetime, now: datetime, basis: str, notes: bool
) -> tuple[ContactItem, ...]:
    # After a meeting, the meeting itself is not news; from a day, that whole day counts.
    start = Contact.at > after if basis == "meeting" else Contact.at >= after
    query = Contact.select().where(
        (Contact.participant == participant_id) & start & (Contact.at <= now)
    )
    return tuple(
        ContactItem(c.at, c.kind, c.note if notes else None)
        for c in query.order_by(Contact.at, Contact.id)
    )


def _callbacks(participant_id: int) -> tuple[CallbackItem, ...]:
    query = Callback.select().where(
        (Callback.participant == participant_id) & Callback.done_at.is_null()
    )
    return tuple(CallbackItem(c.due_at, c.reason) for c in query.order_by(Callback.due_at))


def _next_steps(
    goals: dict[LifeArea, tuple[GoalItem, ...]] | None,
    plan: PlanInfo | None,
    callbacks: tuple[CallbackItem, ...] | None,
) -> tuple[NextStep, ...]:
    """Built from shared sections only, so nothing left out comes back in by this door."""
    steps: list[NextStep] = []
    for status, kind in ((GoalStatus.WORKING, "goal_working"), (GoalStatus.WANTED, "goal_wanted")):
        for area, items in (goals or {}).items():
            steps += [NextStep(kind, item.text, area) for item in items if item.status == status]
    if plan is not None and plan.status in PLAN_STEPS:
        steps.append(NextStep(f"plan_{plan.status.value}"))
    if callbacks:
        steps.append(NextStep("callbacks", count=len(callbacks), day=callbacks[0].due_at.date()))
    return tuple(steps)


def _made_by() -> str:
    """Who makes the summary: the trust person of this session, not the participant's own.
    Someone known only by the login the file made them from ("root") is not named."""
    from tp_tui.services.team import find_trust_person, login_name

    person = find_trust_person(login_name())
    if person is None or not one_line(person.name) or person.name == person.login:
        return ""
    return one_line(person.name)


def participant_summary(
    participant_id: int, now: datetime, since: date | None = None, include_notes: bool = False
) -> Summary:
    """Everything the summary may show about one participant, as consent allows today."""
    participant = Participant.get_or_none(Participant.id == participant_id)
    if participant is None:
        raise SummaryError("summary.error.no_id", id=participant_id)
    today = now.date()
    shared = in_force_on(participant_id, today, RECIPIENT)
    lapsed = lapsed_on(participant_id, today, RECIPIENT)
    records = list(
        StageRecord.select()
        .where(StageRecord.participant == participant_id)
        .order_by(StageRecord.period, StageRecord.entered_on, StageRecord.id)
    )
    period = records[-1].period if records else 1
    steps = tuple((Stage(r.stage), r.entered_on) for r in records if r.period == period)
    since_day, basis, after = _since(participant, now, since)

    def left(key: str) -> LeftOut:
        reason, on = lapsed.get(key, ("not_shared", None))
        return LeftOut(key, reason, on)

    left_out = tuple(left(key) for key in SECTIONS if key not in shared)
    if "contacts" in shared and not include_notes:
        left_out += (LeftOut(NOTES, "on_purpose"),)
    elif "contacts" in shared and NOTES not in shared:
        left_out += (left(NOTES),)  # asked for, but the participant has not agreed
    include_notes = include_notes and NOTES in shared
    goals = _goals(participant_id) if "goals" in shared else None
    plan = _plan(participant_id, period) if "plan" in shared else None
    callbacks = _callbacks(participant_id) if "callbacks" in shared else None
    contacts = None
    if "contacts" in shared:
        contacts = _contacts(participant_id, after, now, basis, include_notes)
    responsible = participant.responsible
    return Summary(
        participant_id=participant.id,
        name=participant.name,
        trust_person=responsible.name if responsible else "",
        # Who it is about is always in: the group knows whom they meet about, and a summary
        # without its subject could be mixed up with another person's.
        in_programme_since=participant.intake_on,
        stage=steps[-1][0] if steps else None,
        stage_entered_on=steps[-1][1] if steps else None,
        process=_process(participant_id, period, steps, shared) if "process" in shared else None,
        goals=goals,
        plan=plan,
        group=_group(participant_id) if "group" in shared else None,
        contacts=contacts,
        since=since_day,
        since_basis=basis,
        open_callbacks=callbacks,
        next_steps=_next_steps(goals, plan, callbacks),
        left_out=left_out,
        include_notes=include_notes and contacts is not None,
        generated_at=now,
        made_by=_made_by(),
        ratings=_ratings(participant_id) if "goals" in shared else None,
        meeting=_meeting_since(participant_id) if "group" in shared else None,
    )


@dataclass(frozen=True)
class MeetingSince:
    """What the last meeting decided, and what was done of its action points since."""

    held_on: date
    attended: tuple[str, ...]
    decisions: tuple[str, ...]
    done: tuple[ActionLine, ...]
    still_open: tuple[ActionLine, ...]


def _meeting_since(participant_id: int) -> MeetingSince | None:
    last = last_meeting(participant_id)
    if last is None:
        return None
    return MeetingSince(
        last.held_on,
        last.attended,
        last.decisions,
        tuple(done_since(participant_id, last.held_on)),
        tuple(open_action_points(participant_id)),
    )


def _ratings(participant_id: int) -> dict[LifeArea, tuple[RatingPoint, ...]]:
    """How the life areas stood over time, as the participant rated them with the trust
    person: part of the participant's own view of the life areas, shared with the goals."""
    return {area: points for area, points in rating_history(participant_id).items() if points}


def record_export(participant_id: int, what: str, fmt: str, clock: Clock) -> None:
    """Note that a summary left the app: on the participant, and in the audit trail (ids only)."""
    from tp_tui.services.audit import record as audit

    now = clock.now()
    with write():
        record = ExportRecord.create(participant=participant_id, at=now, what=what, format=fmt)
        audit("export." + what, participant_id, now, "export", int(record.id))


def record_print(participant_id: int, ok: bool, clock: Clock) -> None:
    """Note in the audit trail that the summary was sent to the printer, or that it failed:
    a failed print is never written down as printed."""
    from tp_tui.services.audit import record

    with write():
        record("print" if ok else "print.failed", participant_id, clock.now())


def exports_of(participant_id: int) -> list[tuple[datetime, str, str]]:
    """When, what and in which format, newest first, for the participant page."""
    query = ExportRecord.select().where(ExportRecord.participant == participant_id)
    return [
        (r.at, r.what, r.format)
        for r in query.order_by(ExportRecord.at.desc(), ExportRecord.id.desc())
    ]
