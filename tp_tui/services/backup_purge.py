"""Backups and exports made before an erasure still hold the person: finding and purging them.

They are listed, never touched unless the user asks for them to be purged. For a server
database these are the ``pg_dump`` files ``tp backup`` wrote (tp_tui.services.server_backup).
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from peewee import PostgresqlDatabase

from tp_tui.clock import OSLO
from tp_tui.db import write
from tp_tui.models import db
from tp_tui.paths import data_dir
from tp_tui.services.audit import record
from tp_tui.services.leftovers import zero_fill

BACKUP_PATTERN = "tp-*.db"
BACKUP_NAME_FORMAT = "tp-%Y%m%d-%H%M%S.db"  # the backup service's naming, in Oslo time


def _backup_time(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.name, BACKUP_NAME_FORMAT).replace(tzinfo=OSLO)
    except ValueError:
        return None


def backup_folder(db_path: Path) -> Path:
    """Where the backup service keeps this database's backups (its rule, not imported).

    A file in the data folder uses its stem; any other file its stem and a short hash of its full
    path, so two files called ``tp.db`` never share a folder (nor have each other's purged).
    """
    path = Path(db_path).expanduser().resolve()
    name = path.stem
    if path.parent != data_dir().resolve():
        name += "-" + hashlib.sha256(str(path).encode()).hexdigest()[:8]
    return data_dir() / "backups" / name


def _server_backup_time(path: Path) -> datetime | None:
    """When ``tp backup`` made a pg_dump file: its name, in Oslo time (server_backup's rule)."""
    from tp_tui.services.server_backup import NAME_FORMAT

    try:
        return datetime.strptime(path.name, f"{NAME_FORMAT}.dump").replace(tzinfo=OSLO)
    except ValueError:
        return None


def backups_older_than(db_path: Path | str, when: datetime) -> list[Path]:
    """Backups of this database made before ``when``, oldest first (they may hold erased data).

    ``db_path`` is the database file, or a ``postgresql://`` URL: then the pg_dump files
    ``tp backup`` wrote for that server database (half-written ``.partial`` files never count).
    """
    from tp_tui.server import is_server_url

    if is_server_url(db_path):
        from tp_tui.services.server_backup import backup_folder as server_folder

        folder, pattern, when_made = server_folder(str(db_path)), "*.dump", _server_backup_time
    else:
        folder, pattern, when_made = backup_folder(Path(db_path)), BACKUP_PATTERN, _backup_time
    found = []
    for path in folder.glob(pattern):
        made = when_made(path)
        # The same second counts: a backup tp made just before erasing is named with it.
        if made is not None and made <= when and path.is_file():
            found.append((made, path))
    return [path for _, path in sorted(found)]


def current_server_url() -> str | None:
    """The bound server database as a URL for :func:`backups_older_than` (no user, no
    password), or None for a file. Built from the connection the way server_backup names its
    folders: host (or "local" for a socket), port, database."""
    database = db.obj
    if not isinstance(database, PostgresqlDatabase):
        return None
    params = database.connect_params
    host = str(params.get("host") or "")
    host = "" if not host or host.startswith("/") else host
    host = f"[{host}]" if ":" in host else host
    port = f":{params['port']}" if params.get("port") else ""
    return f"postgresql://{host}{port}/{database.database}"


def purge_files(participant_id: int, paths: list[Path], now: datetime) -> int:
    """Overwrite and remove ``paths`` (see :func:`purge_backups`), drop them from the ledger of
    written files, and leave the tombstone in the audit trail: how many files went, no names."""
    from tp_tui.services.written_files import forget

    removed = purge_backups(paths)
    forget(paths)
    if removed:
        with write():
            record("erase.files", participant_id, now, "files", removed)
    return removed


def purge_backups(paths: list[Path]) -> int:
    """Overwrite each backup (and any -wal/-shm beside it) with zeros, fsync, then delete it.

    On SSDs and copy-on-write file systems the old blocks may survive an overwrite; encryption
    at rest is what protects those. Returns how many backups were removed.
    """
    removed = 0
    for path in paths:
        if not path.is_file():
            continue
        for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            if part.is_file():
                zero_fill(part)
                part.unlink()
        removed += 1
    return removed
