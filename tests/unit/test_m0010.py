"""Version 10: revisions are grouped into changes; every row from before is kept, each its own
change, and stays undoable (then redoable) as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from peewee import SqliteDatabase

from tp_tui.clock import FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.migrations import LATEST_VERSION
from tp_tui.models import Revision, db
from tp_tui.services.undo import redo_last, undo_last

from .old_files import renamed_participant_file

COLUMNS = "id, at, entity, entity_id, participant_id, action, data, undone_at, made_by_id"


def _version_9_file(path: Path) -> None:
    renamed_participant_file(path, 9)


def test_upgrade_from_version_9_keeps_every_revision_each_its_own_change(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _version_9_file(path)
    plain = SqliteDatabase(str(path))
    before = plain.execute_sql(f"SELECT {COLUMNS} FROM revision ORDER BY id").fetchall()
    plain.close()
    open_database(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION >= 10
        after = db.execute_sql(f"SELECT {COLUMNS} FROM revision ORDER BY id").fetchall()
        assert after == before
        grouped = [(r.change_id, r.kind, r.role, r.reverses_id) for r in Revision.select()]
        assert grouped == [(None, None, None, None)] * 2
    finally:
        close_database()


def test_revisions_from_before_are_undone_one_by_one_and_redone(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TP_TUI_USER", "kari")
    path = tmp_path / "old.db"
    _version_9_file(path)
    open_database(path)
    try:
        undone = undo_last(clock)
        assert undone is not None and undone.kind == "participant.update"
        assert db.execute_sql("SELECT name FROM participant").fetchone()[0] == "Ola N"
        redone = redo_last(clock)
        assert redone is not None and redone.kind == "participant.update"
        assert db.execute_sql("SELECT name FROM participant").fetchone()[0] == "Ola Nordmann"
    finally:
        close_database()


def test_the_change_step_reads_the_same_for_postgresql() -> None:
    from tp_tui.migrations.m0010_changes import statements

    assert statements() == [
        "ALTER TABLE revision ADD COLUMN change_id INTEGER NULL",
        "ALTER TABLE revision ADD COLUMN kind TEXT NULL",
        "ALTER TABLE revision ADD COLUMN role TEXT NULL",
        "ALTER TABLE revision ADD COLUMN reverses_id INTEGER NULL",
    ]
