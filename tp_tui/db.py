"""Opening the database file: checks before touching it, safe settings, permissions, migrations.

A file that is not ours, is damaged, or was written by a newer version is refused before anything
writes to it, so it stays byte-for-byte as it was.

The full page check (``PRAGMA quick_check``) reads every page: 0.13 s at 100k contacts, 1.3 s
at a million, so it does not stand between the user and the first screen. It runs before a
migration (which writes); otherwise a file is checked once after anything but tp-tui itself
changed it: when tp-tui closes a file it checked, it notes the file's size, time and inode in a
stamp beside it, and a file that still matches its stamp on the next open is known good. Any
other file is checked before the first write (:func:`write` waits for or runs the check and
refuses to write to a damaged file); the command line checks it at once, the app in the
background as soon as it is up.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from peewee import Database, SqliteDatabase
from peewee import DatabaseError as PeeweeDatabaseError

from tp_tui.migrations import LATEST_VERSION, steps
from tp_tui.models import db
from tp_tui.server import is_server_url

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


# SQLCipher: the log level first, so a wrong passphrase writes no "hmac check failed" lines to
# stderr (they would tear the interface); busy_timeout here because SqlCipherDatabase ignores
# ``timeout``.
CIPHER_PRAGMAS: dict[str, Any] = {"cipher_log_level": "NONE", **PRAGMAS}
NO_SQLCIPHER = "storage.error.no_sqlcipher"


class StorageError(Exception):
    """A database problem explained to the user by a translation key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class ServerGone(StorageError):
    """The team's server stopped answering: nothing of the interrupted action was saved."""

    def __init__(self) -> None:
        super().__init__("postgres.error.gone")


def _pages_ok(execute: Any) -> bool:
    """SQLite's own check of every page and index, through ``execute(sql)`` of any connection."""
    return bool(execute("PRAGMA quick_check").fetchone()[0] == "ok")


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".checked")


def _file_stamp(path: Path) -> str:
    info = path.stat()
    return f"{info.st_ino}:{info.st_size}:{info.st_mtime_ns}"


def _matches_stamp(path: Path) -> bool:
    """The file is as tp-tui left it after a check: same inode, size and time, no log pending."""
    try:
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return False  # not closed cleanly, or open elsewhere: the stamp says nothing
        return _stamp_path(path).read_text(encoding="ascii") == _file_stamp(path)
    except (OSError, UnicodeDecodeError):
        return False


def _write_stamp(path: Path) -> None:
    """After a clean close of a checked file (no log left over); a stamp is only a hint."""
    try:
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return
        stamp = _stamp_path(path)
        stamp.write_text(_file_stamp(path), encoding="ascii")
        _private(stamp, 0o600)
    except OSError:
        pass


class _Integrity:
    """Whether the open file passed the page check: None until checked. The lock is held while
    checking, so a write that comes meanwhile waits for the answer instead of going ahead."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ok: bool | None = None
        self.path = ""

    def reset(self, path: Path, ok: bool | None = None) -> None:
        with self.lock:
            self.ok, self.path = ok, str(path)


_integrity = _Integrity()


def check_integrity() -> None:
    """Check the open file's pages once (later calls return at once); safe from any thread.

    A thread other than the opener's gets its own connection from peewee and closes it here.

    Raises:
        StorageError: ``storage.error.damaged``, now and on every later call and write.
    """
    state = _integrity
    with state.lock:
        if state.ok is None:
            owned = db.is_closed()
            try:
                state.ok = _pages_ok(db.execute_sql)
            except _database_errors():
                state.ok = False
            finally:
                if owned and threading.current_thread() is not threading.main_thread():
                    db.close()
    if not state.ok:
        raise StorageError("storage.error.damaged", path=state.path)


def _check_existing(path: Path) -> int:
    """The schema version of an existing file, or raise if we must not touch it.

    Opens the file read-only: nothing here writes to it.
    """
    if _bound_here(path) is None:  # reading the file beside an open connection drops its locks
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
            if version < LATEST_VERSION and not _pages_ok(connection.execute):
                raise StorageError("storage.error.damaged", path=str(path))
        finally:
            connection.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:  # a byte off in the schema
        raise StorageError("storage.error.damaged", path=str(path)) from error
    return int(version)


class _OpenHere:
    """The SQLite database this process has opened (and not yet closed) with open_database."""

    database: SqliteDatabase | None = None


_open_here = _OpenHere()


def _bound_here(path: Path) -> Database | None:
    """The database bound to the models, if it is the file ``path``.

    Such a file must never be opened by another descriptor in this process: SQLite's locks are
    POSIX locks, held per process, and closing *any* descriptor of the file drops them all.
    A command beside the app then took itself for the last user, deleted the ``-wal`` the app
    was still writing to, and the app's next saves were lost.
    """
    database = _open_here.database
    name = getattr(database, "database", None)
    if database is None or not isinstance(name, str):
        return None
    try:
        return database if name and os.path.samefile(name, path) else None  # stat only
    except OSError:
        return None


def may_be_encrypted(path: Path) -> bool:
    """True for an existing, non-empty file whose header is not SQLite's but that could be
    SQLCipher's: a random salt in front, whole pages (a multiple of 512 bytes) after.

    The file this process has open answers from its connection, without reading the file.
    """
    bound = _bound_here(path)
    if bound is not None:
        return is_encrypted_database(bound)
    try:
        size = path.stat().st_size
        if size == 0:
            return False
        with path.open("rb") as handle:
            header = handle.read(16)
    except FileNotFoundError:
        return False
    return header != SQLITE_MAGIC and size >= 512 and size % 512 == 0


def check_passphrase(passphrase: str) -> None:
    """An empty passphrase would silently make SQLCipher write plain text: refuse it first."""
    if not passphrase or not passphrase.strip():
        raise StorageError("storage.error.empty_passphrase")


def sqlcipher_database_class() -> type[SqliteDatabase]:
    """playhouse's SqlCipherDatabase, imported only when a file is encrypted."""
    try:
        from playhouse.sqlcipher_ext import SqlCipherDatabase
    except ImportError as error:
        raise StorageError(NO_SQLCIPHER) from error
    return SqlCipherDatabase


