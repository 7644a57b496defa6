"""A database file as an older version of tp-tui left it, for the upgrade tests."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from tp_tui.db import APPLICATION_ID
from tp_tui.migrations import steps

STAMP = "2026-01-05T09:00:00+00:00"


def file_at_version(path: Path, version: int) -> SqliteDatabase:
    """An open file with the schema of ``version`` and no rows; the caller adds its own rows
    (as that version's SQL, since today's models may not fit) and closes it."""
    old = SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    with old.atomic():
        for _, upgrade in steps()[:version]:
            upgrade(old)
        old.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        old.execute_sql(f"PRAGMA user_version = {version}")
    return old


def renamed_participant_file(path: Path, version: int) -> None:
    """A file of ``version`` (8 or later) holding Ola Nordmann, created and then renamed from
    "Ola N": two revisions, as that version kept them (no author, no change)."""
    old = file_at_version(path, version)
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
