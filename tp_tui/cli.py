"""The command line: ``tp`` opens the app; subcommands print plain text for scripts and paper.

This module never imports Textual; only running the interface does, and only then.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path
from typing import Any

from tp_tui import __version__
from tp_tui.clock import Clock, clock_from_env
from tp_tui.i18n import LANGUAGES, detect_language, set_language, t
from tp_tui.paths import config_file, data_dir, database_path, server_url
from tp_tui.settings import Settings, load_settings

EXIT_BAD_INPUT = 2
EXIT_STORAGE = 1


def _global_options(defaults: bool, helps: bool = True) -> argparse.ArgumentParser:
    """--db, --demo, --reset and --lang, accepted before or after the subcommand.

    Without ``helps`` the options have no help texts: the first look at --lang has no help to
    show, and a Norwegian user's run then never loads the English messages.
    """
    parser = argparse.ArgumentParser(add_help=False)
    default = None if defaults else argparse.SUPPRESS
    parser.add_argument(
        "--db", metavar="PATH", default=default, help=t("cli.help.db") if helps else None
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        default=False if defaults else argparse.SUPPRESS,
        help=t("cli.help.demo") if helps else None,
    )
    parser.add_argument(
        "--reset",
        action="store_true",
        default=False if defaults else argparse.SUPPRESS,
        help=t("cli.help.reset") if helps else None,
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default,
        help=t("cli.help.languages") if helps else None,
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="PATH",
        default=default,
        help=t("cli.help.passphrase_file") if helps else None,
    )
    return parser


class _Subcommand(argparse.ArgumentParser):
    """A subcommand's parser that adds its own arguments only when argparse picks it.

    The top-level parser still lists every subcommand with its help, but ``tp callbacks``
    imports ``tp_tui.commands.callbacks`` alone, not every command module (and what they pull in).
    Nested parsers (``tp participants add``) are of this class too, with nothing pending.
    """

    def __init__(
        self,
        *args: Any,
        arguments: Callable[[argparse.ArgumentParser], None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._pending = arguments

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._pending is not None:
            add_arguments, self._pending = self._pending, None
            add_arguments(self)
        return super().parse_known_args(args, namespace)


def _arguments(
    module: str, function: str, *extra: Any
) -> Callable[[argparse.ArgumentParser], None]:
    """``tp_tui.commands.<module>.<function>(parser, *extra)``, imported only when called."""

    def add(parser: argparse.ArgumentParser) -> None:
        getattr(import_module(f"tp_tui.commands.{module}"), function)(parser, *extra)

    return add


def build_parser() -> argparse.ArgumentParser:
    from tp_tui.argparse_words import install

    install()  # "usage:", "options:" and argparse's errors in the user's language
    shared = _global_options(defaults=False)
    parser = argparse.ArgumentParser(
        prog="tp", description=t("cli.description"), parents=[_global_options(defaults=True)]
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"tp-tui {__version__}",
        help=t("argparse.version"),
    )
    commands = parser.add_subparsers(
        dest="command", metavar=t("argparse.metavar.command"), parser_class=_Subcommand
    )

    def command(
        name: str, about: str, arguments: Callable[[argparse.ArgumentParser], None] | None = None
    ) -> None:
        # The stubs want parents of the subparsers' own class; argparse takes any parser.
        parents: list[Any] = [shared]
        commands.add_parser(name, parents=parents, help=about, arguments=arguments)

    command(
        "participants",
        t("cli.help.participants"),
        _arguments("participants", "add_arguments", shared),
    )
    command("log", t("cli.help.log"), _arguments("log", "add_arguments"))
    command("today", t("cli.help.today"), _arguments("today", "add_arguments"))
    command(
        "callbacks", t("cli.help.callbacks"), _arguments("callbacks", "add_arguments", shared)
    )
    command("export", t("cli.help.export"), _arguments("export", "add_arguments"))
    command("consent", t("cli.help.consent"), _arguments("consent", "add_arguments"))
    command("backup", t("cli.help.backup"), _arguments("backup", "add_backup_arguments"))
    command("restore", t("cli.help.restore"), _arguments("backup", "add_restore_arguments"))
    command("erase", t("cli.help.erase"), _arguments("privacy", "add_erase_arguments"))
    command("audit", t("cli.help.audit"), _arguments("privacy", "add_audit_arguments"))
    command("retention", t("cli.help.retention"))
    command("stats", t("cli.help.stats"), _arguments("stats", "add_arguments"))
    command("places", t("cli.help.places"), _arguments("places", "add_arguments", shared))
    command("team", t("cli.help.team"), _arguments("team", "add_arguments", shared))
    command("import", t("import.help.command"), _arguments("importer", "add_kinds", [shared]))
    command("encrypt", t("cli.help.encrypt"))
    command("decrypt", t("cli.help.decrypt"))
    command("migrate-to", t("transfer.help.command"), _arguments("migrate_to", "add_arguments"))
    return parser


def _choose_language(requested: str | None, settings: Settings) -> None:
    language = requested or settings.language or detect_language()
    set_language(language if language in LANGUAGES else "en")


def _remove_database_files(path: Path) -> None:
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        candidate.unlink(missing_ok=True)


def _open(args: argparse.Namespace, clock: Clock) -> bool:
    """Open the chosen database; on a problem, say so plainly and return False."""
    from tp_tui.db import StorageError, ensure_private_dir, open_database

    url = server_url(args.db, args.demo)
    if url is not None:
        return _open_server(url)
    path = database_path(args.db, args.demo)
    if args.demo or not (args.db or os.environ.get("TP_TUI_DB")):
        ensure_private_dir(data_dir())
    if args.demo and args.reset:
        _remove_database_files(path)
    try:
        try:
            open_database(path)
        except StorageError as error:
            if error.key != "storage.error.encrypted":
                raise
            _open_encrypted(args, path, error)
        if args.command is not None:
            # A command is over in a moment: check the pages now (the app does it behind its
            # first screen). Skipped when the file is as tp-tui left it after the last check.
            from tp_tui.db import check_integrity

            check_integrity()
    except StorageError as error:
        print(t(error.key, **error.params), file=sys.stderr)
        if error.key == "storage.error.damaged":
            _offer_restore(path)
        return False
    except OSError as error:
        print(
            t("storage.error.cannot_open", path=str(path), reason=error.strerror), file=sys.stderr
        )
        return False
    if args.demo:
        from tp_tui.demo import fill_demo, is_empty

        if is_empty():
            fill_demo(clock)
    return True


def _open_server(url: str) -> bool:
    """A team's database on PostgreSQL: no file, no page check, no passphrase (see server.py)."""
    from tp_tui.db import StorageError, open_database

    try:
        open_database(url)
    except StorageError as error:
        print(t(error.key, **error.params), file=sys.stderr)
        return False
    return True


