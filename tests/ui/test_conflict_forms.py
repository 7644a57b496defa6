"""The goal, group-member, plan and callback forms when someone else saved first: the form says
what they changed, keeps what was typed, and their change stays until the user saves on top."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.domain import LifeArea, PlanStatus
from tp_tui.i18n import set_language
from tp_tui.models import Callback, Goal, GroupMember, IndividualPlan, Participant
from tp_tui.services.callbacks import (
    CallbackInput,
    callback_version,
    complete_callback,
    register_callback,
    update_callback,
)
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.plan import (
    MemberInput,
    add_goal,
    member_version,
    save_member,
    set_plan_status,
    update_goal,
)
from tp_tui.settings import Settings
from tp_tui.views.callback_form import CallbackFormScreen
from tp_tui.views.conflict import done_conflict_message
from tp_tui.views.plan_forms import GoalForm, MemberForm, PlanStatusForm, remove_member_safely
from tp_tui.widgets.choice import KeyChoice

from .helpers import notifications, type_text


@pytest.fixture
def kari(db_path: Path, clock: FrozenClock) -> Participant:
    return add_participant(ParticipantInput(name="Kari Nordmann"), clock)


def form_message(app: TpApp) -> str:
    return str(app.screen.query_one("#form-message", Static).render())


def hotkey(app: TpApp, selector: str, code: str) -> str:
    choice = app.screen.query_one(selector, KeyChoice)
    return next(option.hotkey for option in choice.options if option.code == code)


async def test_the_goal_form_says_what_changed_and_keeps_the_text(
    kari: Participant, clock: FrozenClock
) -> None:
    goal = add_goal(kari.id, LifeArea.HOUSING, "Egen leilighet", "wanted", clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(GoalForm(kari.id, goal.id))
        await pilot.pause()
        # Someone else moves the goal on while the form is open.
        update_goal(goal.id, "Egen leilighet", "working", clock, expected_version=1)
        await pilot.press("end")
        await type_text(pilot, " i sentrum")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        message = form_message(app)
        assert "Not saved: someone else saved" in message
        assert "Changed: Status (now: working on it)." in message
        assert app.screen.query_one("#text", Input).value == "Egen leilighet i sentrum"
        stored = Goal.get_by_id(goal.id)
        assert (stored.text, stored.status) == ("Egen leilighet", "working")
        await pilot.press("ctrl+s")  # on top of theirs: the user's choice
        await pilot.pause()
        assert not isinstance(app.screen, GoalForm)
    stored = Goal.get_by_id(goal.id)
    # The words are the user's; the status, left as it was in this form, stays theirs.
    assert (stored.text, stored.status) == ("Egen leilighet i sentrum", "working")


async def test_the_member_form_says_what_changed_and_keeps_the_text(
    kari: Participant, clock: FrozenClock
) -> None:
    nav = save_member(kari.id, MemberInput("nav", "Per Veileder", "", "91234567"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(MemberForm(kari.id, nav.id))
        await pilot.pause()
        save_member(kari.id, MemberInput("nav", "Per Veileder", "", "98765432"), clock, nav.id, 1)
        app.screen.query_one("#role", Input).focus()
        await type_text(pilot, "veileder")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MemberForm)
        assert "Changed: Phone (now: 987 65 432)." in form_message(app)
        assert app.screen.query_one("#role", Input).value == "veileder"
        stored = GroupMember.get_by_id(nav.id)
        assert (stored.role, stored.phone) == ("", "+4798765432")


async def test_the_plan_status_form_says_what_changed(
    kari: Participant, clock: FrozenClock
) -> None:
    set_plan_status(kari.id, PlanStatus.DRAFT, clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(PlanStatusForm(kari.id, "draft"))
        await pilot.pause()
        set_plan_status(kari.id, PlanStatus.OFFERED, clock, 2)
        await pilot.press(hotkey(app, "#plan_status", "declined"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanStatusForm)
        assert "Changed: Status (now: offered)." in form_message(app)
        assert app.screen.query_one("#plan_status", KeyChoice).value == "declined"
        assert IndividualPlan.get().status == "offered"


async def test_the_callback_form_edits_and_says_what_changed(
    kari: Participant, clock: FrozenClock
) -> None:
    owed = register_callback(CallbackInput(kari.id, "Ville prate"), clock, Settings())
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(CallbackFormScreen(callback_id=owed.id))
        await pilot.pause()
        assert app.screen.query_one("#reason", Input).value == "Ville prate"
        due = app.screen.query_one("#due", Input).value
        update_callback(owed.id, CallbackInput(kari.id, "Om husleia", due), clock, Settings(), 1)
        await pilot.press("end")
        await type_text(pilot, " om NAV")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CallbackFormScreen)
        assert "Changed: About (now: Om husleia)." in form_message(app)
        assert app.screen.query_one("#reason", Input).value == "Ville prate om NAV"
        assert Callback.get_by_id(owed.id).reason == "Om husleia"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, CallbackFormScreen)
    assert Callback.get_by_id(owed.id).reason == "Ville prate om NAV"


async def test_removing_a_member_someone_just_edited_says_what_changed(
    kari: Participant, clock: FrozenClock
) -> None:
    nav = save_member(kari.id, MemberInput("nav", "Per Veileder"), clock)
    listed = member_version(nav.id)
    save_member(kari.id, MemberInput("nav", "Per Veileder", "leder"), clock, nav.id, listed)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        assert not remove_member_safely(app, nav.id, listed)
        await pilot.pause()
        assert "Not removed: someone else changed this member" in notifications(app)
        assert "Role (now: leder)" in notifications(app)
    assert GroupMember.get_by_id(nav.id).left_on is None


def test_a_call_returned_by_someone_else_is_named_in_norwegian(
    kari: Participant, clock: FrozenClock
) -> None:
    from tp_tui.services.conflicts import ChangedSince

    owed = register_callback(CallbackInput(kari.id, "Ville prate"), clock, Settings())
    picked = callback_version(owed.id)
    complete_callback(owed.id, "reached", clock, expected_version=picked)
    set_language("nb")
    with pytest.raises(ChangedSince) as refused:
        complete_callback(owed.id, "no_answer", clock, expected_version=picked)
    message = done_conflict_message(refused.value)
    assert message == (
        "Ikke markert: noen andre markerte allerede denne som ringt tilbake "
        "(26.11.2026 10:00, nådd). Det de registrerte står."
    )
