"""The app open and ``tp`` commands on the same file at the same time lose nothing.

The app runs here as it starts from ``tp`` (the backup on start, then the screens), driven by
keys; the commands run as real ``tp`` processes beside it. Until this was fixed, the backup on
start read the file's header by a second descriptor, which dropped the app's SQLite locks: the
next command took itself for the last user, deleted the app's ``-wal``, and every save after
that — the app's, or the command's — was silently lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Contact, Participant
from tp_tui.services.autobackup import backup_if_due
from tp_tui.settings import Settings

from .helpers import type_text, wait_until


def tp(db: Path, home: Path, *args: str) -> str:
    """``tp --db DB ARGS…`` in a process of its own; it must succeed."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TP_TUI_", "XDG_"))},
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "LANG": "C.UTF-8",
        "TP_TUI_NOW": "2026-11-26T10:00+01:00",
    }
    command = [sys.executable, "-m", "tp_tui", "--db", str(db), "--lang", "en", *args]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, f"tp {' '.join(args)} failed: {result.stderr}"
    return result.stdout


def on_disk(db: Path) -> set[str]:
    """The participants another process finds in the file (what survives the app)."""
    return {line.split("  ")[0] for line in tp(db, db.parent, "participants").splitlines()[1:-1]}


async def test_saves_in_the_app_and_in_commands_beside_it_are_all_kept(
    db_path: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    home = tmp_path / "other-home"
    backup_if_due(db_path, clock.now(), Settings())  # as `tp` does before the first screen
    app = TpApp(clock=clock, db_path=db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        tp(db_path, home, "participants")  # a command that only reads, then closes
        await pilot.press("f3", "n")
        await type_text(pilot, "App Person")
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: Participant.select().count() == 1, "App Person in the list"
        )
        assert "Added Cli Person" in tp(db_path, home, "participants", "add", "Cli Person")
        tp(db_path, home, "log", "Cli Person", "--kind", "phone", "--note", "Ringte fra skallet")
        tp(db_path, home, "backup")
        await pilot.press("n")
        await type_text(pilot, "App Person Two")
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: Participant.select().count() == 3, "all three in the list"
        )
        tp(db_path, home, "today")
    assert on_disk(db_path) == {"App Person", "App Person Two", "Cli Person"}
    assert [c.note for c in Contact.select()] == ["Ringte fra skallet"]
