"""A killed process leaves a consistent file, and every entry it reported saved is there, whole.

A child saves contacts through the project's own save path and prints each id after the commit;
the parent kills it with SIGKILL at random moments, many times.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

SAVER = """
import sys
from datetime import datetime
from pathlib import Path
from tp_tui.clock import OSLO, FrozenClock
from tp_tui.db import open_database
from tp_tui.models import Participant
from tp_tui.services.contacts import ContactInput, log_contact
from tp_tui.services.participants import ParticipantInput, add_participant

open_database(Path(sys.argv[1]))
clock = FrozenClock(datetime(2026, 11, 26, 10, 0, tzinfo=OSLO))
person = Participant.get_or_none(Participant.name == "Kari Nordmann")
if person is None:
    person = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
print("ready", flush=True)
number = 0
while True:
    number += 1
    note = f"notat-{number}-" + "x" * 500 + "-slutt"
    contact = log_contact(ContactInput(person.id, "i dag", note=note), clock)
    print(contact.id, note, flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_at_random_moments_loses_nothing_reported(tmp_path: Path) -> None:
    path = tmp_path / "tp.db"
    rng = random.Random(48)
    reported: dict[int, str] = {}
    env = {**os.environ, "HOME": str(tmp_path)}
    for _ in range(12):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        for line in child.stdout.read().splitlines():
            # A line cut short by the kill still came after its commit, but cannot be compared.
            if " " in line and line.endswith("-slutt"):
                contact_id, note = line.split(" ", 1)
                reported[int(contact_id)] = note
        connection = sqlite3.connect(path)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
            stored = dict(connection.execute("SELECT id, note FROM contact").fetchall())
        finally:
            connection.close()
        for contact_id, note in reported.items():
            assert stored.get(contact_id) == note  # every reported entry is there, whole
        assert all(n.startswith("notat-") and n.endswith("-slutt") for n in stored.values())
    assert len(reported) > 50
