"""On a read-only database the app reads as usual; a save is refused with the reason, and the
form keeps what was typed."""

from __future__ import annotations

from pathlib import Path

from tp_tui.app import TpApp
from tp_tui.cli import run
from tp_tui.clock import FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.models import Participant

from .helpers import screen_text, type_text, wait_until


async def test_a_save_on_a_read_only_file_says_why_and_keeps_the_form(
    tmp_path: Path, clock: FrozenClock
) -> None:
    path = tmp_path / "tp.db"
    assert run(["--db", str(path), "participants", "add", "Kari Nordmann"]) == 0
    path.chmod(0o444)
    open_database(path)
    try:
        app = TpApp(clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f3")
            await wait_until(pilot, lambda: "Kari Nordmann" in screen_text(app), "the list")
            await pilot.press("n")
            await type_text(pilot, "Ola Nordmann")
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "read-only" in screen_text(app), "the reason")
            assert "Ola Nordmann" in screen_text(app)  # still in the form
        assert Participant.select().count() == 1
    finally:
        close_database()
    assert path.stat().st_mode & 0o777 == 0o444
