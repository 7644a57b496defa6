"""Backups of the database file with the SQLite backup API: make, list, rotate, restore.

Every file written here is 0600 before it holds any data, and only gets its final name once it
is complete and has passed ``PRAGMA quick_check``: a half-written backup never looks like one.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from tp_tui.clock import OSLO
from tp_tui.db import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    SQLITE_MAGIC,
    StorageError,
    current_passphrase,
    ensure_private_dir,
    may_be_encrypted,
)
from tp_tui.migrations import LATEST_VERSION
from tp_tui.paths import data_dir
from tp_tui.settings import Settings

NAME_FORMAT = "tp-%Y%m%d-%H%M%S.db"
_NAME = re.compile(r"^tp-\d{8}-\d{6}\.db$")
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    """When it was taken, in Oslo time, read from the file name."""
    size: int


def backup_dir(db_path: Path) -> Path:
    """The folder for this database's backups, created 0700.

    Each database gets its own folder (demo and real never mix). A file outside the data folder
    also gets a short hash of its full path, so two files both called ``tp.db`` never share one:
    rotating a shared folder would delete one database's backups to keep the other's.
    """
    name = db_path.stem
    resolved = db_path.expanduser().resolve()
    if resolved.parent != data_dir().resolve():
        name += "-" + hashlib.sha256(str(resolved).encode()).hexdigest()[:8]
    folder = data_dir() / "backups" / name
    ensure_private_dir(folder.parent)
    ensure_private_dir(folder)
    return folder


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    # A URI with mode=ro/rw never creates a missing file, unlike a plain connect().
    uri = path.resolve().as_uri() + f"?mode={mode}"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def _fsync(path: Path) -> None:
    flags = (os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)) if path.is_dir() else os.O_RDONLY
    handle = os.open(path, flags)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _copy_into_new_file(source: Path, folder: Path, mode: str) -> Path:
    """A complete, checked, synced copy of ``source`` in a private temporary file in ``folder``.

    The copy is in rollback-journal mode: one self-contained file, no -wal beside it.
    """
    handle, name = tempfile.mkstemp(prefix=".tp-", suffix=".partial", dir=folder)
    os.close(handle)
    temporary = Path(name)
    try:
        temporary.chmod(0o600)  # before any data: the backup API itself leaves 0644 under umask 022
        src = _connect(source, mode)
        try:
            dst = sqlite3.connect(str(temporary))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                result = dst.execute("PRAGMA quick_check").fetchone()[0]
                if result != "ok":
                    raise sqlite3.DatabaseError(f"quick_check: {result}")
            finally:
                dst.close()
        finally:
            src.close()
        _fsync(temporary)
    except BaseException:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{temporary}{suffix}").unlink(missing_ok=True)
        raise
    return temporary


def _encrypted_copy(db_path: Path, folder: Path) -> Path:
    """An encrypted, checked copy of the open encrypted database, with ``VACUUM INTO``.

    Only from this process's keyed connection: the passphrase is never stored, so an encrypted
    database that is not open here cannot be backed up (and is never copied as plain text).
    """
    from tp_tui.models import db
    from tp_tui.services.encryption import sqlcipher_module

    passphrase = current_passphrase()
    if passphrase is None or not _is_open_here(db_path):
        raise StorageError("backup.error.failed", reason="encrypted database not open")
    handle, name = tempfile.mkstemp(prefix=".tp-", suffix=".partial", dir=folder)
    os.close(handle)
    temporary = Path(name)
    try:
        temporary.chmod(0o600)
        db.execute_sql("VACUUM INTO ?", (str(temporary),))
        dbapi = sqlcipher_module()
        copy = dbapi.connect(str(temporary), isolation_level=None)
        try:
            copy.execute("PRAGMA cipher_log_level = NONE")
            copy.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
            copy.execute("PRAGMA journal_mode=DELETE")
            result = copy.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {result}")
        except dbapi.Error as error:
            raise sqlite3.DatabaseError(str(error)) from error
        finally:
            copy.close()
        if not may_be_encrypted(temporary):  # never a plain-text backup of an encrypted file
            raise sqlite3.DatabaseError("backup copy is not encrypted")
        _fsync(temporary)
    except BaseException:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{temporary}{suffix}").unlink(missing_ok=True)
        raise
    return temporary


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


def make_backup(db_path: Path, now: datetime) -> BackupFile:
    """Back up ``db_path`` now; works while the app has it open, committed WAL content included.

    Raises StorageError("backup.error.failed") and leaves no partial file on failure.
    """
    try:
        if not db_path.is_file():
            raise FileNotFoundError(2, os.strerror(2))
        folder = backup_dir(db_path)
        if may_be_encrypted(db_path):
            temporary = _encrypted_copy(db_path, folder)
        else:
            # Read-write so a WAL database opens even without its -shm; nothing is written to it.
            temporary = _copy_into_new_file(db_path, folder, "rw")
        target = folder / now.astimezone(OSLO).strftime(NAME_FORMAT)
        os.replace(temporary, target)  # same second: the newer copy replaces the older
        _fsync(folder)
        return BackupFile(target, _taken_at(target.name) or now, target.stat().st_size)
    except (OSError, sqlite3.Error) as error:
        raise StorageError("backup.error.failed", reason=_reason(error)) from error


def _taken_at(name: str) -> datetime | None:
    if not _NAME.match(name):
        return None
    try:
        stamp = datetime.strptime(name[3:-3], _STAMP)
    except ValueError:
        return None
    return stamp.replace(tzinfo=OSLO)


def list_backups(db_path: Path) -> list[BackupFile]:
    """This database's backups, newest first; other files in the folder are ignored."""
    found: list[BackupFile] = []
    for path in backup_dir(db_path).iterdir():
        taken_at = _taken_at(path.name)
        if taken_at is not None and path.is_file():
            found.append(BackupFile(path, taken_at, path.stat().st_size))
    return sorted(found, key=lambda backup: (backup.taken_at, backup.path.name), reverse=True)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def rotate(db_path: Path, now: datetime, settings: Settings) -> list[Path]:
    """Delete the backups no longer needed; return what was deleted.

    Kept: the newest of each day for ``backup_keep_daily_days`` days (today counts), the newest
    of each ISO week for ``backup_keep_weekly_weeks`` weeks (this week counts), and always the
    newest backup of all. Backups dated in the future (a wrong clock) are kept.
    """
    backups = list_backups(db_path)  # newest first: the first seen in a bucket is its newest
    today = now.astimezone(OSLO).date()
    daily_from = today - timedelta(days=max(settings.backup_keep_daily_days, 1) - 1)
    weekly_from = _monday(today) - timedelta(weeks=max(settings.backup_keep_weekly_weeks, 1) - 1)
    keep: set[Path] = {backups[0].path} if backups else set()
    days: set[date] = set()
    weeks: set[date] = set()
    for backup in backups:
        day = backup.taken_at.date()
        if day > today:
            keep.add(backup.path)
        if daily_from <= day <= today and day not in days:
            days.add(day)
            keep.add(backup.path)
        if weekly_from <= day <= today and _monday(day) not in weeks:
            weeks.add(_monday(day))
            keep.add(backup.path)
    deleted: list[Path] = []
    for backup in backups:
        if backup.path not in keep:
            try:
                backup.path.unlink()
            except OSError:
                continue  # left for the next rotation
            deleted.append(backup.path)
    return deleted


