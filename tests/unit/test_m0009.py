"""Version 9: revisions record who made the change; every row from before is kept, authorless."""

from __future__ import annotations

from pathlib import Path

import pytest
from peewee import SqliteDatabase

from tp_tui.clock import FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.migrations import LATEST_VERSION
from tp_tui.models import Revision, db
from tp_tui.services.undo import undo_last

from .old_files import renamed_participant_file


def _version_8_file(path: Path) -> None:
    renamed_participant_file(path, 8)


def test_upgrade_from_version_8_keeps_every_revision_without_an_author(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _version_8_file(path)
    plain = SqliteDatabase(str(path))
    before = plain.execute_sql("SELECT * FROM revision ORDER BY id").fetchall()
    plain.close()
    open_database(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION >= 9
        after = db.execute_sql(
            "SELECT id, at, entity, entity_id, participant_id, action, data, undone_at "
            "FROM revision ORDER BY id"
        ).fetchall()
        assert after == before
        assert [r.made_by_id for r in Revision.select()] == [None, None]
    finally:
        close_database()


def test_revisions_from_before_stay_undoable(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TP_TUI_USER", "kari")
    path = tmp_path / "old.db"
    _version_8_file(path)
    open_database(path)
    try:
        undone = undo_last(clock)
        assert undone is not None and (undone.entity, undone.action) == ("participant", "update")
        assert db.execute_sql("SELECT name FROM participant").fetchone()[0] == "Ola N"
    finally:
        close_database()


def test_the_author_step_reads_the_same_for_postgresql() -> None:
    from tp_tui.migrations.m0009_revision_author import statements

    assert statements() == [
        "ALTER TABLE revision ADD COLUMN made_by_id INTEGER NULL REFERENCES trust_person (id)"
    ]
