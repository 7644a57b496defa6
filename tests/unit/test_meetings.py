"""Responsibility-group meetings: who came, decisions, action points with owner and deadline;
open ones on the page and on Today when due; one change for ctrl+z; what the summary tells."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.models import ActionPoint, Contact, GroupMeeting, MeetingAttendee, Participant
from tp_tui.services.action_points import done_since, due_action_points, open_action_points
from tp_tui.services.meetings import (
    ActionInput,
    MeetingInput,
    last_meeting,
    mark_done,
    record_meeting,
)
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.plan import MemberInput, save_member
from tp_tui.services.undo import undo_last
from tp_tui.services.validation import ValidationFailed

pytestmark = pytest.mark.engines


@pytest.fixture
def kari(db_path: Path, clock: FrozenClock) -> Participant:
    return add_participant(ParticipantInput(name="Kari Fiktiv", intake="01.09.2026"), clock)


def _members(pid: int, clock: FrozenClock) -> tuple[int, int]:
    nav = save_member(pid, MemberInput("nav", "Randi Fiktiv", "veileder"), clock)
    gp = save_member(pid, MemberInput("gp", "Dr. Fiktiv", "fastlege"), clock)
    return int(nav.id), int(gp.id)


def _meeting(pid: int, clock: FrozenClock, nav: int) -> GroupMeeting:
    return record_meeting(
        pid,
        MeetingInput(
            "24.11.2026",
            attendee_ids=(nav,),
            note="Godt møte",
            decisions="Søke om bostøtte\n\nNytt møte i januar",
            actions=(
                ActionInput("Sende søknad", due="26.11.2026", owner_member_id=nav),
                ActionInput("Ringe fastlegen", owner="TP", due="10.12.2026"),
                ActionInput("  "),  # an empty line of the form is no action point
            ),
        ),
        clock,
    )


def test_a_meeting_records_who_came_decisions_and_action_points(
    kari: Participant, clock: FrozenClock
) -> None:
    nav, _ = _members(kari.id, clock)
    meeting = _meeting(kari.id, clock, nav)
    contact = Contact.get_by_id(meeting.contact_id)
    assert (contact.kind, contact.note, contact.at.date()) == (
        "group_meeting", "Godt møte", date(2026, 11, 24),
    )  # fmt: skip
    last = last_meeting(kari.id)
    assert last is not None
    assert last.attended == ("Randi Fiktiv",)
    assert last.decisions == ("Søke om bostøtte", "Nytt møte i januar")
    shown = [(a.text, a.owner, a.due_on) for a in open_action_points(kari.id)]
    assert shown == [
        ("Sende søknad", "Randi Fiktiv", date(2026, 11, 26)),
        ("Ringe fastlegen", "TP", date(2026, 12, 10)),
    ]


def test_today_shows_action_points_from_their_deadline_until_done(
    kari: Participant, clock: FrozenClock
) -> None:
    nav, _ = _members(kari.id, clock)
    _meeting(kari.id, clock, nav)
    due = due_action_points(clock.today())
    assert [a.text for a in due] == ["Sende søknad"]  # the other is due 10.12
    mark_done(due[0].id, clock, due[0].version)
    assert due_action_points(clock.today()) == []
    assert [a.text for a in open_action_points(kari.id)] == ["Ringe fastlegen"]
    assert [a.text for a in done_since(kari.id, date(2026, 11, 24))] == ["Sende søknad"]
    undo_last(clock)  # taking back "done" opens it again
    assert [a.text for a in due_action_points(clock.today())] == ["Sende søknad"]


def test_a_meeting_is_one_change_for_undo(kari: Participant, clock: FrozenClock) -> None:
    nav, _ = _members(kari.id, clock)
    contacts = Contact.select().count()
    _meeting(kari.id, clock, nav)
    undone = undo_last(clock)
    assert undone is not None and undone.kind == "group_meeting.create"
    assert GroupMeeting.select().count() == 0
    assert MeetingAttendee.select().count() == ActionPoint.select().count() == 0
    assert Contact.select().count() == contacts


def test_bad_input_is_refused_and_nothing_is_saved(kari: Participant, clock: FrozenClock) -> None:
    nav, _ = _members(kari.id, clock)
    other = add_participant(ParticipantInput(name="Ola Fiktiv"), clock)
    stranger, _ = _members(other.id, clock)
    cases = [
        (MeetingInput("+2"), "held_on"),
        (MeetingInput("i går", attendee_ids=(stranger,)), "attended"),
        (MeetingInput("i går", actions=(ActionInput("Søke"),)), "action-0"),
        (MeetingInput("i går", actions=(ActionInput("Søke", due="31.02"),)), "action-0"),
    ]
    for data, field in cases:
        with pytest.raises(ValidationFailed) as refused:
            record_meeting(kari.id, data, clock)
        assert field in refused.value.errors
    assert GroupMeeting.select().count() == 0
    assert Contact.select().where(Contact.kind == "group_meeting").count() == 0


def test_erasing_the_participant_takes_the_meetings(kari: Participant, clock: FrozenClock) -> None:
    from tp_tui.services.erasure import erase

    nav, _ = _members(kari.id, clock)
    _meeting(kari.id, clock, nav)
    erase(kari.id, "Kari Fiktiv", clock)
    assert GroupMeeting.select().count() == ActionPoint.select().count() == 0


def test_the_demo_has_meetings_with_decisions_and_one_action_point_due(
    demo_db: Path, clock: FrozenClock
) -> None:
    meetings = list(GroupMeeting.select())
    assert len(meetings) == 3 and all(m.decisions for m in meetings)
    assert MeetingAttendee.select().count() >= 3
    assert len(due_action_points(clock.today())) >= 1
    assert ActionPoint.select().where(ActionPoint.done_on.is_null(False)).count() >= 1


def test_the_summary_tells_what_the_last_meeting_decided_and_what_was_done(
    kari: Participant, clock: FrozenClock
) -> None:
    from tp_tui.export.summary import render_markdown
    from tp_tui.models import ConsentGrant
    from tp_tui.services.summary import participant_summary

    nav, _ = _members(kari.id, clock)
    _meeting(kari.id, clock, nav)
    mark_done(open_action_points(kari.id)[0].id, clock)
    ConsentGrant.create(participant=kari.id, scope="goals", given_on=date(2026, 9, 1))
    assert participant_summary(kari.id, clock.now()).meeting is None  # the group is not shared
    assert "Søke om bostøtte" not in render_markdown(participant_summary(kari.id, clock.now()))

    ConsentGrant.create(participant=kari.id, scope="group", given_on=date(2026, 9, 1))
    text = render_markdown(participant_summary(kari.id, clock.now()))
    assert "## Since the last group meeting (24.11.2026)" in text
    assert "Present: Randi Fiktiv" in text
    assert "- Søke om bostøtte\n- Nytt møte i januar" in text
    assert "- Sende søknad (Randi Fiktiv), done 26.11.2026" in text
    assert "- Ringe fastlegen (TP), by 10.12.2026" in text


def test_an_action_point_someone_else_changed_is_not_marked_over_them(
    kari: Participant, clock: FrozenClock
) -> None:
    from tp_tui.services.conflicts import ChangedSince

    nav, _ = _members(kari.id, clock)
    _meeting(kari.id, clock, nav)
    shown = open_action_points(kari.id)[0]
    mark_done(shown.id, clock, shown.version)  # a colleague, first
    with pytest.raises(ChangedSince):
        mark_done(shown.id, clock, shown.version)  # me, from the list as it was
    assert ActionPoint.get_by_id(shown.id).version == shown.version + 1


def test_tp_today_prints_the_action_points_due_after_the_calls_owed(
    kari: Participant, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    from tp_tui.commands.today import add_arguments, today_command
    from tp_tui.settings import Settings

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert today_command(parser.parse_args(["--team"]), Settings(), clock) == 0
    assert "Action points due" not in capsys.readouterr().out
    nav, _ = _members(kari.id, clock)
    _meeting(kari.id, clock, nav)
    assert today_command(parser.parse_args(["--team"]), Settings(), clock) == 0
    out = capsys.readouterr().out
    calls, rest = out.split("Action points due\n")
    assert "Callbacks due today" in calls and rest.index("Contacts logged today") > 0
    assert "26.11.2026  Kari Fiktiv  Sende søknad  Randi Fiktiv" in rest
    assert "Ringe fastlegen" not in rest  # due 10.12