def is_encrypted_database(database: object) -> bool:
    """True when ``database`` is a SQLCipher (keyed) database."""
    return type(database).__name__ == "SqlCipherDatabase"


def _database_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [sqlite3.DatabaseError, PeeweeDatabaseError]
    try:
        from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

        errors.append(dbapi2.DatabaseError)
    except ImportError:
        pass
    return tuple(errors)


def open_encrypted(path: Path, passphrase: str, create: bool = False) -> SqliteDatabase:
    """A connected SqlCipherDatabase for ``path``, checked to be ours; not bound to the models.

    A wrong passphrase raises StorageError("storage.error.wrong_passphrase"), prints nothing and
    writes nothing: the first read fails before any pragma can write.
    """
    check_passphrase(passphrase)
    database_class = sqlcipher_database_class()
    database = database_class(
        str(path),
        passphrase=passphrase,
        pragmas=CIPHER_PRAGMAS,
        lock_type="IMMEDIATE",
    )
    try:
        database.connect()
        if not create:
            application_id = database.execute_sql("PRAGMA application_id").fetchone()[0]
            version = database.execute_sql("PRAGMA user_version").fetchone()[0]
            if application_id != APPLICATION_ID:
                raise StorageError("storage.error.not_ours", path=str(path))
            if version > LATEST_VERSION:
                raise StorageError("storage.error.newer", path=str(path))
            if version < LATEST_VERSION and not _pages_ok(database.execute_sql):
                raise StorageError("storage.error.damaged", path=str(path))
    except StorageError:
        database.close()
        raise
    except _database_errors() as error:
        database.close()
        if "not a database" in str(error):
            raise StorageError("storage.error.wrong_passphrase", path=str(path)) from error
        raise StorageError("storage.error.damaged", path=str(path)) from error
    return database


def _private(path: Path, mode: int) -> None:
    """Take away what ``mode`` does not allow (group and others); never add a permission: a
    file made read-only (0400, 0444) stays read-only."""
    if path.exists():
        current = stat.S_IMODE(path.stat().st_mode)
        if current & ~mode:
            path.chmod(current & mode)


def read_only_reason(path: Path) -> str | None:
    """Why tp may only read this existing file: "file" (not writable), "folder" (no -wal or
    -shm can be made beside it), or None when it may write."""
    # Without the owner's write bit it was made read-only on purpose: even root respects that.
    if not os.access(path, os.W_OK) or not path.stat().st_mode & stat.S_IWUSR:
        return "file"
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK) or not folder.stat().st_mode & stat.S_IWUSR:
        return "folder"
    return None


class _ReadOnly:
    """Why the open file is only read (see :func:`read_only_reason`); None: it is written."""

    reason: str | None = None
    path = ""


_read_only = _ReadOnly()


def _open_read_only(path: Path, reason: str) -> SqliteDatabase:
    """The file as it is, for reading: mode=ro, and immutable where no -shm can be made (the
    folder is read-only, so no copy of tp can be writing to it either)."""
    uri = path.resolve().as_uri() + "?mode=ro"
    if reason == "folder" and not Path(f"{path}-shm").exists():
        uri += "&immutable=1"
    pragmas = {k: v for k, v in PRAGMAS.items() if k not in ("journal_mode", "secure_delete")}
    return SqliteDatabase(uri, uri=True, pragmas=pragmas, timeout=BUSY_TIMEOUT_MS / 1000)


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


