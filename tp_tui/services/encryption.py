"""Encryption at rest: turn a closed plain database into a SQLCipher one and back.

The conversion writes a complete copy next to the file with ``sqlcipher_export``, checks that it
opens with the passphrase and holds the same number of rows in every table, and only then puts
it in place with ``os.replace``. The old file is overwritten with zeros before it is deleted, so
its plain text is not simply left in free disk blocks (on SSDs and copy-on-write file systems
this is best effort only).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import tempfile
from pathlib import Path
from typing import Any

from tp_tui.db import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    NO_SQLCIPHER,
    StorageError,
    check_passphrase,
    may_be_encrypted,
)

_CHUNK = 1024 * 1024


def sqlcipher_module() -> Any:
    """sqlcipher3's DB-API module, imported only when needed."""
    try:
        from sqlcipher3 import dbapi2  # type: ignore[import-untyped]
    except ImportError as error:
        raise StorageError(NO_SQLCIPHER) from error
    return dbapi2


def read_passphrase_file(path: Path) -> str:
    """The passphrase in ``path`` (first line); the file must be readable by the user alone."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise StorageError("crypto.error.passphrase_file_mode", path=str(path), mode=oct(mode))
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise StorageError(
            "crypto.error.passphrase_file", path=str(path), reason=error.strerror or str(error)
        ) from error
    except UnicodeDecodeError as error:
        raise StorageError(
            "crypto.error.passphrase_file", path=str(path), reason="UTF-8"
        ) from error
    lines = text.splitlines()
    passphrase = lines[0] if lines else ""
    check_passphrase(passphrase)
    return passphrase


def _connect(dbapi: Any, path: Path, passphrase: str | None) -> Any:
    connection = dbapi.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.execute("PRAGMA cipher_log_level = NONE")
    if passphrase is not None:
        connection.execute("PRAGMA key = " + _quote(passphrase))
    return connection


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _counts(connection: Any) -> dict[str, int]:
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
        for name in names
    }


def _wipe(path: Path) -> None:
    """Overwrite ``path`` with zeros, sync, and delete it."""
    if not path.exists():
        return
    try:
        with path.open("r+b") as handle:
            _zero(handle.fileno())
    finally:
        path.unlink(missing_ok=True)


def _zero(fd: int) -> None:
    size = os.fstat(fd).st_size
    os.lseek(fd, 0, os.SEEK_SET)
    zeros = b"\x00" * _CHUNK
    left = size
    while left > 0:
        left -= os.write(fd, zeros[: min(left, _CHUNK)])
    os.fsync(fd)


def _convert(path: Path, source_key: str | None, target_key: str) -> None:
    """Export ``path`` (opened with ``source_key``) into a copy keyed ``target_key`` ("" = plain),
    verify it, and put it in place of ``path``; the old file is zeroed and deleted."""
    dbapi = sqlcipher_module()
    folder = path.parent
    handle, name = tempfile.mkstemp(prefix=".tp-", suffix=".converting", dir=folder)
    os.close(handle)
    temporary = Path(name)
    temporary.chmod(0o600)
    try:
        source = _connect(dbapi, path, source_key)
        try:
            try:
                source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                version = int(source.execute("PRAGMA user_version").fetchone()[0])
                application_id = int(source.execute("PRAGMA application_id").fetchone()[0])
                expected = _counts(source)
            except dbapi.DatabaseError as error:
                if "not a database" in str(error):
                    raise StorageError("storage.error.wrong_passphrase", path=str(path)) from error
                raise
            source.execute(
                f"ATTACH DATABASE {_quote(str(temporary))} AS converted KEY {_quote(target_key)}"
            )
            source.execute("SELECT sqlcipher_export('converted')")
            source.execute(f"PRAGMA converted.user_version = {version}")
            source.execute(f"PRAGMA converted.application_id = {application_id}")
            source.execute("DETACH DATABASE converted")
        finally:
            source.close()
        _verify(dbapi, path, temporary, target_key or None, expected, version, application_id)
        old = os.open(path, os.O_RDWR)
        try:
            os.replace(temporary, path)
            _zero(old)  # the old inode, no longer named: its plain text goes
        finally:
            os.close(old)
        for suffix in ("-wal", "-shm", "-journal"):
            _wipe(Path(f"{path}{suffix}"))
        directory = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    except StorageError:
        _wipe(temporary)
        raise
    except (OSError, sqlite3.Error, dbapi.Error) as error:
        _wipe(temporary)
        raise StorageError("crypto.error.failed", path=str(path), reason=str(error)) from error


def _verify(
    dbapi: Any,
    path: Path,
    copy: Path,
    key: str | None,
    expected: dict[str, int],
    version: int,
    application_id: int,
) -> None:
    connection = _connect(dbapi, copy, key)
    try:
        problem = ""
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            problem = "quick_check"
        elif connection.execute("PRAGMA user_version").fetchone()[0] != version:
            problem = "user_version"
        elif connection.execute("PRAGMA application_id").fetchone()[0] != application_id:
            problem = "application_id"
        elif _counts(connection) != expected:
            problem = "row counts"
    finally:
        connection.close()
    if problem:
        raise StorageError("crypto.error.verify", path=str(path), reason=problem)


def encrypt_file(path: Path, passphrase: str) -> None:
    """Encrypt the closed plain database at ``path`` with ``passphrase``."""
    check_passphrase(passphrase)
    if may_be_encrypted(path):
        raise StorageError("crypto.error.already_encrypted", path=str(path))
    _check_ours(path)
    _convert(path, None, passphrase)


def decrypt_file(path: Path, passphrase: str) -> None:
    """Turn the closed encrypted database at ``path`` back into a plain SQLite file."""
    check_passphrase(passphrase)
    if not may_be_encrypted(path):
        raise StorageError("crypto.error.not_encrypted", path=str(path))
    _convert(path, passphrase, "")


def _check_ours(path: Path) -> None:
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise StorageError("storage.error.not_ours", path=str(path))
    finally:
        connection.close()


def passphrase_opens(path: Path, passphrase: str) -> bool:
    """Whether ``passphrase`` opens the encrypted file (to unlock the app after idle time)."""
    if not passphrase or not passphrase.strip():
        return False
    dbapi = sqlcipher_module()
    try:
        connection = _connect(dbapi, path, passphrase)
    except Exception:  # any failure means "does not open"
        return False
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except Exception:  # a wrong key fails on the first read
        return False
    finally:
        connection.close()