def backup_due(db_path: Path, now: datetime, settings: Settings) -> bool:
    """True when there is no backup yet, or the newest is ``backup_every_hours`` old.

    A newest backup dated in the future (the clock was wrong) counts as due, or none would ever
    be made again until that time.
    """
    backups = list_backups(db_path)
    if not backups:
        return True
    age = now - backups[0].taken_at
    return age < timedelta(0) or age >= timedelta(hours=settings.backup_every_hours)


def aside_path(db_path: Path, now: datetime) -> Path:
    """Where :func:`restore` keeps the current file: ``<name>.before-restore-YYYYMMDD-HHMMSS``."""
    stamp = now.astimezone(OSLO).strftime(_STAMP)
    candidate = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
    number = 1
    while candidate.exists():  # never overwrite an earlier kept-aside file
        number += 1
        candidate = db_path.with_name(f"{db_path.name}.before-restore-{stamp}-{number}")
    return candidate


def _check_encrypted(path: Path, passphrase: str | None) -> None:
    """An encrypted backup must open with the passphrase and be a sound tp-tui file."""
    from tp_tui.db import open_encrypted

    if not passphrase:
        raise StorageError("backup.error.encrypted_restore", path=str(path))
    database = open_encrypted(path, passphrase)  # checks the key and that the file is ours
    try:
        if database.execute_sql("PRAGMA quick_check").fetchone()[0] != "ok":
            raise StorageError("backup.error.damaged", path=str(path))
        if database.execute_sql("PRAGMA user_version").fetchone()[0] > LATEST_VERSION:
            raise StorageError("backup.error.newer", path=str(path))
    finally:
        database.close()


