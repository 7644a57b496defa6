"""The open app names the calls still owed an hour before the working day ends, once, with
the bell and a desktop notification that holds only a count."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tp_tui.app import TpApp
from tp_tui.clock import OSLO, FrozenClock
from tp_tui.services.callbacks import CallbackInput, register_callback
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.settings import Settings

from .helpers import notifications


async def test_the_reminder_names_the_calls_and_the_desktop_gets_a_count(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FrozenClock(datetime(2026, 11, 26, 14, 40, tzinfo=OSLO))
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    register_callback(CallbackInput(kari.id, "Om husleia"), clock, Settings())
    monkeypatch.setenv("TERM_PROGRAM", "iTerm.app")
    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.delenv("STY", raising=False)
    sent: list[str] = []
    app = TpApp(clock=clock)
    monkeypatch.setattr(app, "send_to_terminal", sent.append)
    async with app.run_test(size=(80, 24)) as pilot:
        app._remind_if_due()  # what the minute timer does
        await pilot.pause()
        told = notifications(app)
        assert "1 call owed is not returned yet today" in told
        assert "Kari Nordmann" in told
        assert sent == ["\x1b]9;tp-tui: 1 call still owed today\x07"]  # no name
        app._remind_if_due()  # once a day
        await pilot.pause()
        assert len(sent) == 1
