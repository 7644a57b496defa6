"""``tp encrypt`` and ``tp decrypt``: encryption at rest with a passphrase (SQLCipher).

The passphrase is asked for on the terminal (never echoed), or read from the file named by
``--passphrase-file`` (mode 0600) when there is no terminal; never from the command line or the
environment. It is kept only in memory.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from tp_tui.clock import Clock
from tp_tui.i18n import t
from tp_tui.paths import database_path
from tp_tui.settings import Settings

EXIT_STORAGE = 1
EXIT_BAD_INPUT = 2

# Keys that mean the user's input was wrong, not the storage.
_INPUT_ERRORS = {
    "storage.error.empty_passphrase",
    "crypto.error.passphrase_file",
    "crypto.error.passphrase_file_mode",
    "crypto.error.no_terminal",
    "crypto.error.mismatch",
    "crypto.error.already_encrypted",
    "crypto.error.not_encrypted",
}


def interactive() -> bool:
    return sys.stdin.isatty()


def new_passphrase(args: argparse.Namespace, path: Path) -> str:
    """A new passphrase: twice on the terminal, or from --passphrase-file."""
    from tp_tui.db import StorageError, check_passphrase
    from tp_tui.services.encryption import read_passphrase_file

    file = getattr(args, "passphrase_file", None)
    if file:
        return read_passphrase_file(Path(file))
    if not interactive():
        raise StorageError("crypto.error.no_terminal")
    first = getpass.getpass(t("crypto.prompt.new", path=str(path)))
    check_passphrase(first)
    if getpass.getpass(t("crypto.prompt.again")) != first:
        raise StorageError("crypto.error.mismatch")
    return first


def _fail(error: Exception) -> int:
    key = getattr(error, "key", "")
    params = getattr(error, "params", {})
    print(t(key, **params), file=sys.stderr)
    return EXIT_BAD_INPUT if key in _INPUT_ERRORS else EXIT_STORAGE


def encrypt_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from tp_tui.db import StorageError, close_database, current_passphrase, open_database
    from tp_tui.services.backup import backup_dir
    from tp_tui.services.encryption import encrypt_file, sqlcipher_module

    path = database_path(args.db, args.demo)
    try:
        sqlcipher_module()
        if current_passphrase() is not None:
            raise StorageError("crypto.error.already_encrypted", path=str(path))
        passphrase = new_passphrase(args, path)
    except StorageError as error:
        return _fail(error)
    close_database()
    try:
        encrypt_file(path, passphrase)
    except StorageError as error:
        open_database(path)  # unchanged: open it again as the CLI expects
        return _fail(error)
    try:
        open_database(path, passphrase)
    except StorageError as error:
        return _fail(error)
    print(t("crypto.encrypted", path=str(path)))
    print(t("crypto.backup_old_plain", folder=str(backup_dir(path))))
    return 0


def decrypt_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from tp_tui.db import StorageError, close_database, current_passphrase, open_database
    from tp_tui.services.encryption import decrypt_file

    path = database_path(args.db, args.demo)
    passphrase = current_passphrase()  # the CLI asked for it when opening the file
    if passphrase is None:
        return _fail(StorageError("crypto.error.not_encrypted", path=str(path)))
    close_database()
    try:
        decrypt_file(path, passphrase)
    except StorageError as error:
        open_database(path, passphrase)
        return _fail(error)
    try:
        open_database(path)
    except StorageError as error:
        return _fail(error)
    print(t("crypto.decrypted", path=str(path)))
    return 0
