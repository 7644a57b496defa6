"""An unexpected error never shows a traceback or a participant's name to the user."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CRASHING_APP = """
import sys
from pathlib import Path
import tp_tui.views.today as today

def broken(*args, **kwargs):
    secret_note = "Kari Nordmann ringte om husleia"
    raise ValueError(secret_note)

today.today_overview = broken
from tp_tui.db import open_database
open_database(Path(sys.argv[1]))
from tp_tui.app import TpApp
app = TpApp()
app.run(headless=True)
print("exit", app.return_code)
"""


def test_crash_shows_a_calm_message_and_logs_no_personal_data(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "LANG": "C.UTF-8",
        "TEXTUAL_ANIMATIONS": "none",
    }
    result = subprocess.run(
        [sys.executable, "-c", CRASHING_APP, str(tmp_path / "tp.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    output = result.stdout + result.stderr
    assert "exit 1" in result.stdout
    assert "unexpected error" in output
    assert "Kari" not in output
    assert "Traceback" not in output
    log = tmp_path / "data" / "tp-tui" / "crash.log"
    text = log.read_text()
    assert "ValueError" in text and "today.py" in text
    assert "Kari" not in text
    assert oct(log.stat().st_mode & 0o777) == "0o600"
