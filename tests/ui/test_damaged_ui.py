"""A file damaged on disk: the app shows its first screen at once, checks the pages behind it,
and stops before anything is written."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from pathlib import Path

from textual.worker import WorkerCancelled

from tp_tui.app import EXIT_DAMAGED, TpApp
from tp_tui.clock import OSLO, FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.models import Participant


async def test_the_app_stops_on_a_damaged_file(tmp_path: Path, clock: FrozenClock) -> None:
    path = tmp_path / "tp.db"
    open_database(path)
    now = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)
    for number in range(50):
        Participant.create(name=f"Testperson {number}", created_at=now, updated_at=now)
    close_database()
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = b"\x00\x01" * 100
    path.write_bytes(bytes(data))
    open_database(path)
    app = TpApp(clock=clock, db_path=path)
    async with app.run_test() as pilot:
        with suppress(WorkerCancelled):  # quitting cancels the workers still listed
            await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.damaged is not None and app.damaged.key == "storage.error.damaged"
    assert app.return_code == EXIT_DAMAGED
    close_database()
    assert path.read_bytes() == bytes(data)


async def test_a_good_file_is_checked_and_the_app_goes_on(
    db_path: Path, clock: FrozenClock
) -> None:
    close_database()
    db_path.write_bytes(db_path.read_bytes())  # touched outside tp-tui: checked again
    open_database(db_path)
    app = TpApp(clock=clock, db_path=db_path)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
    assert app.damaged is None
