"""The demo's responsibility-group meetings: for a few fictional participants, their latest
group meeting gets who came, decisions and action points (one due today, one later, one done).
Drawn from what the demo already holds, without its random numbers, so the rest stays as it was."""

from __future__ import annotations

from datetime import date, timedelta

from tp_tui.domain import ContactKind
from tp_tui.models import (
    ActionPoint,
    Contact,
    GroupMeeting,
    GroupMember,
    MeetingAttendee,
)

MEETINGS = 3
DECISIONS = (
    "Søke om bostøtte før nyttår\nNAV vurderer arbeidsrettet tiltak",
    "Fastlegen henviser videre til poliklinikken\nNeste møte om seks uker",
    "Prøve ut dagtilbud to dager i uka\nTP følger til første avtale",
)
ACTIONS = (
    ("Sende søknad om bostøtte", 0),
    ("Avtale time hos fastlegen", 14),
    ("Skaffe kontoutskrift", -10),
)


def fill_demo_meetings(today: date) -> None:
    """Meetings for the first few participants whose group has met (inside the caller's write)."""
    latest = (
        Contact.select(Contact.participant, Contact.id, Contact.at)
        .where(Contact.kind == ContactKind.GROUP_MEETING.value)
        .order_by(Contact.participant, Contact.at.desc())
    )
    seen: set[int] = set()
    for contact in latest:
        participant_id = int(contact.participant_id)
        if participant_id in seen or len(seen) >= MEETINGS:
            continue
        members = list(
            GroupMember.select().where(GroupMember.participant == participant_id).limit(3)
        )
        if not members:
            continue
        seen.add(participant_id)
        number = len(seen) - 1
        held_on = contact.at.date()
        meeting = GroupMeeting.create(
            participant=participant_id, contact=contact.id, held_on=held_on,
            decisions=DECISIONS[number], created_at=contact.at, updated_at=contact.at,
        )  # fmt: skip
        for member in members[:2]:
            MeetingAttendee.create(meeting=meeting.id, member=member.id)
        for (text, days), owner in zip(ACTIONS, members + members, strict=False):
            done = days < 0
            ActionPoint.create(
                meeting=meeting.id, participant=participant_id, text=text,
                owner=owner.name or owner.agency, owner_member=owner.id,
                due_on=max(today + timedelta(days=days), held_on),
                done_on=max(today + timedelta(days=days), held_on) if done else None,
            )  # fmt: skip
