"""English messages for backups and restoring."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "cli.help.backup": "make a backup of the database now",
    "cli.help.restore": "list the backups, or restore one",
    "cli.help.restore_number": "the backup to restore, as numbered in the list (1 = newest)",
    "cli.help.restore_yes": "restore without asking",
    "backup.made": "Backup saved: {path} ({size})",
    "backup.kept": "{count} backup(s) kept in {folder}; {removed} older removed.",
    "backup.error.failed": "The backup could not be made: {reason}. The database itself is unchanged.",
    "backup.error.damaged": "The backup {path} is damaged or unreadable. Nothing was restored; the database is unchanged.",
    "backup.error.not_ours": "{path} is not a tp-tui backup. Nothing was restored; the database is unchanged.",
    "backup.error.newer": "The backup {path} was made by a newer version of tp-tui. Nothing was restored; the database is unchanged.",
    "backup.error.still_open": "The database {path} is still open. Close it before restoring; nothing was changed.",
    "backup.error.restore_failed": "Restoring failed: {reason}. The database is unchanged.",
    "restore.none": "There are no backups of {path} yet. Make one with: tp backup",
    "restore.list_header": "Backups of {path}, newest first:",
    "restore.list_hint": "Restore one with: tp restore NUMBER",
    "restore.error.number": "There is no backup number {number}. Choose a number from 1 to {count}.",
    "restore.error.needs_yes": "Restoring replaces the database, and there is no terminal to ask on. Add --yes to confirm.",
    "restore.confirm": "Restore the backup from {when}? The current file is kept as {aside}. [y/N]",
    "restore.cancelled": "Nothing was restored.",
    "restore.done": "Restored the backup from {when}.",
    "restore.kept": "The database as it was before is kept as {aside}.",
}