def open_database(path: Path | str, passphrase: str | None = None) -> Database:
    """Open (or create) the tp-tui database at ``path`` and bind the models to it.

    An encrypted (SQLCipher) file needs ``passphrase``; without one this raises
    StorageError("storage.error.encrypted"). With a passphrase a new file is created encrypted;
    a plain file stays plain. An empty passphrase is refused before anything is opened.
    A ``postgresql://`` URL opens a team's database on a server instead (tp_tui.server).
    """
    if is_server_url(path):
        return _open_server(str(path), passphrase)
    path = Path(path)
    if passphrase is not None:
        check_passphrase(passphrase)
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    exists = path.exists() and path.stat().st_size > 0
    database: SqliteDatabase
    if exists and may_be_encrypted(path):
        if passphrase is None:
            raise StorageError("storage.error.encrypted", path=str(path))
        database = open_encrypted(path, passphrase)
    elif not exists and passphrase is not None:
        database = open_encrypted(path, passphrase, create=True)
    else:
        version = _check_existing(path) if exists else LATEST_VERSION
        reason = read_only_reason(path) if exists else None
        if reason is not None:
            return _bind_read_only(path, reason, version)
        database = SqliteDatabase(
            str(path),
            pragmas=PRAGMAS,
            timeout=BUSY_TIMEOUT_MS / 1000,
            lock_type="IMMEDIATE",  # take the write lock at once: no "database is locked" mid-save
        )
    try:
        database.connect(reuse_if_open=True)
        _make_private_files(path)
        migrated = _version(database) < LATEST_VERSION
        migrate(database)
    except (_database_errors() + (UnicodeDecodeError,)) as error:
        database.close()
        raise StorageError("storage.error.damaged", path=str(path)) from error
    _make_private_files(path)
    db.initialize(database)
    # A new or just migrated file was checked (or is empty); an existing one is checked later,
    # unless it is just as tp-tui left it after the last check.
    known_good = not exists or migrated or _matches_stamp(path)
    _integrity.reset(path, ok=True if known_good else None)
    _open_here.database = database
    return database


def _bind_read_only(path: Path, reason: str, version: int) -> Database:
    """Bind the models to a file tp may only read; reading works, every write is refused."""
    if version < LATEST_VERSION:  # it would need an upgrade, which writes
        raise StorageError("storage.error.read_only_old", path=str(path))
    database = _open_read_only(path, reason)
    try:
        database.connect(reuse_if_open=True)
        database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except _database_errors() as error:
        database.close()
        raise StorageError("storage.error.damaged", path=str(path)) from error
    db.initialize(database)
    _integrity.reset(path, ok=True if _matches_stamp(path) else None)
    _read_only.reason, _read_only.path = reason, str(path)
    _open_here.database = database
    return database


def _open_server(url: str, passphrase: str | None) -> Database:
    """The server checks its own pages: nothing waits for a check, and no stamp is written."""
    from tp_tui.server import open_server

    if passphrase is not None:
        raise StorageError("postgres.error.passphrase")
    database = open_server(url)
    db.initialize(database)
    with _integrity.lock:
        _integrity.ok, _integrity.path = True, ""
    return database


def close_database() -> None:
    if db.obj is not None and not db.is_closed():  # `tp restore` lists backups without opening
        db.close()
    _open_here.database = None
    was_read_only, _read_only.reason = _read_only.reason, None
    if _integrity.ok and _integrity.path and was_read_only is None:
        _write_stamp(Path(_integrity.path))


def close_thread_connection() -> None:
    """Close the connection peewee opened for this thread (a worker's), if it opened one.

    peewee keeps one connection per thread: a worker thread that read or wrote got its own,
    opened with the bound database's parameters (an encrypted file's passphrase and pragmas,
    or the server's URL). Left open, it would outlive the thread. The main thread's connection
    is the app's and stays.
    """
    if threading.current_thread() is threading.main_thread():
        return
    if db.obj is not None and not db.is_closed() and not db.in_transaction():
        db.close()


def integrity_known() -> bool:
    """The open file has been checked (or needs no check): no check is waiting."""
    return _integrity.ok is not None


class _Writes(threading.local):
    """The transaction this thread is inside: its number, and how deep the nesting is."""

    serial = 0
    depth = 0


_writes = _Writes()


def current_write() -> int | None:
    """The number of the outermost :func:`write` this thread is inside (None outside one).

    One user action is one transaction, however many services it calls: the revisions kept in
    it are one change, undone as one (``tp_tui.services.history``).
    """
    return _writes.serial if _writes.depth else None


@contextmanager
def write() -> Iterator[None]:
    """One committed transaction: everything inside is saved together or not at all.

    Raises:
        StorageError: the file failed the page check; nothing is written to it.
    """
    if _read_only.reason is not None:
        raise StorageError(f"storage.error.read_only_{_read_only.reason}", path=_read_only.path)
    if _integrity.ok is not True:
        check_integrity()
    if not _writes.depth:
        _writes.serial += 1
    _writes.depth += 1
    try:
        with db.atomic():
            yield
    finally:
        _writes.depth -= 1


def ensure_private_dir(directory: Path) -> None:
    """Create a data directory readable by the user alone."""
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    _private(directory, 0o700)


def current_umask_is_private() -> bool:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask & 0o077 == 0o077


def current_passphrase() -> str | None:
    """The passphrase of the open encrypted database, held only in memory; None when plain."""
    database = db.obj
    if database is None or not is_encrypted_database(database):
        return None
    passphrase = database.connect_params.get("passphrase")
    return passphrase if isinstance(passphrase, str) else None
