"""Keys typed while a form opens reach the form: ctrl+l and the name at once lose nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Callback, Contact, Goal, Participant
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.typeahead import TypeAhead
from tp_tui.views.contact_form import ContactFormScreen

from .helpers import wait_until


def typed_at_once(app: TpApp, *keys: str) -> None:
    """Keys as a quick typist or a paste sends them: all before the app has handled any."""
    for name in keys:
        app.post_message(events.Key(name, name if len(name) == 1 else None))


async def wait_for_the_form(app: TpApp, pilot: Pilot[Any]) -> ContactFormScreen:
    await wait_until(
        pilot,
        lambda: isinstance(app.screen, ContactFormScreen) and app.screen.is_mounted,
        "the contact form",
    )
    await pilot.pause()
    assert isinstance(app.screen, ContactFormScreen)
    return app.screen


async def wait_for_the_name(app: TpApp, pilot: Pilot[Any], name: str) -> ContactFormScreen:
    form = await wait_for_the_form(app, pilot)
    field = form.query_one("#picker-input", Input)
    await wait_until(pilot, lambda: field.value == name, f"{name!r} in the form's name field")
    return form


async def test_a_name_typed_right_after_ctrl_l_lands_in_the_form(
    db_path: Path, clock: FrozenClock
) -> None:
    add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        typed_at_once(app, "ctrl+l", "K", "a", "r", "i")
        form = await wait_for_the_name(app, pilot, "Kari")
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ Kari Nordmann" in str(form.query_one("#picked").render())


async def test_without_holding_the_keys_they_are_lost(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the test above guards against: Textual alone gives the keys to the screen below.
    monkeypatch.setattr(TypeAhead, "hold", lambda self, event: False)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        typed_at_once(app, "ctrl+l", "K", "a", "r", "i")
        form = await wait_for_the_form(app, pilot)
        assert form.query_one("#picker-input", Input).value != "Kari"


async def test_a_form_slow_to_open_still_gets_every_key(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A slow laptop: the form takes longer to open than the app's check for a closed screen.
    import asyncio

    opened = ContactFormScreen.on_mount

    async def slowly(self: ContactFormScreen) -> None:
        await asyncio.sleep(1.2)
        opened(self)

    monkeypatch.setattr(ContactFormScreen, "on_mount", slowly)
    add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        typed_at_once(app, "ctrl+l", "K", "a", "r", "i")
        await wait_for_the_name(app, pilot, "Kari")


def chars(text: str) -> list[str]:
    return list(text)


def saved_as(name: str) -> Callable[[], bool]:
    return lambda: bool(Participant.select().where(Participant.name == name).exists())


async def test_a_name_typed_and_saved_at_once_is_saved_whole(
    db_path: Path, clock: FrozenClock
) -> None:
    """ctrl+s is an app-wide key: it used to save before the last letters reached the field
    ("Testperson Fast Q" was saved as "Testperson Fast")."""
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        for name in ("Testperson Fast Q", "[bold red]Per[/] [@click=app.quit]X"):
            typed_at_once(app, "n", *chars(name), "ctrl+s")
            await wait_until(pilot, saved_as(name), f"{name!r} saved whole")
        names = sorted(p.name for p in Participant.select())
        assert names == ["Testperson Fast Q", "[bold red]Per[/] [@click=app.quit]X"]


async def test_a_whole_contact_typed_at_once_is_logged(db_path: Path, clock: FrozenClock) -> None:
    """A paste or a quick typist: the name, Enter, the kind, an area and the note before the
    name search has shown its matches."""
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    add_participant(ParticipantInput(name="Ola Hansen"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = ["ctrl+l", *chars("kari"), "enter", "enter", "p", "1", "tab"]
        typed_at_once(app, *keys, *chars("Husleie"), "ctrl+s")
        await wait_until(pilot, lambda: Contact.select().exists(), "the contact saved")
        contact = Contact.get()
        assert (contact.participant_id, contact.kind, contact.note) == (
            kari.id,
            "phone",
            "Husleie",
        )


async def test_keys_after_enter_on_a_list_reach_the_form_it_opens(
    db_path: Path, clock: FrozenClock
) -> None:
    """Enter on "+ New" closes the goal list and opens the goal form: what is typed right
    after goes into the form, not to the page below."""
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        typed_at_once(app, "g", "enter", "1", *chars("Få min egen leilighet"), "enter", "o")
        typed_at_once(app, "ctrl+s")
        await wait_until(pilot, lambda: Goal.select().exists(), "the goal saved")
        goal = Goal.get()
        assert (goal.life_area, goal.text, goal.status) == (
            "housing",
            "Få min egen leilighet",
            "working",
        )


async def test_a_call_owed_typed_at_once_keeps_every_field(
    db_path: Path, clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        typed_at_once(
            app,
            "ctrl+r",
            *chars("Mor til Jonas"),
            "tab",
            *chars("900 11 223"),
            "tab",
            *chars("Bekymret for Jonas"),
            "ctrl+s",
        )
        await wait_until(pilot, lambda: Callback.select().exists(), "the call owed saved")
        callback = Callback.get()
        assert (callback.caller_name, callback.caller_phone, callback.reason) == (
            "Mor til Jonas",
            "+4790011223",
            "Bekymret for Jonas",
        )
