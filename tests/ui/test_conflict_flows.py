"""On the Callbacks screen and a participant's page, with a colleague working at the same time:
a call they returned while I was asking how it went stays theirs; a call owed can be edited."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Callback, Participant
from tp_tui.services.callbacks import CallbackInput, complete_callback, register_callback
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.settings import Settings
from tp_tui.views.callback_done import CallbackDoneScreen
from tp_tui.views.callback_form import CallbackFormScreen
from tp_tui.widgets.choice import KeyChoice

from .helpers import notifications, type_text


@pytest.fixture
def kari(db_path: Path, clock: FrozenClock) -> Participant:
    return add_participant(ParticipantInput(name="Kari Nordmann"), clock)


async def open_the_call(app: TpApp, pilot: object) -> None:
    await pilot.press("f4")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    app.screen.query_one("#cb-today", DataTable).focus()


async def test_a_call_a_colleague_returned_meanwhile_is_not_marked_again(
    kari: Participant, clock: FrozenClock
) -> None:
    owed = register_callback(CallbackInput(kari.id, "Ville prate"), clock, Settings())
    due_before = Callback.get_by_id(owed.id).due_at
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_the_call(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CallbackDoneScreen)
        complete_callback(owed.id, "reached", clock)  # a colleague, while the question is open
        choice = app.screen.query_one("#outcome", KeyChoice)
        no_answer = next(o.hotkey for o in choice.options if o.code == "no_answer")
        await pilot.press(no_answer, "enter")  # no answer, try again at the time offered
        await pilot.pause()
        assert "Not marked: someone else already marked this call returned" in notifications(app)
    stored = Callback.get_by_id(owed.id)
    assert stored.outcome == "reached" and stored.due_at == due_before


async def test_edit_a_call_owed_from_the_callbacks_screen(
    kari: Participant, clock: FrozenClock
) -> None:
    owed = register_callback(CallbackInput(kari.id, "Ville prate"), clock, Settings())
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_the_call(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, CallbackFormScreen)
        reason = app.screen.query_one("#reason", Input)
        assert reason.value == "Ville prate"
        reason.focus()
        await pilot.press("end")
        await type_text(pilot, " om husleia")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, CallbackFormScreen)
        assert "Ville prate om husleia" in [
            str(getattr(c, "plain", c)) for c in app.screen.query_one("#cb-today").get_column_at(3)
        ]
    assert Callback.get_by_id(owed.id).reason == "Ville prate om husleia"


async def test_removing_a_member_a_colleague_just_edited_is_refused(
    kari: Participant, clock: FrozenClock
) -> None:
    from tp_tui.models import GroupMember
    from tp_tui.services.plan import MemberInput, member_version, save_member
    from tp_tui.views.plan_forms import PickScreen

    nav = save_member(kari.id, MemberInput("nav", "Per Veileder"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("a")  # the responsibility group
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        listed = member_version(nav.id)
        save_member(kari.id, MemberInput("nav", "Per Veileder", "leder"), clock, nav.id, listed)
        await pilot.press("down", "x")  # past "new member", then remove Per
        await pilot.pause()
        assert "Not removed: someone else changed this member" in notifications(app)
    assert GroupMember.get_by_id(nav.id).left_on is None


async def test_ctrl_z_leaves_a_colleagues_later_change_alone(
    kari: Participant, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tp_tui.models import Contact
    from tp_tui.services.contacts import ContactInput, log_contact, update_contact

    monkeypatch.setenv("TP_TUI_USER", "kari.tp")
    contact = log_contact(ContactInput(kari.id, "i dag 10", note="Snakket om NAV"), clock)
    monkeypatch.setenv("TP_TUI_USER", "eva")
    update_contact(contact.id, ContactInput(kari.id, "i dag 10", note="Om NAV og husleia"), clock)
    monkeypatch.setenv("TP_TUI_USER", "kari.tp")
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Not undone: a colleague has changed it since" in notifications(app)
    assert Contact.get_by_id(contact.id).note == "Om NAV og husleia"
