"""Recording a group meeting from the participant page at 80×24, and ticking off an action
point; Esc asks before throwing the typed meeting away."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, TextArea

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import ActionPoint, GroupMeeting, MeetingAttendee
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.plan import MemberInput, save_member
from tp_tui.views.meeting_form import MeetingForm

from .helpers import type_text


async def test_a_meeting_with_an_action_point_then_marked_done(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Fiktiv"), clock)
    nav = save_member(kari.id, MemberInput("nav", "Randi Fiktiv"), clock)
    save_member(kari.id, MemberInput("gp", "Dr. Fiktiv"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MeetingForm)
        await pilot.press("tab", "1")  # to Present; Randi came
        app.screen.query_one("#decisions", TextArea).text = "Søke om bostøtte"
        app.screen.query_one("#action-0-text", Input).focus()
        await type_text(pilot, "Sende søknad")
        await pilot.press("tab")
        await type_text(pilot, "Randi")
        await pilot.press("tab")
        await type_text(pilot, "i dag")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, MeetingForm)
        meeting = GroupMeeting.get()
        assert meeting.decisions == "Søke om bostøtte"
        assert [a.member_id for a in MeetingAttendee.select()] == [nav.id]
        point = ActionPoint.get()
        assert (point.text, point.owner, point.due_on) == ("Sende søknad", "Randi", clock.today())
        table = app.screen.query_one("#detail-actions", DataTable)
        assert table.row_count == 1
        table.focus()
        await pilot.press("d")
        await pilot.pause()
        assert ActionPoint.get().done_on == clock.today()


async def test_a_deadline_not_understood_is_told_and_esc_asks(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Fiktiv"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#action-0-text", Input).value = "Ringe NAV"
        app.screen.query_one("#action-0-due", Input).value = "snart"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingForm)
        message = str(app.screen.query_one("#action-0-message").render())
        assert "snart" in message
        assert GroupMeeting.select().count() == 0
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MeetingForm)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingForm)
        assert app.screen.query_one("#action-0-text", Input).value == "Ringe NAV"


async def test_today_lists_the_action_points_due_and_opens_the_participant(
    db_path: Path, clock: FrozenClock
) -> None:
    from tp_tui.services.meetings import ActionInput, MeetingInput, record_meeting

    kari = add_participant(ParticipantInput(name="Kari Fiktiv"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query("#actions-due")  # none: no section
    record_meeting(
        kari.id,
        MeetingInput(
            "i går",
            actions=(
                ActionInput("Sende søknad", "Randi", "i dag"),
                ActionInput("Ringe legen", "TP", "+5"),
            ),
        ),  # fmt: skip
        clock,
    )
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#actions-due", DataTable)
        assert table.display and table.row_count == 1
        assert "Sende søknad (Randi)" in str(table.get_row_at(0)[2])
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ParticipantDetailScreen"


async def test_removing_the_coordinator_asks_first_and_no_keeps_them(
    db_path: Path, clock: FrozenClock
) -> None:
    from tp_tui.models import GroupMember
    from tp_tui.widgets.confirm import ConfirmScreen

    kari = add_participant(ParticipantInput(name="Kari Fiktiv"), clock)
    randi = MemberInput("nav", "Randi Fiktiv", "veileder", is_coordinator=True)
    lead = save_member(kari.id, randi, clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("a", "down", "x")  # the group list: past "+ New" to Randi, remove
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # no
        await pilot.pause()
        assert GroupMember.get_by_id(lead.id).left_on is None
        await pilot.press("a", "down", "x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        member = GroupMember.get_by_id(lead.id)
        assert (member.left_on, member.role) == (clock.today(), "veileder")  # kept, with the day


async def test_action_point_text_is_shown_as_written_never_as_markup(
    db_path: Path, clock: FrozenClock
) -> None:
    from tp_tui.services.meetings import ActionInput, MeetingInput, record_meeting

    kari = add_participant(ParticipantInput(name="Kari Fiktiv"), clock)
    hostile = "[bold]Ring[/] [ @click=app.quit]x Per [/"
    record_meeting(
        kari.id, MeetingInput("i går", actions=(ActionInput(hostile, "[red]TP", "i dag"),)), clock
    )
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        today_cell = app.screen.query_one("#actions-due", DataTable).get_row_at(0)[2]
        assert str(today_cell) == f"{hostile} ([red]TP)"
        app.open_participant(kari.id)
        await pilot.pause()
        row = app.screen.query_one("#detail-actions", DataTable).get_row_at(0)
        assert (str(row[1]), str(row[2])) == (hostile, "[red]TP")
