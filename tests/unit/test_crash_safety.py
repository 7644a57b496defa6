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
                printed_id, note = line.split(" ", 1)
                reported[int(printed_id)] = note
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


MIGRATOR = """
import sys
from pathlib import Path
from tp_tui.db import open_database
print("ready", flush=True)
open_database(Path(sys.argv[1]))
print("migrated", flush=True)
"""

EXPORTER = """
import sys
from datetime import datetime
from pathlib import Path
from tp_tui.clock import OSLO
from tp_tui.db import open_database
from tp_tui.export import callback_list
from tp_tui.export.files import write_private
from tp_tui.services.backup import make_backup
from tp_tui.services.callback_list import callback_week

path = Path(sys.argv[1])
open_database(path)
now = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)
print("ready", flush=True)
number = 0
while True:
    number += 1
    make_backup(path, now.replace(second=number % 60, minute=number // 60 % 60))
    text = callback_list.render_text(callback_week(2026, 48, now))
    write_private(Path(sys.argv[2]), text * 20, force=True)
"""


def _first_version_file(path: Path) -> None:
    from peewee import SqliteDatabase

    from tp_tui.db import APPLICATION_ID
    from tp_tui.migrations import steps

    old = SqliteDatabase(str(path), pragmas={"foreign_keys": 1, "journal_mode": "wal"})
    version, upgrade = steps()[0]
    with old.atomic():
        upgrade(old)
        old.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        old.execute_sql(f"PRAGMA user_version = {version}")
    stamp = "2026-01-05T09:00:00+00:00"
    for number in range(300):
        old.execute_sql(
            "INSERT INTO participant (name, name_is_nickname, status, referral_note, consent_note,"
            " about, created_at, updated_at, version) VALUES (?, 0, 'active', '', '', '', ?, ?, 1)",
            (f"Person {number}", stamp, stamp),
        )
    old.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_during_migration_keeps_every_row(tmp_path: Path) -> None:
    from tp_tui.migrations import LATEST_VERSION

    rng = random.Random(7)
    for attempt in range(6):
        path = tmp_path / f"old-{attempt}.db"
        _first_version_file(path)
        child = subprocess.Popen(
            [sys.executable, "-c", MIGRATOR, str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        connection = sqlite3.connect(path)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            assert 1 <= version <= LATEST_VERSION
            assert connection.execute("SELECT COUNT(*) FROM participant").fetchone()[0] == 300
        finally:
            connection.close()
        # Whatever step it was killed in, opening it again finishes the upgrade.
        subprocess.run([sys.executable, "-c", MIGRATOR, str(path)], check=True, capture_output=True)
        connection = sqlite3.connect(path)
        assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert connection.execute("SELECT COUNT(*) FROM participant").fetchone()[0] == 300
        connection.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_during_backup_and_export_leaves_nothing_half_written(
    demo_db: Path, tmp_path: Path
) -> None:
    from tp_tui.db import close_database

    close_database()
    export = tmp_path / "ringeliste.txt"
    rng = random.Random(11)
    # The child keeps its backups under its own data folder, where this test looks.
    data_home = tmp_path / "xdg"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(data_home)}
    checked = 0
    for _ in range(6):
        child = subprocess.Popen(
            [sys.executable, "-c", EXPORTER, str(demo_db), str(export)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.3))
        child.send_signal(signal.SIGKILL)
        child.wait()
        connection = sqlite3.connect(demo_db)
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.close()
        if export.exists():
            text = export.read_text(encoding="utf-8")
            first = text.splitlines()[0]
            assert text.count(first) == 20  # whole, never half a file
        for backup in data_home.rglob("tp-*.db"):
            check = sqlite3.connect(backup)
            assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            check.close()
            checked += 1
    assert checked > 0 and export.exists()
