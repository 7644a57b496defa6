"""Opening the database file: checks before touching it, safe settings, permissions, migrations.

A file that is not ours, is damaged, or was written by a newer version is refused before anything
writes to it, so it stays byte-for-byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase

from tp_tui.migrations import LATEST_VERSION, steps
from tp_tui.models import db

# "TPTU" in the SQLite header marks a tp-tui file (PRAGMA application_id).
APPLICATION_ID = 0x54505455
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000

PRAGMAS: dict[str, Any] = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: a committed entry survives power loss
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "secure_delete": 1,  # deleted text does not linger in free pages
    "temp_store": 2,  # MEMORY: no temporary files with content on disk
    "cache_size": -16_000,
}


class StorageError(Exception):
    """A database problem explained to the user by a translation key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _check_existing(path: Path) -> int:
    """The schema version of an existing file, or raise if we must not touch it.

    Opens the file read-only: nothing here writes to it.
    """
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_MAGIC):
        raise StorageError("storage.error.not_ours", path=str(path))
    try:
        uri = path.resolve().as_uri() + "?mode=ro"
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if application_id != APPLICATION_ID:
                raise StorageError("storage.error.not_ours", path=str(path))
            if version > LATEST_VERSION:
                raise StorageError("storage.error.newer", path=str(path))
            result = connection.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise StorageError("storage.error.damaged", path=str(path))
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise StorageError("storage.error.damaged", path=str(path)) from error
    return int(version)


def _private(path: Path, mode: int) -> None:
    if path.exists() and stat.S_IMODE(path.stat().st_mode) != mode:
        path.chmod(mode)


def _make_private_files(path: Path) -> None:
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        _private(candidate, 0o600)


def _version(database: SqliteDatabase) -> int:
    return int(database.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(database: SqliteDatabase) -> None:
    """Bring the schema up to date, one version per committed transaction.

    Foreign keys are off while a step runs: SQLite changes a column by rebuilding the table,
    and dropping the old table would otherwise cascade and delete every row that refers to it.
    Each step must leave no broken reference before it commits.
    """
    if _version(database) >= LATEST_VERSION:
        return
    database.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        for version, upgrade in steps():
            # Read inside the write lock, so two copies starting at once never run a step twice.
            with database.atomic():
                if _version(database) >= version:
                    continue
                upgrade(database)
                if database.execute_sql("PRAGMA foreign_key_check").fetchall():
                    raise StorageError("storage.error.migration", version=version)
                if version == 1:
                    database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                database.execute_sql(f"PRAGMA user_version = {int(version)}")
    finally:
        database.execute_sql("PRAGMA foreign_keys = ON")


def open_database(path: Path) -> SqliteDatabase:
    """Open (or create) the tp-tui database at ``path`` and bind the models to it."""
    path = Path(path)
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    if path.exists() and path.stat().st_size > 0:
        _check_existing(path)
    database = SqliteDatabase(
        str(path),
        pragmas=PRAGMAS,
        timeout=BUSY_TIMEOUT_MS / 1000,
        lock_type="IMMEDIATE",  # take the write lock at once: no "database is locked" mid-save
    )
    try:
        database.connect()
        _make_private_files(path)
        migrate(database)
    except sqlite3.DatabaseError as error:
        database.close()
        raise StorageError("storage.error.damaged", path=str(path)) from error
    _make_private_files(path)
    db.initialize(database)
    return database


def close_database() -> None:
    if not db.is_closed():
        db.close()


@contextmanager
def write() -> Iterator[None]:
    """One committed transaction: everything inside is saved together or not at all."""
    with db.atomic():
        yield


def ensure_private_dir(directory: Path) -> None:
    """Create a data directory readable by the user alone."""
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    _private(directory, 0o700)


def current_umask_is_private() -> bool:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask & 0o077 == 0o077
