"""Version 11: consents get an end day, how they were given and a version; every row is kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from peewee import SqliteDatabase

from tp_tui.db import close_database, open_database
from tp_tui.migrations import LATEST_VERSION
from tp_tui.models import ConsentGrant, db
from tp_tui.services.consent import in_force_on

from .old_files import STAMP, file_at_version

COLUMNS = "id, participant_id, scope, recipient, given_on, withdrawn_on, note"


def _version_10_file(path: Path) -> None:
    old = file_at_version(path, 10)
    old.execute_sql(
        "INSERT INTO participant (name, search_text, sort_key, name_is_nickname, status, "
        "referral_note, consent_note, about, created_at, updated_at, version) "
        "VALUES ('Ola Nordmann', 'ola nordmann on', 'ola nordmann', 0, 'active', '', '', '', "
        "?, ?, 1)",
        (STAMP, STAMP),
    )
    for scope, withdrawn in (("goals", None), ("plan", "2026-03-01")):
        old.execute_sql(
            "INSERT INTO consent_grant (participant_id, scope, recipient, given_on, "
            "withdrawn_on, note) VALUES (1, ?, 'group', '2026-01-05', ?, 'muntlig på kafeen')",
            (scope, withdrawn),
        )
    old.close()


def test_upgrade_from_version_10_keeps_every_consent_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _version_10_file(path)
    plain = SqliteDatabase(str(path))
    before = plain.execute_sql(f"SELECT {COLUMNS} FROM consent_grant ORDER BY id").fetchall()
    plain.close()
    open_database(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION >= 11
        after = db.execute_sql(f"SELECT {COLUMNS} FROM consent_grant ORDER BY id").fetchall()
        assert after == before
        added = [(g.expires_on, g.given_how, g.version) for g in ConsentGrant.select()]
        assert added == [(None, "", 1)] * 2
        assert in_force_on(1, date(2026, 11, 26)) == {"goals"}
    finally:
        close_database()


def test_the_consent_step_reads_the_same_for_postgresql() -> None:
    from tp_tui.migrations.m0011_consent import statements

    assert statements() == [
        "ALTER TABLE consent_grant ADD COLUMN expires_on DATE NULL",
        "ALTER TABLE consent_grant ADD COLUMN given_how TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE consent_grant ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        "CREATE INDEX consent_grant_expires_on ON consent_grant (expires_on)",
    ]
