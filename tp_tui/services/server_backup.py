"""Backups of a team's PostgreSQL database through ``pg_dump``, when it is on PATH.

The dump goes to the user's data folder (``server-backups/<host>-<port>-<database>/``, 0700),
one custom-format file per run (0600), written under a temporary name and renamed only once
``pg_dump`` succeeded, so a half-written dump never looks like a backup. ``pg_dump`` finds the
password where every PostgreSQL tool does (``~/.pgpass``, ``PGPASSFILE`` or ``PGPASSWORD``);
the URL holds none. Restoring is the server owner's ``pg_restore``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from tp_tui.db import StorageError, ensure_private_dir
from tp_tui.paths import data_dir

NAME_FORMAT = "%Y%m%d-%H%M%S"
TIMEOUT_S = 3600


@dataclass(frozen=True)
class ServerBackup:
    path: Path
    size: int


def backup_folder(url: str) -> Path:
    """One folder per server and database; names reduced to safe characters."""
    parts = urlsplit(url)
    label = f"{parts.hostname or 'local'}-{parts.port or 5432}-{parts.path.lstrip('/')}"
    return data_dir() / "server-backups" / re.sub(r"[^A-Za-z0-9._-]", "_", label)


def dump(url: str, now: datetime) -> ServerBackup:
    """Run pg_dump into a new file; StorageError if pg_dump is missing or fails."""
    program = shutil.which("pg_dump")
    if program is None:
        raise StorageError("postgres.backup.no_pg_dump")
    folder = backup_folder(url)
    ensure_private_dir(folder)
    target = folder / f"{now.strftime(NAME_FORMAT)}.dump"
    temporary = folder / f".{target.name}.partial"
    # Created 0600 before pg_dump writes a byte to it (whatever the umask).
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            finished = subprocess.run(
                [program, "--format=custom", "--no-password", f"--dbname={url}"],
                stdout=handle,
                stderr=subprocess.PIPE,
                timeout=TIMEOUT_S,
                check=False,
            )
        if finished.returncode != 0:
            reason = finished.stderr.decode("utf-8", "replace").strip().splitlines()
            raise StorageError("postgres.backup.failed", reason=reason[-1] if reason else "")
        os.replace(temporary, target)
    except (OSError, subprocess.SubprocessError) as error:
        raise StorageError("postgres.backup.failed", reason=str(error)) from error
    finally:
        temporary.unlink(missing_ok=True)
    return ServerBackup(target, target.stat().st_size)
