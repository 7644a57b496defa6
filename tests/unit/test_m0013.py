"""Version 13 upgrades a version-10 file keeping every row: the audit gets its 'who' column,
and meetings can be recorded for a participant who was already there."""

from __future__ import annotations

from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.migrations import LATEST_VERSION, MIGRATION_MODULES
from tp_tui.models import Participant, Revision, db
from tp_tui.services.meetings import MeetingInput, last_meeting, record_meeting

from .old_files import renamed_participant_file


def test_a_version_10_file_keeps_its_rows_and_takes_meetings(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TP_TUI_USER", "kari")
    path = tmp_path / "old.db"
    renamed_participant_file(path, MIGRATION_MODULES.index("m0010_changes") + 1)
    open_database(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert [p.name for p in Participant.select()] == ["Ola Nordmann"]
        assert Revision.select().count() == 2
        record_meeting(1, MeetingInput("i går", decisions="Søke bolig"), clock)
        meeting = last_meeting(1)
        assert meeting is not None and meeting.decisions == ("Søke bolig",)
    finally:
        close_database()


def test_the_meeting_tables_read_for_both_engines() -> None:
    from tp_tui.migrations.m0013_meetings import statements

    assert statements(True)[1].startswith("CREATE TABLE group_meeting (id INTEGER NOT NULL")
    assert statements(False)[1].startswith("CREATE TABLE group_meeting (id SERIAL PRIMARY KEY")
