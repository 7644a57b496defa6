"""``tp backup`` makes a backup now; ``tp restore [N] [--yes]`` lists backups or restores one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tp_tui.clock import Clock
from tp_tui.commands.arguments import record_id
from tp_tui.i18n import format_datetime, is_norwegian, t
from tp_tui.paths import database_path
from tp_tui.settings import Settings

EXIT_STORAGE = 1
EXIT_BAD_INPUT = 2
_YES = {"y", "yes", "j", "ja"}


def add_backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = t("cli.help.backup")


def add_restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = t("cli.help.restore")
    parser.add_argument(
        "number", nargs="?", type=record_id, help=t("cli.help.restore_number")
    )
    parser.add_argument("--yes", action="store_true", help=t("cli.help.restore_yes"))


def format_size(size: int) -> str:
    if size < 1024 * 1024:
        text = f"{max(size // 1024, 1)} kB"
    else:
        text = f"{size / (1024 * 1024):.1f} MB"
    return text.replace(".", ",") if is_norwegian() else text


def backup_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from tp_tui.db import StorageError
    from tp_tui.services.backup import backup_dir, list_backups, make_backup, rotate

    path = database_path(args.db, args.demo)
    now = clock.now()
    try:
        made = make_backup(path, now)
    except StorageError as error:
        print(t(error.key, **error.params), file=sys.stderr)
        return EXIT_STORAGE
    deleted = rotate(path, now, settings)
    print(t("backup.made", path=str(made.path), size=format_size(made.size)))
    kept = len(list_backups(path))
    print(t("backup.kept", count=kept, removed=len(deleted), folder=str(backup_dir(path))))
    return 0


def _confirmed(question: str) -> bool:
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().lower() in _YES


def _passphrase_for(args: argparse.Namespace, backup: Path) -> str | None:
    """The passphrase for an encrypted backup: from --passphrase-file, else asked on a terminal."""
    from tp_tui.db import may_be_encrypted

    if not may_be_encrypted(backup):
        return None
    file = getattr(args, "passphrase_file", None)
    if file:
        from tp_tui.services.encryption import read_passphrase_file

        return read_passphrase_file(Path(file))
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(t("crypto.prompt.passphrase", path=str(backup)))
    return None


def restore_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """List the backups, or restore number N (1 = newest) after asking.

    The CLI has opened the database: it is closed before the file is replaced and opened again
    after, which also proves the restored file opens.
    """
    from tp_tui.db import StorageError, close_database, open_database
    from tp_tui.services.backup import aside_path, list_backups, restore

    path = database_path(args.db, args.demo)
    backups = list_backups(path)
    number: int | None = getattr(args, "number", None)
    if number is None:
        if not backups:
            print(t("restore.none", path=str(path)))
            return 0
        print(t("restore.list_header", path=str(path)))
        for index, backup in enumerate(backups, start=1):
            when = format_datetime(backup.taken_at)
            print(f"{index:>3}  {when}  {format_size(backup.size):>9}")
        print(t("restore.list_hint"))
        return 0
    if not 1 <= number <= len(backups):
        print(t("restore.error.number", number=number, count=len(backups)), file=sys.stderr)
        return EXIT_BAD_INPUT
    chosen = backups[number - 1]
    when = format_datetime(chosen.taken_at)
    now = clock.now()
    if not getattr(args, "yes", False):
        if not sys.stdin.isatty():
            print(t("restore.error.needs_yes"), file=sys.stderr)
            return EXIT_BAD_INPUT
        question = t("restore.confirm", when=when, aside=str(aside_path(path, now)))
        if not _confirmed(question + " "):
            print(t("restore.cancelled"))
            return EXIT_STORAGE
    passphrase = _passphrase_for(args, chosen.path)
    close_database()
    try:
        aside = restore(path, chosen, now, passphrase)
    except StorageError as error:
        print(t(error.key, **error.params), file=sys.stderr)
        try:
            open_database(path, passphrase)  # left as it was; open it again
        except StorageError:
            pass
        return EXIT_STORAGE
    try:
        open_database(path, passphrase)
    except StorageError as error:
        print(t(error.key, **error.params), file=sys.stderr)
        if aside is not None:
            print(t("restore.kept", aside=str(aside)), file=sys.stderr)
        return EXIT_STORAGE
    print(t("restore.done", when=when))
    if aside is not None:
        print(t("restore.kept", aside=str(aside)))
    return 0
