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

from .old_files import STAMP, file_at_version


def _version_8_file(path: Path) -> None:
    """A participant with two revisions, as version 8 kept them (no author)."""
    old = file_at_version(path, 8)
    old.execute_sql(
        "INSERT INTO participant (name, search_text, sort_key, name_is_nickname, status, "
        "referral_note, consent_note, about, created_at, updated_at, version) "
        "VALUES ('Ola Nordmann', 'ola nordmann on', 'ola nordmann', 0, 'active', '', '', '', "
        "?, ?, 2)",
        (STAMP, STAMP),
    )
    for action, data in (("create", "{}"), ("update", '{"name": "Ola N", "version": 1}')):
        old.execute_sql(
            "INSERT INTO revision (at, entity, entity_id, participant_id, action, data) "
            "VALUES (?, 'participant', 1, 1, ?, ?)",
            (STAMP, action, data),
        )
    old.close()


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
