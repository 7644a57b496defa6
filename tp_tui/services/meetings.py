"""Responsibility-group meetings: who of the group came, what was decided, and action points
each with an owner and a deadline, open until done.

A meeting is saved with the contact it is (kind ``group_meeting``, the day and the free text),
so "since the last meeting" and the contact list stay as they were; all of it is one change
for ctrl+z. An action point is due on its day: open ones show on the participant page, and on
Today from their deadline on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tp_tui.clock import Clock
from tp_tui.dates import DateParseError, parse_date
from tp_tui.db import write
from tp_tui.domain import ContactKind
from tp_tui.i18n import format_date
from tp_tui.models import ActionPoint, GroupMeeting, GroupMember, MeetingAttendee
from tp_tui.services.conflicts import check_version
from tp_tui.services.contacts import ContactInput, log_contact
from tp_tui.services.history import name_change, record_revision, snapshot
from tp_tui.services.validation import FieldError, ValidationFailed
from tp_tui.settings import Settings

ACTION_FIELDS = ("text", "owner", "due_on", "done_on")


@dataclass(frozen=True)
class ActionInput:
    text: str
    owner: str = ""
    due: str = ""
    owner_member_id: int | None = None


@dataclass(frozen=True)
class MeetingInput:
    held_on: str
    attendee_ids: tuple[int, ...] = ()
    note: str = ""
    decisions: str = ""
    """One decision per line."""
    actions: tuple[ActionInput, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class MeetingLine:
    id: int
    held_on: date
    attended: tuple[str, ...]
    decisions: tuple[str, ...]


def _day(text: str, today: date, name: str, prefer: str) -> date:
    try:
        return parse_date(text, today, prefer)  # type: ignore[arg-type]
    except DateParseError as error:
        raise ValidationFailed({name: FieldError(error.key, dict(error.params))}) from None


def member_label(member: GroupMember) -> str:
    """A member as a meeting names them: the name, else the agency's code."""
    return str(member.name or member.agency)


def current_members(participant_id: int) -> list[GroupMember]:
    """The members still in the group, as the meeting form offers them (keys 1–9)."""
    query = GroupMember.select().where(
        (GroupMember.participant == participant_id) & GroupMember.left_on.is_null()
    )
    return list(query.order_by(GroupMember.id).limit(9))


def record_meeting(
    participant_id: int, data: MeetingInput, clock: Clock, settings: Settings | None = None
) -> GroupMeeting:
    """Save the meeting, its contact, who came and its action points, as one change."""
    now = clock.now()
    today = now.date()
    held_on = _day(data.held_on, today, "held_on", "past")
    if held_on > today:
        raise ValidationFailed({"held_on": FieldError("meetings.error.future")})
    members = {
        m.id: m for m in GroupMember.select().where(GroupMember.participant == participant_id)
    }
    if any(member_id not in members for member_id in data.attendee_ids):
        raise ValidationFailed({"attended": FieldError("meetings.error.not_member")})
    actions: list[tuple[ActionInput, date]] = []
    for number, action in enumerate(data.actions):
        if not action.text.strip():
            continue
        if not action.due.strip():
            raise ValidationFailed({f"action-{number}": FieldError("meetings.error.no_deadline")})
        actions.append((action, _day(action.due, today, f"action-{number}", "future")))
    at = f"{format_date(held_on)} {now:%H:%M}" if held_on == today else format_date(held_on)
    with write():
        name_change("group_meeting.create")
        contact = log_contact(
            ContactInput(participant_id, at, kind=ContactKind.GROUP_MEETING.value, note=data.note),
            clock,
            settings,
        )
        meeting = GroupMeeting.create(
            participant=participant_id,
            contact=contact.id,
            held_on=held_on,
            decisions="\n".join(filter(None, map(str.strip, data.decisions.splitlines()))),
            created_at=now,
            updated_at=now,
        )
        record_revision(meeting, "create", now, participant_id)
        for member_id in dict.fromkeys(data.attendee_ids):
            came = MeetingAttendee.create(meeting=meeting.id, member=member_id)
            record_revision(came, "create", now, participant_id)
        for action, due_on in actions:
            owner = action.owner.strip()
            if action.owner_member_id in members and not owner:
                owner = member_label(members[action.owner_member_id])
            point = ActionPoint.create(
                meeting=meeting.id,
                participant=participant_id,
                text=action.text.strip(),
                owner=owner,
                owner_member=action.owner_member_id if action.owner_member_id in members else None,
                due_on=due_on,
            )
            record_revision(point, "create", now, participant_id)
    return meeting


def mark_done(action_id: int, clock: Clock, expected_version: int | None = None) -> ActionPoint:
    """The action point was done today (kept with its day; ctrl+z takes it back)."""
    now = clock.now()
    with write():
        point = ActionPoint.get_by_id(action_id)
        check_version(point, expected_version, ACTION_FIELDS)
        before = snapshot(point)
        point.done_on = now.date()
        point.version = int(point.version) + 1
        point.save()
        record_revision(point, "update", now, int(point.participant_id), before)
    return point


def last_meeting(participant_id: int, before: date | None = None) -> MeetingLine | None:
    """The newest meeting (held before ``before`` when given), with who came."""
    query = GroupMeeting.select().where(GroupMeeting.participant == participant_id)
    if before is not None:
        query = query.where(GroupMeeting.held_on < before)
    meeting = query.order_by(GroupMeeting.held_on.desc(), GroupMeeting.id.desc()).first()
    if meeting is None:
        return None
    came = (
        GroupMember.select()
        .join(MeetingAttendee)
        .where(MeetingAttendee.meeting == meeting.id)
        .order_by(GroupMember.id)
    )
    decisions = tuple(line for line in str(meeting.decisions).splitlines() if line.strip())
    return MeetingLine(
        int(meeting.id), meeting.held_on, tuple(member_label(m) for m in came), decisions
    )
