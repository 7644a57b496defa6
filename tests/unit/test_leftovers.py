"""Half-made files of killed operations: a backup killed while it copies leaves a hidden full
copy; the next start removes it, and ``tp erase --purge-backups`` removes it whatever its age."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from tp_tui.cli import run
from tp_tui.services.backup_purge import backup_folder
from tp_tui.services.leftovers import QUIET_SECONDS, half_made_files, remove_half_made

NAME = b"Kari Gjenglemt"


@pytest.fixture(autouse=True)
def one_data_folder(private_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The killed ``tp backup`` runs in a child process: it and this one see one data folder."""
    import platformdirs

    folder = str(private_dirs / "xdg_data_home" / "tp-tui")
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: folder)


def _file_with_a_big_participant(path: Path) -> None:
    """A file whose backup takes long enough to be killed halfway (a few MB of notes)."""
    assert run(["--db", str(path), "participants", "add", NAME.decode()]) == 0
    from tp_tui.clock import FrozenClock
    from tp_tui.db import close_database, open_database
    from tp_tui.models import Participant, db
    from tp_tui.services.contacts import ContactInput, log_contact

    open_database(path)
    try:
        kari = Participant.get(Participant.name == NAME.decode())
        note = ("Kari Gjenglemt " * 2000)[:20000]
        clock = FrozenClock(datetime(2026, 11, 26, 10, 0))
        with db.atomic():
            for _ in range(1500):
                log_contact(ContactInput(kari.id, "25.11.2026 10:00", note=note), clock)
    finally:
        close_database()


def _age(paths: list[Path], seconds: float) -> None:
    then = time.time() - seconds
    for path in paths:
        os.utime(path, (then, then))


def _kill_a_backup_halfway(db: Path) -> list[Path]:
    """Start ``tp backup`` and SIGKILL it once its partial file is there; the files left."""
    folder = backup_folder(db)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    for _attempt in range(20):
        process = subprocess.Popen(
            [sys.executable, "-m", "tp_tui", "--db", str(db), "backup"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            if folder.is_dir() and list(folder.glob(".tp-*.partial")):
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.001)
        process.wait()
        left = half_made_files(db, folder)
        if left:
            return left
    pytest.skip("the backup always finished before it could be killed")


def test_a_killed_backup_is_removed_at_the_next_start(tmp_path: Path) -> None:
    db = tmp_path / "tp.db"
    _file_with_a_big_participant(db)
    left = _kill_a_backup_halfway(db)
    assert left  # killed at a random moment: how much of her it holds varies
    # A start right after leaves it (it could be another tp's backup still under way) ...
    assert run(["--db", str(db), "participants"]) == 0
    assert all(path.exists() for path in left)
    # ... once it has not changed for a while, the next start overwrites and removes it.
    _age(left, QUIET_SECONDS + 1)
    assert run(["--db", str(db), "participants"]) == 0
    assert not any(path.exists() for path in left)
    assert half_made_files(db, backup_folder(db), None) == []


def test_erase_with_purge_removes_half_made_copies_of_any_age(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "tp.db"
    _file_with_a_big_participant(db)
    left = _kill_a_backup_halfway(db)
    kept = tmp_path / "tp.db.before-restore-20261125-100000"
    kept.write_bytes(db.read_bytes())
    args = ["--db", str(db), "erase", NAME.decode(), "--yes", "--purge-backups"]
    assert run(args) == 0
    out = capsys.readouterr().out
    assert str(left[0]) in out and str(kept) in out
    assert not any(path.exists() for path in [*left, kept])


def test_a_converting_copy_beside_the_database_goes_too(tmp_path: Path) -> None:
    db = tmp_path / "tp.db"
    db.write_bytes(b"")
    converting = tmp_path / ".tp-abcd.converting"
    converting.write_bytes(NAME)
    journal = tmp_path / ".tp-abcd.converting-journal"
    journal.write_bytes(NAME)
    backups = tmp_path / "backups"
    backups.mkdir()
    assert remove_half_made(db, backups) == 0  # just written: maybe still in use
    _age([converting, journal], QUIET_SECONDS + 1)
    assert remove_half_made(db, backups) == 2
    assert not converting.exists() and not journal.exists()
