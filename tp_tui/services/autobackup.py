"""The automatic backup, on start and on a timer: never stops the app."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from tp_tui.services.backup import BackupFile, backup_due, make_backup, rotate
from tp_tui.settings import Settings

log = logging.getLogger(__name__)


def remove_leftovers(db_path: Path) -> int:
    """On start: the half-made files of killed backups and conversions of this database go
    (``tp_tui.services.leftovers``). Never raises; how many went."""
    from tp_tui.services.backup import backup_dir
    from tp_tui.services.leftovers import remove_half_made

    try:
        return remove_half_made(db_path, backup_dir(db_path))
    except Exception as error:  # a start must not fail over tidying
        log.warning("removing half-made files failed: %s", type(error).__name__)
        return 0


def backup_if_due(db_path: Path, now: datetime, settings: Settings) -> BackupFile | None:
    """Make a backup and rotate when one is due; None when not due or when it failed.

    Never raises: the app must start even if the backup folder is not writable. The log line
    names only the kind of error, never a path (it holds the user's name) or any content.
    """
    try:
        if not backup_due(db_path, now, settings):
            return None
        made = make_backup(db_path, now)
        rotate(db_path, now, settings)
        return made
    except Exception as error:  # anything at all: a failed backup must not stop the app
        key = getattr(error, "key", "")
        log.warning("automatic backup failed: %s %s", type(error).__name__, key)
        return None