# File commands that have no meaning for a server database (the server's owner backs it up,
# restores it and encrypts its disk); `tp backup` runs pg_dump instead.
FILE_ONLY_COMMANDS = ("restore", "encrypt", "decrypt")


PASSPHRASE_TRIES = 3
_RETRY_KEYS = ("storage.error.wrong_passphrase", "storage.error.empty_passphrase")


def _open_encrypted(args: argparse.Namespace, path: Path, encrypted: Exception) -> None:
    """Open the encrypted file with the passphrase from --passphrase-file, or asked for on the
    terminal (three tries). The passphrase stays in memory only."""
    import getpass

    from tp_tui.db import StorageError, open_database

    file = getattr(args, "passphrase_file", None)
    if file:
        from tp_tui.services.encryption import read_passphrase_file

        open_database(path, read_passphrase_file(Path(file)))
        return
    if not sys.stdin.isatty():
        raise encrypted
    for attempt in range(PASSPHRASE_TRIES):
        passphrase = getpass.getpass(t("crypto.prompt.passphrase", path=str(path)))
        try:
            open_database(path, passphrase)
            return
        except StorageError as error:
            last = attempt == PASSPHRASE_TRIES - 1
            if error.key not in _RETRY_KEYS:
                raise
            print(t(error.key, **error.params), file=sys.stderr)
            if last:
                raise StorageError("crypto.error.too_many_tries") from error


def _offer_restore(path: Path) -> None:
    """Point to the newest good backup; the damaged file itself is never touched."""
    from tp_tui.services.backup import list_backups

    try:
        backups = list_backups(path)
    except OSError:
        backups = []
    if backups:
        print(
            t("storage.hint.restore", date=backups[0].taken_at.strftime("%d.%m.%Y %H:%M")),
            file=sys.stderr,
        )


