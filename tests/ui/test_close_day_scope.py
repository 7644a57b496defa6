"""The close of day (F9) counts what Today shows: my calls and contacts on a team's database,
the team's once Today is switched to the team (t). Nothing is drawn as a box it cannot tick."""

from __future__ import annotations

from pathlib import Path

import pytest

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.services.callbacks import CallbackInput, register_callback
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.settings import Settings
from tp_tui.views.close_day import CloseDayScreen

from .helpers import screen_text, wait_until


async def test_close_of_day_counts_mine_then_the_teams(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TP_TUI_USER", "eva")
    ola = add_participant(ParticipantInput(name="Ola Kollegasen"), clock)
    register_callback(CallbackInput(ola.id, "Evas samtale", "i dag 9"), clock, Settings())
    monkeypatch.setenv("TP_TUI_USER", "kari")
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    register_callback(CallbackInput(kari.id, "Husleia", "i dag 9"), clock, Settings())
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(app.screen, CloseDayScreen), "close of day")
        text = screen_text(app)
        assert "1 call not returned yet" in text and "Husleia" in text
        assert "Evas samtale" not in text and "[ ]" not in text
        await pilot.press("escape", "t", "f9")  # Today: the team's lists, then close the day
        await wait_until(pilot, lambda: isinstance(app.screen, CloseDayScreen), "again")
        text = screen_text(app)
        assert "2 calls not returned yet" in text and "Evas samtale" in text
