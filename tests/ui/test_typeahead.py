"""Keys typed while a form opens reach the form: ctrl+l and the name at once lose nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
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
