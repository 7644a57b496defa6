"""Backups: complete copies of an open database, private files, rotation, a restore that keeps
every row, refusing damaged backups, and the ``tp backup`` / ``tp restore`` commands."""

from __future__ import annotations

import argparse
import os
import sqlite3
import stat
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.db import StorageError, close_database, open_database
from tp_tui.models import Participant, db
from tp_tui.services.autobackup import backup_if_due
from tp_tui.services.backup import (
    NAME_FORMAT,
    BackupFile,
    backup_dir,
    backup_due,
    list_backups,
    make_backup,
    restore,
    rotate,
)
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.settings import Settings

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)
Tables = dict[str, list[tuple[object, ...]]]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def every_table(path: Path) -> Tables:
    """Every row of every table, read with a plain connection (the -wal included)."""
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            # Sorted here: some tables are WITHOUT ROWID.
            name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }
    finally:
        connection.close()


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_backup_of_the_open_database_is_complete_and_private(
    demo_db: Path, clock: FrozenClock, umask_022: None
) -> None:
    # Committed just now, so still in the -wal: the backup must include it.
    add_participant(ParticipantInput("Kari Fiktiv Sist"), clock)
    assert Path(f"{demo_db}-wal").stat().st_size > 0
    state = every_table(demo_db)
    assert sum(len(rows) for rows in state.values()) > 200

    made = make_backup(demo_db, NOW)

    assert made.path.name == "tp-20261126-100000.db"
    assert made.taken_at == NOW
    assert made.size == made.path.stat().st_size > 0
    assert mode(made.path) == 0o600
    assert mode(made.path.parent) == 0o700
    assert mode(made.path.parent.parent) == 0o700
    assert every_table(made.path) == state
    assert sorted(p.name for p in made.path.parent.iterdir()) == [made.path.name]
    assert db.execute_sql("SELECT count(*) FROM participant").fetchone()[0] > 0  # still usable


def test_restore_brings_back_every_table_and_keeps_the_current_file(
    demo_db: Path, clock: FrozenClock, umask_022: None
) -> None:
    at_backup = every_table(demo_db)
    made = make_backup(demo_db, NOW)
    add_participant(ParticipantInput("Ola Etterpå"), clock)

    with pytest.raises(StorageError) as still_open:
        restore(demo_db, made, NOW + timedelta(hours=1))
    assert still_open.value.key == "backup.error.still_open"

    close_database()
    aside = restore(demo_db, made, NOW + timedelta(hours=1))

    assert aside == demo_db.with_name("demo.db.before-restore-20261126-110000")
    assert mode(aside) == 0o600
    assert mode(demo_db) == 0o600
    assert every_table(demo_db) == at_backup
    kept = every_table(aside)
    assert len(kept["participant"]) == len(at_backup["participant"]) + 1
    assert any("Ola Etterpå" in row for row in kept["participant"])
    open_database(demo_db)
    assert not Participant.select().where(Participant.name == "Ola Etterpå").exists()


