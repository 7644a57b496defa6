"""An encrypted database's app locks after idle time: nothing personal shows, the form survives."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

pytest.importorskip("sqlcipher3")

from tp_tui.app import TpApp  # noqa: E402
from tp_tui.clock import FrozenClock  # noqa: E402
from tp_tui.db import close_database, open_database  # noqa: E402
from tp_tui.services.encryption import encrypt_file  # noqa: E402
from tp_tui.services.participants import ParticipantInput, add_participant  # noqa: E402
from tp_tui.views.lock import LockScreen  # noqa: E402
from tp_tui.views.participant_form import ParticipantFormScreen  # noqa: E402

from .helpers import type_text  # noqa: E402

PASSPHRASE = "korrekt hest batteri stift"


async def test_lock_hides_everything_and_keeps_the_form(tmp_path: Path, clock: FrozenClock) -> None:
    path = tmp_path / "tp.db"
    open_database(path)
    add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    close_database()
    encrypt_file(path, PASSPHRASE)
    open_database(path, PASSPHRASE)
    try:
        app = TpApp(clock=clock, db_path=path)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("f3", "n")
            await type_text(pilot, "Ola Hansen")
            app.lock()
            await pilot.pause()
            assert isinstance(app.screen, LockScreen)
            shown = " ".join(str(w.render()) for w in app.screen.query(Static))
            assert "Kari" not in shown and "Ola" not in shown
            picture = app.export_screenshot()  # what the terminal shows, underneath included
            assert "Ola" not in picture and "Hansen" not in picture and "Kari" not in picture
            await pilot.press("f3", "ctrl+p")  # nothing else opens while locked
            assert isinstance(app.screen, LockScreen)
            await type_text(pilot, "feil")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, LockScreen)
            await type_text(pilot, PASSPHRASE)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ParticipantFormScreen)
            assert app.screen.query_one("#name", Input).value == "Ola Hansen"
    finally:
        close_database()
