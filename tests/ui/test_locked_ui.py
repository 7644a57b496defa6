"""Two copies on one file: a save that meets a lock keeps what was typed and says so."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.widgets import Input, Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Participant, db
from tp_tui.views.participant_form import ParticipantFormScreen

from .helpers import type_text


async def test_a_locked_save_keeps_the_entry(db_path: Path, clock: FrozenClock) -> None:
    db.execute_sql("PRAGMA busy_timeout = 100")  # the real timeout is 10 s; the test needn't wait
    other = sqlite3.connect(db_path, timeout=1)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "n")
        await type_text(pilot, "Kari Nordmann")
        other.execute("BEGIN EXCLUSIVE")  # the other copy is in the middle of a save
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantFormScreen)
        message = str(app.screen.query_one("#form-message", Static).render())
        assert "database is busy" in message
        assert app.screen.query_one("#name", Input).value == "Kari Nordmann"
        other.execute("COMMIT")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ParticipantFormScreen)
    other.close()
    assert Participant.get().name == "Kari Nordmann"