def main(argv: Sequence[str] | None = None) -> None:
    try:
        status = run(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        # ``tp today | head``: the reader stopped reading, which is not an error to report.
        # Python's advice: point stdout at devnull so the flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    sys.exit(status)


def _not_utf8(argv: Sequence[str]) -> str | None:
    """The first argument that held bytes that are not UTF-8 (a Latin-1 terminal's "é"), shown
    with "?" for them; Python hands such bytes on as lone surrogates, which no save can store."""
    for argument in argv:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            return repr(argument.encode("utf-8", "replace").decode("utf-8"))
    return None


def run(argv: Sequence[str] | None = None) -> int:
    """Run ``tp`` with these arguments and return the exit status."""
    # Files this process creates (database, backups, exports) are the user's alone.
    os.umask(0o077)
    settings = load_settings(config_file())
    # argparse's own words, in the language of the settings or the locale until --lang is
    # read: a mistake in --lang itself ("tp --lang fr") is told in that language.
    from tp_tui.argparse_words import install

    _choose_language(None, settings)
    install()
    preliminary = _global_options(defaults=True, helps=False).parse_known_args(argv)[0]
    _choose_language(preliminary.lang, settings)
    garbled = _not_utf8(sys.argv[1:] if argv is None else argv)
    if garbled is not None:
        print(t("cli.error.not_utf8", value=garbled), file=sys.stderr)
        return EXIT_BAD_INPUT
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.reset and not args.demo:
        parser.error(t("cli.error.reset_without_demo"))
    clock = clock_from_env(os.environ.get("TP_TUI_NOW"))
    url = server_url(args.db, args.demo)
    if url is not None and args.command in FILE_ONLY_COMMANDS:
        print(t("postgres.error.file_only", command=args.command), file=sys.stderr)
        return EXIT_BAD_INPUT
    # Restoring must work when the current file is damaged: it is not opened first.
    if args.command != "restore" and not _open(args, clock):
        return EXIT_STORAGE
    if url is None and args.command not in ("backup", "restore"):
        # A backup on start (when the newest is old enough); `restore` lists them unchanged.
        from tp_tui.services.autobackup import backup_if_due, remove_leftovers

        remove_leftovers(database_path(args.db, args.demo))
        if args.command is not None:  # the interface makes it in a thread, its screen up
            backup_if_due(database_path(args.db, args.demo), clock.now(), settings)
    try:
        handler = _handler(args)
        return handler(args, settings, clock)
    except Exception as error:
        message = _storage_failure(error, url, database_path(args.db, args.demo))
        if message is None:
            raise
        print(message, file=sys.stderr)
        return EXIT_STORAGE
    finally:
        from tp_tui.db import close_database

        close_database()


def _storage_failure(error: Exception, url: str | None, path: Path) -> str | None:
    """What to tell about a database that failed under a command, or None for another error."""
    import sqlite3

    from peewee import DatabaseError, InterfaceError

    from tp_tui.db import StorageError

    if isinstance(error, StorageError):  # e.g. a save refused on a read-only file
        return t(error.key, **error.params)
    if not isinstance(error, DatabaseError | InterfaceError | sqlite3.Error | UnicodeDecodeError):
        return None
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if url is not None:
        return t("cli.error.server_gone", reason=reason)
    if "locked" in reason or "busy" in reason:
        return t("cli.error.busy")
    return t("storage.error.damaged", path=str(path))


# Subcommand -> (module, function). Imported only when run, so `tp` alone loads none of them.
HANDLERS: dict[str, tuple[str, str]] = {
    "log": ("tp_tui.commands.log", "log_command"),
    "today": ("tp_tui.commands.today", "today_command"),
    "callbacks": ("tp_tui.commands.callbacks", "callbacks_command"),
    "export": ("tp_tui.commands.export", "export_command"),
    "consent": ("tp_tui.commands.consent", "consent_command"),
    "stats": ("tp_tui.commands.stats", "stats_command"),
    "import": ("tp_tui.commands.importer", "import_command"),
    "places": ("tp_tui.commands.places", "places_command"),
    "team": ("tp_tui.commands.team", "team_command"),
    "backup": ("tp_tui.commands.backup", "backup_command"),
    "restore": ("tp_tui.commands.backup", "restore_command"),
    "erase": ("tp_tui.commands.privacy", "erase_command"),
    "retention": ("tp_tui.commands.privacy", "retention_command"),
    "audit": ("tp_tui.commands.privacy", "audit_command"),
    "encrypt": ("tp_tui.commands.encryption", "encrypt_command"),
    "decrypt": ("tp_tui.commands.encryption", "decrypt_command"),
    "migrate-to": ("tp_tui.commands.migrate_to", "migrate_to_command"),
}


def _handler(args: argparse.Namespace) -> Callable[[argparse.Namespace, Settings, Clock], int]:
    if args.command == "participants":
        from tp_tui.commands.participants import add_command, list_command

        return add_command if args.action == "add" else list_command
    if args.command == "backup" and server_url(args.db, args.demo) is not None:
        from tp_tui.commands.server_backup import server_backup_command

        return server_backup_command
    if args.command in HANDLERS:
        module, function = HANDLERS[args.command]
        handler: Callable[[argparse.Namespace, Settings, Clock], int] = getattr(
            import_module(module), function
        )
        return handler
    return _run_app


def _run_app(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from tp_tui.app import TpApp

    # A server database has no file: no automatic file backups, nothing to restore from here.
    on_server = server_url(args.db, args.demo) is not None
    path = None if on_server else database_path(args.db, args.demo)
    app = TpApp(
        settings=settings, clock=clock, demo=args.demo, db_path=path, backup_on_start=True
    )
    app.run()
    if app.damaged is not None:
        print(t(app.damaged.key, **app.damaged.params), file=sys.stderr)
        if path is not None:
            _offer_restore(path)
    return app.return_code or 0
