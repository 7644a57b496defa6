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


def _run_crashing(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run the app headless in a process of its own, made to fail as ``script`` says."""
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "LANG": "C.UTF-8",
        "TEXTUAL_ANIMATIONS": "none",
    }
    return subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "tp.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_crash_shows_a_calm_message_and_logs_no_personal_data(tmp_path: Path) -> None:
    result = _run_crashing(CRASHING_APP, tmp_path)
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


CRASHING_WORKER = """
import sys
from pathlib import Path
import tp_tui.services.autobackup as autobackup

def broken(*args, **kwargs):
    secret_note = "Kari Nordmann ringte om husleia"
    raise ValueError(secret_note)

autobackup.backup_if_due = broken  # it never raises; this one does, in the worker's thread
from tp_tui.db import open_database
open_database(Path(sys.argv[1]))
from tp_tui.app import TpApp
app = TpApp(db_path=Path(sys.argv[1]), backup_on_start=True)
app.run(headless=True)
print("exit", app.return_code)
"""


def test_an_error_in_a_worker_shows_the_calm_message(tmp_path: Path) -> None:
    """Slow work done in a thread (here the backup on start) that fails reaches the user as
    any other error does: the calm message and a log without personal data, no traceback."""
    result = _run_crashing(CRASHING_WORKER, tmp_path)
    output = result.stdout + result.stderr
    assert "exit 1" in result.stdout
    assert "unexpected error" in output
    assert "Kari" not in output
    assert "Traceback" not in output
    text = (tmp_path / "data" / "tp-tui" / "crash.log").read_text()
    assert "ValueError" in text
    assert "Kari" not in text