def test_a_damaged_backup_is_refused_and_nothing_moves(demo_db: Path) -> None:
    made = make_backup(demo_db, NOW)
    close_database()
    before = sorted(demo_db.parent.iterdir())
    content = demo_db.read_bytes()

    data = made.path.read_bytes()
    made.path.write_bytes(data[: len(data) // 2])  # cut in half
    with pytest.raises(StorageError) as damaged:
        restore(demo_db, made, NOW)
    assert damaged.value.key == "backup.error.damaged"

    made.path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StorageError) as not_ours:
        restore(demo_db, made, NOW)
    assert not_ours.value.key == "backup.error.not_ours"

    made.path.unlink()
    sqlite3.connect(made.path).close()  # a sound SQLite file, but not ours
    connection = sqlite3.connect(made.path)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    with pytest.raises(StorageError) as other:
        restore(demo_db, made, NOW)
    assert other.value.key == "backup.error.not_ours"

    assert sorted(demo_db.parent.iterdir()) == before
    assert demo_db.read_bytes() == content


def test_a_failed_backup_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as missing:
        make_backup(tmp_path / "nothing.db", NOW)
    assert missing.value.key == "backup.error.failed"
    assert not (tmp_path / "nothing.db").exists()  # not created by trying

    broken = tmp_path / "broken.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(StorageError):
        make_backup(broken, NOW)
    assert list(backup_dir(broken).iterdir()) == []


def fake_backup(db_path: Path, when: datetime) -> Path:
    path = backup_dir(db_path) / when.strftime(NAME_FORMAT)
    path.write_bytes(b"x")
    return path


def test_list_backups_skips_other_files(tmp_path: Path) -> None:
    db_path = tmp_path / "tp.db"
    older = fake_backup(db_path, NOW - timedelta(days=1))
    newer = fake_backup(db_path, NOW)
    folder = backup_dir(db_path)
    for name in ("notes.txt", "tp-2026.db", "tp-20261399-000000.db", ".tp-abc.partial"):
        (folder / name).write_bytes(b"x")
    (folder / "tp-20261125-000000.db").mkdir()

    assert [b.path for b in list_backups(db_path)] == [newer, older]
    assert list_backups(db_path)[0] == BackupFile(newer, NOW, 1)


def test_the_demo_database_and_others_get_their_own_folders(tmp_path: Path) -> None:
    from tp_tui.paths import data_dir, demo_db_path

    real = backup_dir(data_dir() / "tp.db")
    assert real == data_dir() / "backups" / "tp"
    assert backup_dir(demo_db_path()) == data_dir() / "backups" / "demo"
    elsewhere = backup_dir(tmp_path / "tp.db")
    assert elsewhere.name.startswith("tp-") and elsewhere != real


def test_rotation_over_two_months_of_use(tmp_path: Path) -> None:
    settings = Settings()
    moments = []
    moment = datetime(2026, 9, 26, 8, 0, tzinfo=OSLO)
    while moment <= NOW:
        if moment.hour in (8, 12, 16) and moment.weekday() != 6:  # no work on Sundays
            moments.append(moment)
        moment += timedelta(hours=1)

    daily_use = tmp_path / "tp.db"
    deleted: list[Path] = []
    for moment in moments:
        fake_backup(daily_use, moment)
        deleted += rotate(daily_use, moment, settings)

    kept = [b.taken_at for b in list_backups(daily_use)]
    # Newest of each of the last 7 days (Sunday 22.11 had none), then newest of each ISO week
    # back to week 44 (this week counts as one of the 5).
    daily = [datetime(2026, 11, day, 16, tzinfo=OSLO) for day in (25, 24, 23, 21, 20)]
    weekly = [datetime(2026, 11, day, 16, tzinfo=OSLO) for day in (14, 7)]
    assert kept == [NOW.replace(hour=8), *daily, *weekly, datetime(2026, 10, 31, 16, tzinfo=OSLO)]
    assert len(set(deleted)) == len(deleted) == len(moments) - len(kept)
    assert rotate(daily_use, NOW, settings) == []

    # Rotating two months at once keeps the same backups.
    at_once = tmp_path / "other" / "tp.db"
    for moment in moments:
        fake_backup(at_once, moment)
    rotate(at_once, NOW, settings)
    assert [b.taken_at for b in list_backups(at_once)] == kept


def test_rotation_never_deletes_the_newest_nor_what_it_does_not_know(tmp_path: Path) -> None:
    db_path = tmp_path / "tp.db"
    old = fake_backup(db_path, NOW - timedelta(days=400))
    stranger = backup_dir(db_path) / "keep-me.db"
    stranger.write_bytes(b"x")
    assert rotate(db_path, NOW, Settings()) == []
    assert old.exists() and stranger.exists()

    newer = fake_backup(db_path, NOW - timedelta(days=300))
    assert rotate(db_path, NOW, Settings()) == [old]
    assert newer.exists()


def test_backup_due(tmp_path: Path) -> None:
    db_path = tmp_path / "tp.db"
    settings = Settings()
    assert backup_due(db_path, NOW, settings)
    fake_backup(db_path, NOW - timedelta(hours=3, minutes=59))
    assert not backup_due(db_path, NOW, settings)
    assert backup_due(db_path, NOW + timedelta(minutes=1), settings)
    assert not backup_due(db_path, NOW, Settings(backup_every_hours=5))
    fake_backup(db_path, NOW + timedelta(days=2))  # the clock was wrong once
    assert backup_due(db_path, NOW, settings)


def test_backup_if_due_makes_one_and_never_raises(db_path: Path) -> None:
    made = backup_if_due(db_path, NOW, Settings())
    assert made is not None and made.path.exists()
    assert backup_if_due(db_path, NOW + timedelta(hours=1), Settings()) is None

    folder = backup_dir(db_path)
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
    folder.write_bytes(b"")  # the folder cannot be created: a file is in the way
    assert backup_if_due(db_path, NOW, Settings()) is None


def namespace(path: Path, **extra: object) -> argparse.Namespace:
    return argparse.Namespace(db=str(path), demo=False, reset=False, lang=None, **extra)


def test_backup_command(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tp_tui.commands.backup import backup_command

    assert backup_command(namespace(demo_db), Settings(), FrozenClock(NOW)) == 0
    out = capsys.readouterr().out
    assert "tp-20261126-100000.db" in out
    assert "1 backup kept" in out
    assert len(list_backups(demo_db)) == 1

    missing = namespace(demo_db.with_name("missing.db"))
    assert backup_command(missing, Settings(), FrozenClock(NOW)) == 1
    assert "could not be made" in capsys.readouterr().err


def test_restore_command(
    demo_db: Path,
    clock: FrozenClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tp_tui.commands.backup import restore_command

    assert restore_command(namespace(demo_db, number=None, yes=False), Settings(), clock) == 0
    assert "no backups" in capsys.readouterr().out

    make_backup(demo_db, NOW - timedelta(days=1))
    make_backup(demo_db, NOW)
    at_backup = every_table(demo_db)
    add_participant(ParticipantInput("Ola Etterpå"), clock)

    assert restore_command(namespace(demo_db, number=None, yes=False), Settings(), clock) == 0
    listing = capsys.readouterr().out
    assert "  1  26.11.2026 10:00" in listing and "  2  25.11.2026 10:00" in listing

    assert restore_command(namespace(demo_db, number=3, yes=False), Settings(), clock) == 2
    assert "from 1 to 2" in capsys.readouterr().err

    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    assert restore_command(namespace(demo_db, number=1, yes=False), Settings(), clock) == 2
    assert "--yes" in capsys.readouterr().err

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    questions: list[str] = []

    def answer_no(question: str) -> str:
        questions.append(question)
        return "n"

    monkeypatch.setattr("builtins.input", answer_no)
    assert restore_command(namespace(demo_db, number=1, yes=False), Settings(), clock) == 1
    assert questions[0].startswith("Restore the backup from 26.11.2026 10:00? The current file")
    assert "Nothing was restored" in capsys.readouterr().out
    assert Participant.select().where(Participant.name == "Ola Etterpå").exists()

    monkeypatch.setattr("builtins.input", lambda q: "y")
    assert restore_command(namespace(demo_db, number=1, yes=False), Settings(), clock) == 0
    assert "Restored the backup from 26.11.2026 10:00" in capsys.readouterr().out
    assert not db.is_closed()  # reopened for the CLI, on the restored file
    assert not Participant.select().where(Participant.name == "Ola Etterpå").exists()
    close_database()
    assert every_table(demo_db) == at_backup


def test_a_damaged_file_points_to_the_newest_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tp_tui.cli import run

    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")
    path = tmp_path / "tp.db"
    assert run(["--db", str(path), "participants", "add", "Kari Nordmann"]) == 0
    assert run(["--db", str(path), "backup"]) == 0
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 2 + 400] = b"\x07" * 400
    path.write_bytes(bytes(data))
    capsys.readouterr()
    assert run(["--db", str(path), "participants"]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "26.11.2026 10:00" in err and "tp restore 1" in err
    assert path.read_bytes() == bytes(data)
    assert run(["--db", str(path), "restore", "1", "--yes"]) == 0
    assert run(["--db", str(path), "participants"]) == 0
    assert "Kari Nordmann" in capsys.readouterr().out
