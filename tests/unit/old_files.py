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
