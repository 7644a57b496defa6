"""English messages for encryption at rest."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "storage.error.encrypted": "The database {path} is encrypted: tp asks for the passphrase "
    "(or give --passphrase-file PATH when there is no terminal).",
    "storage.error.wrong_passphrase": "Wrong passphrase for {path} (or the file is not a tp-tui "
    "database). Nothing was changed in it.",
    "storage.error.empty_passphrase": "An empty passphrase is not allowed: it would leave the "
    "database unencrypted. Nothing was changed.",
    "storage.error.no_sqlcipher": "encryption needs the sqlcipher3 package: "
    "pip install 'tp-tui[encryption]'",
    "crypto.error.passphrase_file": "The passphrase file {path} cannot be used: {reason}.",
    "crypto.error.passphrase_file_mode": "The passphrase file {path} must be readable by you "
    "alone (chmod 600 {path}); it is {mode}.",
    "crypto.error.no_terminal": "No terminal to ask for the passphrase: give --passphrase-file "
    "PATH (a file only you can read).",
    "crypto.error.mismatch": "The two passphrases differ. Nothing was changed.",
    "crypto.error.too_many_tries": "Wrong passphrase three times. Nothing was changed.",
    "crypto.error.already_encrypted": "{path} is already encrypted. Nothing was changed.",
    "crypto.error.not_encrypted": "{path} is not encrypted. Nothing was changed.",
    "crypto.error.verify": "The converted copy did not match the database ({reason}); it was "
    "removed and {path} is unchanged.",
    "crypto.error.failed": "Converting {path} failed: {reason}. The database is unchanged.",
    "crypto.prompt.passphrase": "Passphrase for {path}: ",
    "crypto.prompt.new": "New passphrase for {path}: ",
    "crypto.prompt.again": "The same passphrase again: ",
    "crypto.encrypted": "{path} is now encrypted. Keep the passphrase safe: without it the data "
    "cannot be read, not even from backups made from now on.",
    "crypto.decrypted": "{path} is now a plain, unencrypted file.",
    "crypto.backup_old_plain": "Backups made before encrypting are still plain text in {folder}: "
    "delete them when you no longer need them.",
    "cli.help.encrypt": "encrypt the database with a passphrase (SQLCipher)",
    "cli.help.decrypt": "turn an encrypted database back into a plain file",
    "cli.help.passphrase_file": "read the passphrase from this file (mode 0600) when there is no "
    "terminal; never give it on the command line",
    "backup.error.encrypted_restore": "{path} is an encrypted backup: restoring encrypted backups "
    "is not supported yet. Nothing was changed.",
}