def _copy_encrypted(source: Path, folder: Path) -> Path:
    """A byte copy of an encrypted backup (it is one self-contained file), private and synced."""
    handle, name = tempfile.mkstemp(prefix=".tp-", suffix=".partial", dir=folder)
    temporary = Path(name)
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "wb") as target, source.open("rb") as original:
            shutil.copyfileobj(original, target)
            target.flush()
            os.fsync(target.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def check_backup(backup: BackupFile, passphrase: str | None = None) -> None:
    """Raise StorageError unless the backup is a sound tp-tui file this version can open."""
    path = backup.path
    try:
        if may_be_encrypted(path):
            _check_encrypted(path, passphrase)
            return
        with path.open("rb") as handle:
            if not handle.read(100).startswith(SQLITE_MAGIC):
                raise StorageError("backup.error.not_ours", path=str(path))
        connection = _connect(path, "ro")
        try:
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise StorageError("backup.error.damaged", path=str(path))
            if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise StorageError("backup.error.not_ours", path=str(path))
            if connection.execute("PRAGMA user_version").fetchone()[0] > LATEST_VERSION:
                raise StorageError("backup.error.newer", path=str(path))
        finally:
            connection.close()
    except (OSError, sqlite3.Error) as error:
        raise StorageError("backup.error.damaged", path=str(path)) from error


def _is_open_here(db_path: Path) -> bool:
    from tp_tui.models import db

    database = db.obj
    if database is None or database.is_closed():
        return False
    return bool(Path(database.database).resolve() == db_path.resolve())


def restore(
    db_path: Path, backup: BackupFile, now: datetime, passphrase: str | None = None
) -> Path | None:
    """Put ``backup`` in place of ``db_path``; return where the current file was kept (0600).

    The caller must close the database first (``tp_tui.db.close_database()``) and reopen it
    after; this process having it open raises StorageError("backup.error.still_open"). Another
    program holding it open cannot be seen from here. Returns None when there was no current
    file. Nothing is moved unless the backup is sound and its copy is complete.
    """
    if _is_open_here(db_path):
        raise StorageError("backup.error.still_open", path=str(db_path))
    check_backup(backup, passphrase)
    folder = db_path.parent
    try:
        ensure_private_dir(folder)
        if may_be_encrypted(backup.path):
            temporary = _copy_encrypted(backup.path, folder)
        else:
            temporary = _copy_into_new_file(backup.path, folder, "ro")
    except (OSError, sqlite3.Error) as error:
        raise StorageError("backup.error.restore_failed", reason=_reason(error)) from error
    aside = aside_path(db_path, now) if db_path.exists() else None
    moved: list[tuple[Path, Path]] = []
    try:
        if aside is not None:
            # The -wal may hold committed entries: it moves along, named so SQLite finds it.
            for suffix in ("", "-wal", "-shm"):
                current = Path(f"{db_path}{suffix}")
                if current.exists():
                    kept = Path(f"{aside}{suffix}")
                    os.rename(current, kept)
                    moved.append((current, kept))
                    kept.chmod(0o600)
        os.rename(temporary, db_path)
        _fsync(folder)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        for current, kept in reversed(moved):  # put the current file back as it was
            os.rename(kept, current)
        raise StorageError("backup.error.restore_failed", reason=_reason(error)) from error
    return aside
